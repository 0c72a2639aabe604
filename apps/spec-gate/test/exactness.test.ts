/**
 * The four classes a held-out catalogue of single spec edits found the gate wrong on (issue 19), each with
 * its mirror image that must stay as it is, and the spec's two operations: every line names its operation.
 * AgentSession, the shared timeout headers and the spec's servers reach both listAgentSessions (a session is
 * `$.sessions[]`) and getAgentSession (a session is the body), so a change to one is one change per operation.
 * In process: `diffSpecs` on two texts of this repo's Vectara spec, rendered by `renderGate`.
 */
import { loadSpec } from '@api-contracts/specs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { blastRadius } from '../src/blast-radius.js';
import type { SpecReport } from '../src/gate.js';
import { renderBlastRadius, renderGate } from '../src/render.js';
import { diffSpecs, requiredBump, type SpecDiff } from '../src/spec-diff.js';
import { byOperation } from './support/by-operation.js';

// biome-ignore lint/suspicious/noExplicitAny: a spec is edited freely in tests.
type Spec = Record<string, any>;
type Edit = (spec: Spec) => void;

const sessions = '/v2/agents/{agent_key}/sessions';
const session = '/v2/agents/{agent_key}/sessions/{session_key}';
const limitOf = (spec: Spec) => spec.paths[sessions].get.parameters.find((parameter: { name?: string }) => parameter.name === 'limit');

/** This repo's Vectara spec, `base` applied, against the same with `edit` applied too. */
function diff(edit: Edit, base: Edit = () => {}): SpecDiff {
  const before = loadSpec('vectara') as Spec;
  base(before);
  const after = structuredClone(before);
  edit(after);
  return diffSpecs('vectara', stringify(before), stringify(after));
}

/** The report's lines for one spec's diff: the headline, then one line per change (and per information). */
function rendered(result: SpecDiff): string[] {
  const spec: SpecReport = {
    api: 'vectara',
    file: 'specs/vectara/openapi.yaml',
    status: 'changed',
    ...result,
    required: requiredBump(result.changes),
    problems: [],
  };
  const text = renderGate({
    base: { ref: 'main', commit: '0'.repeat(40) },
    specs: [spec],
    pending: {},
    consumers: { sources: [], apis: [], notChecked: [] },
    problems: [],
  });
  const lines = text.split('\n');
  const headline = lines.findIndex((line) => line.startsWith('vectara '));
  return lines.slice(headline, lines.indexOf('', headline));
}

/** AgentSession split into `allOf`: a `$ref`'d identity part and the rest, the same schema in effect. */
const intoAllOf: Edit = (spec) => {
  const agentSession = spec.components.schemas.AgentSession;
  const identity = ['key', 'agent_key', 'name'];
  const pick = (keep: boolean) =>
    Object.fromEntries(Object.entries(agentSession.properties).filter(([name]) => identity.includes(name) === keep));
  spec.components.schemas.AgentSessionIdentity = {
    type: 'object',
    required: agentSession.required.filter((name: string) => identity.includes(name)),
    properties: pick(true),
  };
  spec.components.schemas.AgentSession = {
    description: agentSession.description,
    allOf: [
      { $ref: '#/components/schemas/AgentSessionIdentity' },
      { type: 'object', required: agentSession.required.filter((name: string) => !identity.includes(name)), properties: pick(false) },
    ],
  };
};

