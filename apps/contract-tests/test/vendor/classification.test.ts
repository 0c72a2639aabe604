// How each kind of difference between our spec and the vendor's definition is named and weighed: the
// direction rules of the shared catalogue (a response may only narrow, a request may only widen), one
// change per difference of the contract, documentation ignored.
import { groupInstances } from '@api-contracts/drift-rules';
import { loadSpec } from '@api-contracts/specs';
import { describe, expect, it } from 'vitest';
import { operationNamed, specOperations } from '../../src/spec-operation.js';
import { compareOperation } from '../../src/vendor/compare.js';
import { locateOperation } from '../../src/vendor/operation.js';
import { agentSession, type Json, listAgentSessions, vectaraDefinition } from './support/definitions.js';

/**
 * The differences an edit of Vectara's definition introduces: the comparison's instances against the edited
 * definition minus those against the definition as published. What our spec already differs in on purpose
 * (vendor-differences.yaml, which a capture may extend) cancels out, so each case sees only its own edit.
 */
async function newDifferences(edit: (document: Json) => void) {
  const ours = loadSpec('vectara');
  const at = operationNamed(specOperations(ours), 'listAgentSessions');
  if (!at) throw new Error('our spec has no listAgentSessions');
  const instancesAgainst = (theirs: Json) => {
    const lookup = locateOperation(theirs, at);
    if (!lookup.found) throw new Error('operation not found');
    return compareOperation('vectara', { document: ours, at }, { document: theirs, at: lookup });
  };
  const edited = vectaraDefinition();
  edit(edited);
  const published = new Set(instancesAgainst(vectaraDefinition()).map((instance) => JSON.stringify(instance)));
  const introduced = instancesAgainst(edited).filter((instance) => !published.has(JSON.stringify(instance)));
  return groupInstances(introduced, { specs: { vectara: ours } }).map(({ rule, severity, status, path, expected, actual, hint }) => ({
    rule,
    severity,
    status,
    path,
    expected,
    actual,
    ...(hint && { hint }),
  }));
}

const parameter = (document: Json, name: string) => listAgentSessions(document).parameters.find((entry: Json) => entry.name === name);

