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
import { byOperation } from './support/by-operation.js';
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
// AgentSession is shared: listAgentSessions returns it as `$.sessions[]`, getAgentSession as the whole body.

describe('spec changes classified with the catalogue', () => {
  it('a value added to a response enum is breaking (response-enum-value-added): generated unions and exhaustive switches', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.components.schemas.AgentSession.properties.status.enum.push('paused');
    });
    const { vectara } = await vectaraOf();
    const added = { rule: 'response-enum-value-added', kind: 'breaking', status: '200', detail: 'enum value "paused" added' };
    expect(byOperation(vectara.changes)).toEqual({
      listAgentSessions: [expect.objectContaining({ ...added, path: '$.sessions[].status' })],
      getAgentSession: [expect.objectContaining({ ...added, path: '$.status' })],
    });
    expect(vectara.required).toBe('major');
  });

  it('a value removed from a response enum is additive (response-enum-value-removed)', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.components.schemas.AgentSession.properties.status.enum = ['running', 'stopped'];
    });
    const { vectara } = await vectaraOf();
    const removed = { rule: 'response-enum-value-removed', kind: 'additive', status: '200' };
    expect(byOperation(vectara.changes)).toEqual({
      listAgentSessions: [expect.objectContaining({ ...removed, path: '$.sessions[].status' })],
      getAgentSession: [expect.objectContaining({ ...removed, path: '$.status' })],
    });
    expect(vectara.required).toBe('minor');
  });

  it('a response property made nullable breaks (response-property-became-nullable); a request bound relaxed is additive', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.components.schemas.AgentSession.properties.name.nullable = true;
      spec.paths[sessions].get.parameters.find((parameter: { name?: string }) => parameter.name === 'limit').schema.maximum = 1000;
    });
    const { vectara } = await vectaraOf();
    const nullable = { rule: 'response-property-became-nullable', kind: 'breaking' };
    // `limit` is listAgentSessions' own parameter: only it accepts more.
    expect(byOperation(vectara.changes)).toEqual({
      listAgentSessions: [
        expect.objectContaining({ ...nullable, path: '$.sessions[].name' }),
        expect.objectContaining({
          rule: 'request-constraint-relaxed',
          kind: 'additive',
          path: 'parameter:query:limit',
          detail: 'maximum 100 → 1000',
        }),
      ],
      getAgentSession: [expect.objectContaining({ ...nullable, path: '$.name' })],
    });
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
    const required = { rule: 'response-property-became-required', kind: 'additive' };
    expect(byOperation(vectara.changes)).toEqual({
      listAgentSessions: [expect.objectContaining({ ...required, path: '$.sessions[].description' })],
      getAgentSession: [expect.objectContaining({ ...required, path: '$.description' })],
    });
    expect(vectara.docs.map((change) => [change.operation, change.description])).toEqual(
      expect.arrayContaining([
        ['listAgentSessions', '$.sessions[].created_at: default 1970-01-01T00:00:00Z added'],
        ['getAgentSession', '$.created_at: default 1970-01-01T00:00:00Z added'],
      ]),
    );
    expect(vectara.docs).toHaveLength(2);
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
    expect(byOperation(removed.vectara.changes)).toEqual({
      listAgentSessions: [expect.objectContaining({ rule: 'operation-removed', kind: 'breaking', path: 'operation' })],
      getAgentSession: [expect.objectContaining({ rule: 'operation-removed', kind: 'breaking', path: 'operation' })],
    });
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
    // Both operations take the spec's `security`: each loses OAuth2, neither the renamed API key.
    const removed = { rule: 'security-scheme-removed', kind: 'breaking', path: 'security:OAuth2', detail: 'oauth2 clientCredentials' };
    expect(byOperation(vectara.changes)).toEqual({
      listAgentSessions: [expect.objectContaining(removed)],
      getAgentSession: [expect.objectContaining(removed)],
    });
  });
});