describe('a schema refactored into allOf or out of it: effective, merged schemas are compared', () => {
  it('into allOf with the same effective schema is no change (it was 16 response-property-removed BREAKING and a major bump)', () => {
    const result = diff(intoAllOf);
    expect(result).toEqual({ changes: [], info: [], docs: [] });
    expect(requiredBump(result.changes)).toBe('none');
  });

  it('out of allOf with the same effective schema is no change (it was 17 additive lines and a minor bump)', () => {
    const original = loadSpec('vectara') as Spec;
    const result = diff((spec) => {
      spec.components.schemas.AgentSession = original.components.schemas.AgentSession;
      delete spec.components.schemas.AgentSessionIdentity;
    }, intoAllOf);
    expect(result).toEqual({ changes: [], info: [], docs: [] });
  });

  it('mirror: an allOf refactor that drops a property is that one change, annotated on an allOf member', () => {
    const result = diff((spec) => {
      const member = spec.components.schemas.AgentSession.allOf[1];
      delete member.properties.enabled;
      member.required = member.required.filter((name: string) => name !== 'enabled');
    }, intoAllOf);
    // A removal lands on its parent, `properties:`; both members have one, so it is one of theirs.
    const removed = {
      rule: 'response-property-removed',
      kind: 'breaking',
      status: '200',
      specPointer: expect.stringMatching(/^#\/components\/schemas\/AgentSession(Identity|\/allOf\/1)\/properties$/),
    };
    expect(byOperation(result.changes)).toEqual({
      listAgentSessions: [expect.objectContaining({ ...removed, path: '$.sessions[].enabled' })],
      getAgentSession: [expect.objectContaining({ ...removed, path: '$.enabled' })],
    });
    expect(requiredBump(result.changes)).toBe('major');
  });

  it('mirror: a property added to an allOf member lands on the member that holds it, through its $ref or inline', () => {
    const result = diff((spec) => {
      spec.components.schemas.AgentSessionIdentity.properties.alias = { type: 'string' };
      spec.components.schemas.AgentSession.allOf[1].properties.region = { type: 'string' };
    }, intoAllOf);
    const alias = { rule: 'response-property-added', specPointer: '#/components/schemas/AgentSessionIdentity/properties/alias' };
    const region = { rule: 'response-property-added', specPointer: '#/components/schemas/AgentSession/allOf/1/properties/region' };
    expect(byOperation(result.changes)).toEqual({
      listAgentSessions: [
        expect.objectContaining({ ...alias, path: '$.sessions[].alias' }),
        expect.objectContaining({ ...region, path: '$.sessions[].region' }),
      ],
      getAgentSession: [expect.objectContaining({ ...alias, path: '$.alias' }), expect.objectContaining({ ...region, path: '$.region' })],
    });
  });
});

describe('a component no operation reaches: information, no release', () => {
  const withOrphan: Edit = (spec) => {
    spec.components.schemas.Orphan = { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' } } };
  };

  it('a property removed from it, or the whole component added, needs no release and is listed as info', () => {
    const changed = diff((spec) => {
      delete spec.components.schemas.Orphan.properties.id;
      spec.components.parameters.Unused = { name: 'unused', in: 'query', schema: { type: 'string' } };
    }, withOrphan);
    expect(changed.changes).toEqual([]);
    expect(changed.info).toEqual([
      expect.objectContaining({ kind: 'info', operation: 'components/parameters/Unused', rule: 'request-parameter-added-optional' }),
      expect.objectContaining({ kind: 'info', operation: 'components/schemas/Orphan', path: '$.id', rule: 'response-property-removed' }),
    ]);
    expect(requiredBump(changed.changes)).toBe('none');
    const lines = rendered(changed);
    expect(lines[0]).toContain('0 breaking, 0 additive, 2 info (no operation reaches it), 0 docs-only; needs no release');
    expect(lines[2]).toMatch(/^ {2}components\/schemas\/Orphan \$\.id +response-property-removed +info +\(no operation reaches it\)$/);
  });

  it('mirror: the same change to a component an operation reaches is reported where the operation feels it, breaking', () => {
    const result = diff((spec) => {
      delete spec.components.schemas.Orphan.properties.id;
      delete spec.components.schemas.AgentSession.properties.description;
    }, withOrphan);
    const removed = { rule: 'response-property-removed', kind: 'breaking', status: '200' };
    expect(byOperation(result.changes)).toEqual({
      listAgentSessions: [expect.objectContaining({ ...removed, path: '$.sessions[].description' })],
      getAgentSession: [expect.objectContaining({ ...removed, path: '$.description' })],
    });
    expect(result.info.map((item) => item.operation)).toEqual(['components/schemas/Orphan']);
    expect(requiredBump(result.changes)).toBe('major');
  });
});

describe('a request enum compared as a whole, not value by value', () => {
  const withEnum: Edit = (spec) => {
    limitOf(spec).schema.enum = [10, 25, 50, 100];
  };

  it('an enum gained by a query parameter tightens the request (it was request-constraint-relaxed additive, value by value)', () => {
    const result = diff(withEnum);
    expect(result.changes).toEqual([
      expect.objectContaining({
        rule: 'request-constraint-tightened',
        kind: 'breaking',
        operation: 'listAgentSessions',
        path: 'parameter:query:limit',
        detail: 'enum [10,25,50,100] added',
        instances: 1,
      }),
    ]);
    expect(requiredBump(result.changes)).toBe('major');
  });

  it('an enum gained by a shared header parameter (a component) tightens the request too', () => {
    const result = diff((spec) => {
      spec.components.parameters.RequestTimeoutMillis.schema.enum = [1000, 5000];
    });
    const tightened = expect.objectContaining({
      rule: 'request-constraint-tightened',
      kind: 'breaking',
      path: 'parameter:header:Request-Timeout-Millis',
      detail: 'enum [1000,5000] added',
      instances: 1,
    });
    expect(byOperation(result.changes)).toEqual({ listAgentSessions: [tightened], getAgentSession: [tightened] });
  });

  it('enum values lost tighten it; one replaced is one lost and one gained', () => {
    expect(diff((spec) => (limitOf(spec).schema.enum = [10, 25]), withEnum).changes).toEqual([
      expect.objectContaining({ rule: 'request-constraint-tightened', detail: 'enum value 50 removed; enum value 100 removed' }),
    ]);
    expect(diff((spec) => (limitOf(spec).schema.enum = [10, 25, 50, 99]), withEnum).changes).toEqual([
      expect.objectContaining({ rule: 'request-constraint-tightened', detail: 'enum value 100 removed' }),
      expect.objectContaining({ rule: 'request-constraint-relaxed', detail: 'enum value 99 added' }),
    ]);
  });

  it('mirror: a value added to the enum, or the enum dropped, relaxes the request (additive)', () => {
    expect(diff((spec) => (limitOf(spec).schema.enum = [10, 25, 50, 75, 100]), withEnum).changes).toEqual([
      expect.objectContaining({ rule: 'request-constraint-relaxed', kind: 'additive', detail: 'enum value 75 added' }),
    ]);
    const dropped = diff((spec) => delete limitOf(spec).schema.enum, withEnum);
    expect(dropped.changes).toEqual([
      expect.objectContaining({ rule: 'request-constraint-relaxed', kind: 'additive', detail: 'enum [10,25,50,100] removed' }),
    ]);
    expect(requiredBump(dropped.changes)).toBe('minor');
  });
});

describe('the default server URL: its own rule, at least a minor bump', () => {
  it('a change of the first servers URL is server-url-changed (additive) on every operation, and not also documentation', () => {
    const result = diff((spec) => {
      spec.servers[0].url = 'https://api.eu.vectara.io';
    });
    const changed = expect.objectContaining({
      rule: 'server-url-changed',
      kind: 'additive',
      path: 'server',
      expected: 'https://api.vectara.io',
      actual: 'https://api.eu.vectara.io',
      specPointer: '#/servers/0/url',
    });
    expect(byOperation(result.changes)).toEqual({ listAgentSessions: [changed], getAgentSession: [changed] });
    expect(result.docs).toEqual([]);
    expect(requiredBump(result.changes)).toBe('minor');
    const [, ...lines] = rendered(result);
    expect(lines).toHaveLength(2);
    for (const operation of ['listAgentSessions', 'getAgentSession'])
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^ {2}${operation} server +server-url-changed +additive +\\(https://api\\.vectara\\.io → https://api\\.eu\\.vectara\\.io\\)$`,
          ),
        ),
      );
  });

  it('a server variable whose default changes changes the default URL too', () => {
    const templated: Edit = (spec) => {
      spec.servers[0] = { url: 'https://{host}', variables: { host: { default: 'api.vectara.io' } } };
    };
    expect(diff(() => {}, templated)).toEqual({ changes: [], info: [], docs: [] });
    const changed = expect.objectContaining({
      rule: 'server-url-changed',
      expected: 'https://api.vectara.io',
      actual: 'https://eu.vectara.io',
    });
    expect(byOperation(diff((spec) => (spec.servers[0].variables.host.default = 'eu.vectara.io'), templated).changes)).toEqual({
      listAgentSessions: [changed],
      getAgentSession: [changed],
    });
  });

  it('mirror: a server described otherwise, a second server, or an override with the same URL stay documentation', () => {
    const result = diff((spec) => {
      spec.servers[0].description = 'Production (global)';
      spec.servers.push({ url: 'https://api.eu.vectara.io', description: 'EU' });
      spec.paths[sessions].get.servers = [{ url: 'https://api.vectara.io' }];
    });
    expect(result.changes).toEqual([]);
    expect(result.docs.length).toBeGreaterThan(0);
    expect(requiredBump(result.changes)).toBe('none');
  });
});