describe('responses: the provider may only send less than our types allow', () => {
  it('a value added to a response enum is breaking', async () => {
    expect(await newDifferences((document) => agentSession(document).properties.status.enum.push('paused', 'archived'))).toEqual([
      {
        rule: 'response-enum-value-added',
        severity: 'breaking',
        status: '200',
        path: '$.sessions[].status',
        expected: 'enum without it',
        actual: 'enum + paused, enum + archived',
      },
    ]);
  });

  it('a value removed from a response enum is additive', async () => {
    const differences = await newDifferences((document) => {
      agentSession(document).properties.status.enum = ['running', 'stopped'];
    });
    expect(differences).toEqual([
      {
        rule: 'response-enum-value-removed',
        severity: 'additive',
        status: '200',
        path: '$.sessions[].status',
        expected: 'enum unstarted',
        actual: 'enum - unstarted',
      },
    ]);
  });

  it('a response type widened (integer to number) is breaking, one change without its consequences', async () => {
    expect(
      await newDifferences((document) => {
        agentSession(document).properties.tti_minutes.type = 'number';
      }),
    ).toEqual([
      {
        rule: 'response-property-type-changed',
        severity: 'breaking',
        status: '200',
        path: '$.sessions[].tti_minutes',
        expected: 'integer',
        actual: 'number',
      },
    ]);
  });

  it('a response value made nullable is breaking', async () => {
    expect(
      await newDifferences((document) => {
        agentSession(document).properties.name.nullable = true;
      }),
    ).toEqual([
      {
        rule: 'response-property-became-nullable',
        severity: 'breaking',
        status: '200',
        path: '$.sessions[].name',
        expected: 'no nullable',
        actual: 'nullable true',
      },
    ]);
  });

  it('a property our spec requires made optional is breaking', async () => {
    expect(
      await newDifferences((document) => {
        agentSession(document).required = agentSession(document).required.filter((name: string) => name !== 'created_at');
      }),
    ).toEqual([
      {
        rule: 'response-property-became-optional',
        severity: 'breaking',
        status: '200',
        path: '$.sessions[].created_at',
        expected: 'required',
        actual: 'optional',
      },
    ]);
  });

  it('a property renamed is a removal and an addition, each with the rename hint', async () => {
    expect(
      await newDifferences((document) => {
        const session = agentSession(document);
        session.properties.title = session.properties.name;
        delete session.properties.name;
        session.required = session.required.map((name: string) => (name === 'name' ? 'title' : name));
      }),
    ).toEqual([
      {
        rule: 'response-property-removed',
        severity: 'breaking',
        status: '200',
        path: '$.sessions[].name',
        expected: 'string',
        actual: '(absent)',
        hint: 'renamed to title?',
      },
      {
        rule: 'response-property-added',
        severity: 'additive',
        status: '200',
        path: '$.sessions[].title',
        expected: '(absent)',
        actual: 'string',
        hint: 'renamed from name?',
      },
    ]);
  });

  it('a property named like a documentation keyword (`description`) still counts', async () => {
    expect(
      await newDifferences((document) => {
        delete agentSession(document).properties.description;
      }),
    ).toEqual([
      {
        rule: 'response-property-removed',
        severity: 'breaking',
        status: '200',
        path: '$.sessions[].description',
        expected: 'string',
        actual: '(absent)',
      },
    ]);
  });

  it('a status the provider adds is additive', async () => {
    expect(
      await newDifferences((document) => {
        listAgentSessions(document).responses['503'] = {
          description: 'Unavailable.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        };
      }),
    ).toEqual([
      {
        rule: 'response-status-added',
        severity: 'additive',
        status: '503',
        path: 'status',
        expected: '503 (absent)',
        actual: '503 documented',
      },
    ]);
  });

  it('a response header our spec declares and the provider does not is breaking (its status, once declared, no longer differs)', async () => {
    expect(
      await newDifferences((document) => {
        listAgentSessions(document).responses['429'] = {
          description: 'Too many requests.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        };
      }),
    ).toEqual([
      {
        rule: 'response-header-removed',
        severity: 'breaking',
        status: '429',
        path: 'header:retry-after',
        expected: 'present',
        actual: 'absent',
      },
    ]);
  });
});

describe('requests: the provider may only accept more than our client sends', () => {
  it('an optional parameter the provider adds is additive', async () => {
    expect(
      await newDifferences((document) => {
        listAgentSessions(document).parameters.push({ in: 'query', name: 'include_archived', schema: { type: 'boolean' } });
      }),
    ).toEqual([
      {
        rule: 'request-parameter-added-optional',
        severity: 'additive',
        status: undefined,
        path: 'parameter:query:include_archived',
        expected: '(absent)',
        actual: 'optional query boolean',
      },
    ]);
  });

  it('a parameter our client sends, gone from the definition, is breaking', async () => {
    expect(
      await newDifferences((document) => {
        listAgentSessions(document).parameters = listAgentSessions(document).parameters.filter(
          (entry: Json) => entry.name !== 'metadata_filter',
        );
      }),
    ).toEqual([
      {
        rule: 'request-parameter-removed',
        severity: 'breaking',
        status: undefined,
        path: 'parameter:query:metadata_filter',
        expected: 'optional query string',
        actual: '(absent)',
      },
    ]);
  });

  it('a parameter made required is breaking', async () => {
    expect(
      await newDifferences((document) => {
        parameter(document, 'limit').required = true;
      }),
    ).toEqual([
      {
        rule: 'request-parameter-became-required',
        severity: 'breaking',
        status: undefined,
        path: 'parameter:query:limit',
        expected: 'optional',
        actual: 'required',
      },
    ]);
  });

  it('a bound tightened is breaking, relaxed additive', async () => {
    expect(
      await newDifferences((document) => {
        parameter(document, 'limit').schema.maximum = 50;
      }),
    ).toEqual([
      {
        rule: 'request-constraint-tightened',
        severity: 'breaking',
        status: undefined,
        path: 'parameter:query:limit',
        expected: 'maximum 100',
        actual: 'maximum 50',
      },
    ]);
    expect(
      await newDifferences((document) => {
        parameter(document, 'limit').schema.maximum = 1000;
      }),
    ).toEqual([
      {
        rule: 'request-constraint-relaxed',
        severity: 'additive',
        status: undefined,
        path: 'parameter:query:limit',
        expected: 'maximum 100',
        actual: 'maximum 1000',
      },
    ]);
  });

  it('a pattern changed beyond its anchors is breaking (which strings it accepts cannot be told)', async () => {
    const differences = await newDifferences((document) => {
      document.components.schemas.AgentKey.pattern = '^[a-z_]+$';
    });
    expect(differences.filter((difference) => difference.path === 'parameter:path:agent_key')).toEqual([
      {
        rule: 'request-constraint-tightened',
        severity: 'breaking',
        status: undefined,
        path: 'parameter:path:agent_key',
        expected: 'pattern ^[0-9a-zA-Z_-]+$',
        actual: 'pattern ^[a-z_]+$',
      },
    ]);
  });
});

describe('what is not a difference', () => {
  it('documentation: descriptions, summaries, examples, titles, extensions', async () => {
    expect(
      await newDifferences((document) => {
        const operation = listAgentSessions(document);
        operation.description = 'Rewritten.';
        operation.summary = 'Rewritten.';
        operation['x-fern-sdk-method-name'] = 'renamed';
        parameter(document, 'filter').schema.example = 'other.*';
        agentSession(document).properties.name.description = 'Rewritten.';
        agentSession(document).title = 'Session';
      }),
    ).toEqual([]);
  });

  it('an `allOf` around a `$ref` is the `$ref`', async () => {
    expect(
      await newDifferences((document) => {
        document.components.schemas.ListAgentSessionsResponse.properties.sessions.items = {
          allOf: [{ $ref: '#/components/schemas/AgentSession' }],
          description: 'A session.',
        };
      }),
    ).toEqual([]);
  });

  it('`additionalProperties: true` is `additionalProperties: {}`', async () => {
    expect(agentSession(vectaraDefinition()).properties.metadata.additionalProperties).toBe(true);
    expect(loadSpec('vectara').components.schemas.AgentSession.properties.metadata.additionalProperties).toEqual({});
    expect(await newDifferences(() => {})).toEqual([]);
  });
});
