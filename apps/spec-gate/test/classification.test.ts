/**
 * Spec changes mapped onto the drift-rules catalogue, by direction (oasdiff's): what widens a response or
 * narrows a request breaks; the reverse is additive. The rule's severity, not api-smart-diff's type,
 * decides the bump. In throwaway repos holding this repo's specs.
 */
import { loadSpec } from '@api-contracts/specs';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runGate } from '../src/gate.js';
import { renderGate } from '../src/render.js';
import { fixtureRepo } from './support/repo.js';

type Repo = Awaited<ReturnType<typeof fixtureRepo>>;
let repo: Repo;
afterEach(() => repo?.remove());

const gate = () => runGate({ root: repo.root, checkGenerated: false });
const vectaraOf = async () => {
  const report = await gate();
  const vectara = report.specs.find((spec) => spec.api === 'vectara');
  if (!vectara) throw new Error('no vectara spec in the report');
  return { report, vectara };
};
const sessions = '/v2/agents/{agent_key}/sessions';

describe('spec changes classified with the catalogue', () => {
  it('a value added to a response enum is breaking (response-enum-value-added): generated unions and exhaustive switches', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.components.schemas.AgentSession.properties.status.enum.push('paused');
    });
    const { vectara } = await vectaraOf();
    expect(vectara.changes).toEqual([
      expect.objectContaining({ rule: 'response-enum-value-added', kind: 'breaking', status: '200', path: '$.sessions[].status' }),
    ]);
    expect(vectara.changes[0]?.detail).toBe('enum value "paused" added');
    expect(vectara.required).toBe('major');
  });

  it('a value removed from a response enum is additive (response-enum-value-removed)', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.components.schemas.AgentSession.properties.status.enum = ['running', 'stopped'];
    });
    const { vectara } = await vectaraOf();
    expect(vectara.changes).toEqual([expect.objectContaining({ rule: 'response-enum-value-removed', kind: 'additive' })]);
    expect(vectara.required).toBe('minor');
  });

  it('a response property made nullable breaks (response-property-became-nullable); a request bound relaxed is additive', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.components.schemas.AgentSession.properties.name.nullable = true;
      spec.paths[sessions].get.parameters.find((parameter: { name?: string }) => parameter.name === 'limit').schema.maximum = 1000;
    });
    const { vectara } = await vectaraOf();
    expect(vectara.changes).toEqual([
      expect.objectContaining({ rule: 'response-property-became-nullable', kind: 'breaking', path: '$.sessions[].name' }),
      expect.objectContaining({
        rule: 'request-constraint-relaxed',
        kind: 'additive',
        path: 'parameter:query:limit',
        detail: 'maximum 100 → 1000',
      }),
    ]);
  });

  it('an optional query parameter made required breaks (request-parameter-became-required)', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.paths[sessions].get.parameters.find((parameter: { name?: string }) => parameter.name === 'filter').required = true;
    });
    const { vectara } = await vectaraOf();
    expect(vectara.changes).toEqual([
      expect.objectContaining({ rule: 'request-parameter-became-required', kind: 'breaking', path: 'parameter:query:filter' }),
    ]);
  });

  it('a default on an optional response property makes it non-optional in the generated types (response-property-became-required)', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.components.schemas.AgentSession.properties.description.default = '';
      // On a required property a default changes no type: documentation.
      spec.components.schemas.AgentSession.properties.created_at.default = '1970-01-01T00:00:00Z';
    });
    const { vectara } = await vectaraOf();
    expect(vectara.changes).toEqual([
      expect.objectContaining({ rule: 'response-property-became-required', kind: 'additive', path: '$.sessions[].description' }),
    ]);
    expect(vectara.docs.map((change) => change.description)).toEqual(['$.sessions[].created_at: default 1970-01-01T00:00:00Z added']);
  });

  it('an operation added is additive (operation-added), a spec removed breaks each of its operations (operation-removed)', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.paths['/v2/agents/{agent_key}'] = {
        get: {
          operationId: 'getAgent',
          parameters: [spec.paths[sessions].get.parameters[2]],
          responses: { '200': { description: 'The agent.' } },
        },
      };
    });
    const added = await vectaraOf();
    expect(added.vectara.changes).toEqual([expect.objectContaining({ rule: 'operation-added', operation: 'getAgent', path: 'operation' })]);
    expect(added.vectara.required).toBe('minor');

    await repo.removeSpec('vectara');
    const removed = await vectaraOf();
    expect(removed.vectara).toMatchObject({ status: 'removed', required: 'major' });
    expect(removed.vectara.changes).toEqual([expect.objectContaining({ rule: 'operation-removed', operation: 'listAgentSessions' })]);
  });

  it('reports a change under a component that no operation reaches once, by component, as information: no release', async () => {
    const orphan = { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' } } };
    const withOrphan = loadSpec('vectara');
    withOrphan.components.schemas.Orphan = orphan;
    repo = await fixtureRepo({ base: { 'specs/vectara/openapi.yaml': stringify(withOrphan) } });
    await repo.editSpec('vectara', (spec) => {
      spec.components.schemas.Orphan = { type: 'object', properties: { label: { type: 'string' } } };
    });
    const { report, vectara } = await vectaraOf();
    expect(vectara.changes).toEqual([]);
    expect(vectara.info).toEqual([
      expect.objectContaining({ kind: 'info', rule: 'response-property-removed', operation: 'components/schemas/Orphan', path: '$.id' }),
    ]);
    expect(vectara).toMatchObject({ status: 'changed', required: 'none', problems: [] });
    const text = renderGate(report);
    expect(text).toMatch(/^ {2}components\/schemas\/Orphan \$\.id +response-property-removed +info +\(no operation reaches it\)$/m);
    expect(text).toContain('0 breaking, 0 additive, 1 info (no operation reaches it), 0 docs-only; needs no release');
    expect(text).toContain('spec gate: pass');
  });

  it('a security scheme renamed with the same definition is no change of the contract; a way removed breaks', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.components.securitySchemes.VectaraKey = spec.components.securitySchemes.ApiKeyAuth;
      delete spec.components.securitySchemes.ApiKeyAuth;
      spec.security = [{ VectaraKey: [] }];
    });
    const { vectara } = await vectaraOf();
    expect(vectara.changes).toEqual([
      expect.objectContaining({
        rule: 'security-scheme-removed',
        kind: 'breaking',
        path: 'security:OAuth2',
        detail: 'oauth2 clientCredentials',
      }),
    ]);
  });
});