/** The spec's own getAgentSession, given a default server of its own (an operation's `servers` override the spec's). */
const getWithOwnServer: Edit = (spec) => {
  spec.paths[session].get.servers = [{ url: 'https://sessions.vectara.io' }];
};

describe('the spec’s two operations: every line names its operation', () => {
  it('the spec holds both, each its own path: what the cases below rely on', () => {
    const spec = loadSpec('vectara') as Spec;
    expect([spec.paths[sessions]?.get?.operationId, spec.paths[session]?.get?.operationId]).toEqual([
      'listAgentSessions',
      'getAgentSession',
    ]);
    expect(spec.paths[session].get.servers).toBeUndefined();
  });

  it('a shared schema, a shared parameter and the spec’s servers changed: one line per operation that feels each', () => {
    const result = diff((spec) => {
      delete spec.components.schemas.AgentSession.properties.description;
      spec.components.parameters.RequestTimeout.schema.enum = [10, 30];
      spec.servers[0].url = 'https://api.eu.vectara.io';
      spec.paths[session].get.servers[0].url = 'https://sessions.eu.vectara.io';
    }, getWithOwnServer);
    const where = result.changes.map((change) => [change.operation, change.status ?? '', change.path, change.rule]);
    expect(where).toEqual(
      expect.arrayContaining([
        ['listAgentSessions', '200', '$.sessions[].description', 'response-property-removed'],
        ['getAgentSession', '200', '$.description', 'response-property-removed'],
        ['listAgentSessions', '', 'parameter:header:Request-Timeout', 'request-constraint-tightened'],
        ['getAgentSession', '', 'parameter:header:Request-Timeout', 'request-constraint-tightened'],
        ['listAgentSessions', '', 'server', 'server-url-changed'],
        ['getAgentSession', '', 'server', 'server-url-changed'],
      ]),
    );
    expect(where).toHaveLength(6);
    expect(result.changes.find((change) => change.operation === 'getAgentSession' && change.rule === 'server-url-changed')).toMatchObject({
      expected: 'https://sessions.vectara.io',
      specPointer: `#/paths/${session.replaceAll('/', '~1')}/get/servers/0/url`,
    });
    const [, ...lines] = rendered(result);
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(line).toMatch(/^ {2}(listAgentSessions|getAgentSession) /);
  });

  it('an operation that overrides the servers keeps its default URL when the spec’s changes; removing one operation names it', () => {
    const result = diff((spec) => {
      spec.servers[0].url = 'https://api.eu.vectara.io';
    }, getWithOwnServer);
    expect(result.changes.map((change) => [change.operation, change.rule])).toEqual([['listAgentSessions', 'server-url-changed']]);
    const removed = diff((spec) => delete spec.paths[session]);
    expect(removed.changes.map((change) => [change.operation, change.rule])).toEqual([['getAgentSession', 'operation-removed']]);
  });

  it('the blast radius names the operation each broken interaction calls', async () => {
    const before = loadSpec('vectara') as Spec;
    const after = structuredClone(before);
    delete after.components.schemas.AgentSession.properties.description;
    const body = { key: 'ase_1', name: 'n', agent_key: 'a', enabled: true, created_at: '2024-01-15T10:30:00Z', description: 'd' };
    const interaction = (description: string, path: string, responseBody: unknown) => ({
      description,
      request: { method: 'GET', path, headers: { 'x-api-key': 'placeholder-api-key' } },
      response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: responseBody },
    });
    const pact = {
      consumer: { name: 'billing-service' },
      provider: { name: 'vectara-agents-api' },
      interactions: [
        interaction('a list of sessions with descriptions', '/v2/agents/a/sessions', { sessions: [body], metadata: {} }),
        interaction('one session with its description', '/v2/agents/a/sessions/ase_1', body),
      ],
      metadata: { pactSpecification: { version: '2.0.0' } },
    };
    const radius = await blastRadius(
      {
        sources: [],
        unreadable: [],
        pacts: [{ consumer: 'billing-service', provider: 'vectara-agents-api', file: 'billing.json', origin: 'other', pact }],
      },
      [{ api: 'vectara', status: 'changed', before: stringify(before), after: stringify(after) }],
    );
    const [vectara] = radius.apis;
    expect(vectara?.breaks.map((item) => [item.operation, item.interaction, item.location])).toEqual([
      ['listAgentSessions', 'a list of sessions with descriptions', '$.sessions[].description'],
      ['getAgentSession', 'one session with its description', '$.description'],
    ]);
    const text = renderBlastRadius(radius).join('\n');
    expect(text).toContain('    listAgentSessions breaks consumer `billing-service`: interaction "a list of sessions with descriptions"');
    expect(text).toContain('    getAgentSession breaks consumer `billing-service`: interaction "one session with its description"');
  });
});

describe('response links: where another operation’s ids come from', () => {
  it('a link added, changed or removed is documentation: nothing on the wire or in the types changes', () => {
    const withoutLinks: Edit = (spec) => {
      delete spec.paths[sessions].get.responses['200'].links;
    };
    const added = diff((spec) => {
      spec.paths[sessions].get.responses['200'].links = {
        ownAgent: { operationId: 'getAgentSession', parameters: { agent_key: '$request.path.agent_key' } },
      };
    }, withoutLinks);
    expect(added.changes).toEqual([]);
    expect(added.docs.length).toBeGreaterThan(0);
    expect(requiredBump(added.changes)).toBe('none');
  });

  it('mirror: the operation a link points at changing its response is still that operation’s change', () => {
    const result = diff((spec) => {
      delete spec.components.schemas.AgentSession.properties.enabled;
    });
    expect(Object.keys(byOperation(result.changes)).sort()).toEqual(['getAgentSession', 'listAgentSessions']);
  });
});
