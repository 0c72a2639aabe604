/**
 * The blast radius of our own spec changes: every known consumer pact (ours under apps/contract-tests/pacts,
 * other repos' under apps/contract-tests/consumers) checked statically against the changed spec with PactFlow's
 * comparator, in throwaway repos. The fixture `billing-service` pact relies on a session's optional
 * `description`, which a change then drops.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { pactLocation } from '../src/blast-radius.js';
import { runGate } from '../src/gate.js';
import { renderGate } from '../src/render.js';
import { byOperation } from './support/by-operation.js';
import { fixtureRepo } from './support/repo.js';

type Repo = Awaited<ReturnType<typeof fixtureRepo>>;
let repo: Repo;
afterEach(() => repo?.remove());

const billingPact = JSON.parse(
  await readFile(new URL('./fixtures/consumers/billing-service/billing-service-vectara-agents-api.json', import.meta.url), 'utf8'),
) as { consumer: { name: string }; provider: { name: string }; interactions: unknown[] };
const billingFile = 'apps/contract-tests/consumers/billing-service/billing-service-vectara-agents-api.json';
const readsDescription = "a request for an agent's sessions, showing each session's description";
const gate = () => runGate({ root: repo.root, checkGenerated: false });
// One problem each when a changeset gives too small a bump: the config's fixed group names every published package.
const publishedPackages = ['@api-contracts/client', '@api-contracts/mock', '@api-contracts/specs', '@api-contracts/types'];
const dropDescription: Parameters<Repo['editSpec']>[1] = (spec) => {
  delete spec.components.schemas.AgentSession.properties.description;
};

describe('blast radius of a spec change', () => {
  it('names the consumer, the interaction and the comparator’s rule code when the change drops a field the consumer reads', async () => {
    repo = await fixtureRepo();
    await repo.addPact(billingFile, billingPact);
    await repo.editSpec('vectara', dropDescription);
    await repo.addChangeset('minor', { '@api-contracts/client': 'minor' });

    const report = await gate();
    const vectara = report.consumers.apis.find((radius) => radius.api === 'vectara');
    expect(vectara?.checked).toEqual([{ consumer: 'billing-service', origin: 'other', file: billingFile, interactions: 2 }]);
    expect(vectara?.breaks).toEqual([
      expect.objectContaining({
        consumer: 'billing-service',
        interaction: readsDescription,
        operation: 'listAgentSessions',
        code: 'response.body.incompatible',
        location: '$.sessions[].description',
      }),
    ]);
    const text = renderGate(report);
    // Led by the operation the interaction calls, as every change line is.
    expect(text).toContain(
      `    listAgentSessions breaks consumer \`billing-service\`: interaction "${readsDescription}" (response.body.incompatible at $.sessions[].description)`,
    );
    // The catalogue calls a removed response property breaking, for both operations that return a session;
    // the problem also names the consumer it breaks (whose pact calls listAgentSessions only).
    const removed = { kind: 'breaking', rule: 'response-property-removed', status: '200' };
    expect(byOperation(report.specs.find((spec) => spec.api === 'vectara')?.changes)).toEqual({
      listAgentSessions: [expect.objectContaining({ ...removed, path: '$.sessions[].description' })],
      getAgentSession: [expect.objectContaining({ ...removed, path: '$.description' })],
    });
    expect(report.specs.find((spec) => spec.api === 'vectara')?.required).toBe('major');
    expect(report.problems.map((problem) => problem.split(' ')[0])).toEqual(publishedPackages);
    expect(report.problems[0]).toBe(
      '@api-contracts/client needs a major bump for the breaking changes to specs/vectara/openapi.yaml, which breaks consumer `billing-service`; pending changesets give it minor',
    );
    expect(text).toContain('spec gate: FAIL');
  });

  it('makes a change the catalogue calls additive need a major bump when it breaks a known consumer', async () => {
    repo = await fixtureRepo();
    await repo.addPact(billingFile, billingPact);
    // A tightened response bound is additive (response-constraint-tightened), but the consumer's pact holds a longer description.
    await repo.editSpec('vectara', (spec) => {
      spec.components.schemas.AgentSession.properties.description.maxLength = 5;
    });
    await repo.addChangeset('minor', { '@api-contracts/client': 'minor' });

    const report = await gate();
    const vectara = report.specs.find((spec) => spec.api === 'vectara');
    const tightened = { kind: 'additive', rule: 'response-constraint-tightened', status: '200' };
    expect(byOperation(vectara?.changes)).toEqual({
      listAgentSessions: [expect.objectContaining({ ...tightened, path: '$.sessions[].description' })],
      getAgentSession: [expect.objectContaining({ ...tightened, path: '$.description' })],
    });
    expect(report.consumers.apis.find((radius) => radius.api === 'vectara')?.breaks).toEqual([
      expect.objectContaining({
        consumer: 'billing-service',
        interaction: readsDescription,
        operation: 'listAgentSessions',
        location: '$.sessions[].description',
      }),
    ]);
    expect(vectara?.changes.some((change) => change.kind === 'breaking')).toBe(false);
    expect(vectara?.required).toBe('major');
    expect(report.problems.map((problem) => problem.split(' ')[0])).toEqual(publishedPackages);
    expect(report.problems[0]).toBe(
      '@api-contracts/client needs a major bump for the change to specs/vectara/openapi.yaml, which breaks consumer `billing-service`; pending changesets give it minor',
    );
    expect(renderGate(report)).toContain('spec gate: FAIL');
  });

  it('still lists the consumers a breaking change breaks once a major changeset releases it', async () => {
    repo = await fixtureRepo();
    await repo.addPact(billingFile, billingPact);
    await repo.editSpec('vectara', dropDescription);
    await repo.addChangeset('major', { '@api-contracts/specs': 'major' });
    const report = await gate();
    expect(report.problems).toEqual([]);
    expect(renderGate(report)).toMatch(/breaks consumer `billing-service`: interaction .*\n[\s\S]*spec gate: pass/);
  });

  it('says plainly when there are no other consumers’ pacts, whether the folder is missing or empty', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', dropDescription);
    const missing = renderGate(await gate());
    expect(missing).toContain('other consumers: no other consumer pacts found (apps/contract-tests/consumers/ does not exist)');
    expect(missing).toContain('our pacts: none found (apps/contract-tests/pacts/ does not exist; `pnpm contracts` writes them)');
    expect(missing).toContain('vectara: no known consumer pact for this spec');

    await repo.addPact('apps/contract-tests/consumers/README.md', 'Other repos’ pacts go here.');
    const empty = await gate();
    expect(empty.consumers.sources).toEqual([
      { origin: 'ours', dir: 'apps/contract-tests/pacts', exists: false, pacts: 0 },
      { origin: 'other', dir: 'apps/contract-tests/consumers', exists: true, pacts: 0 },
    ]);
    expect(renderGate(empty)).toContain(
      'other consumers: no other consumer pacts found (apps/contract-tests/consumers/ holds no .json file)',
    );
  });

  it('checks our own pacts beside the other consumers’, and only against the spec that changed', async () => {
    repo = await fixtureRepo();
    await repo.addPact(billingFile, billingPact);
    await repo.addPact('apps/contract-tests/pacts/api-contracts-client-vectara-agents-api.json', {
      ...billingPact,
      consumer: { name: 'api-contracts-client' },
    });
    await repo.editSpec('vectara', dropDescription);
    const report = await gate();
    expect(report.consumers.sources.map((source) => [source.origin, source.pacts])).toEqual([
      ['ours', 1],
      ['other', 1],
    ]);
    expect(report.consumers.apis.map((radius) => radius.api)).toEqual(['vectara']);
    const vectara = report.consumers.apis[0];
    expect(vectara?.checked.map((pact) => [pact.consumer, pact.origin])).toEqual([
      ['api-contracts-client', 'ours'],
      ['billing-service', 'other'],
    ]);
    expect(vectara?.breaks.map((item) => item.consumer)).toEqual(['api-contracts-client', 'billing-service']);
    expect(report.problems[0]).toContain('which breaks consumers `api-contracts-client`, `billing-service`');
  });

  it('tells two pacts of the same consumer apart by their files', async () => {
    repo = await fixtureRepo();
    await repo.addPact(billingFile, billingPact);
    await repo.addPact('apps/contract-tests/consumers/billing-service/v2/billing-service-vectara-agents-api.json', billingPact);
    await repo.editSpec('vectara', dropDescription);
    const text = renderGate(await gate());
    expect(text).toContain(`breaks consumer \`billing-service\` (${billingFile}): interaction "${readsDescription}"`);
    expect(text).toContain(
      'breaks consumer `billing-service` (apps/contract-tests/consumers/billing-service/v2/billing-service-vectara-agents-api.json): interaction',
    );
  });

  it('does not blame the change for what the base spec already refused', async () => {
    repo = await fixtureRepo();
    // The consumer reads `title`, which the spec never promised; the change only rewords a description.
    const pact = structuredClone(billingPact) as { interactions: { response: { body: { sessions: Record<string, unknown>[] } } }[] };
    const first = pact.interactions[0];
    if (first?.response.body.sessions[0]) first.response.body.sessions[0].title = 'Billing';
    await repo.addPact(billingFile, pact);
    await repo.editSpec('vectara', (spec) => {
      spec.components.schemas.AgentSession.description = 'A conversation with an agent.';
    });
    const report = await gate();
    const vectara = report.consumers.apis.find((radius) => radius.api === 'vectara');
    expect(vectara?.breaks).toEqual([]);
    expect(vectara?.alreadyIncompatible).toBe(1);
    expect(report.problems).toEqual([]);
    expect(renderGate(report)).toContain("(1 finding the base spec gave already, not this change's doing)");
  });

  it('reports a query parameter the spec no longer declares as the comparator does: a warning, not a break', async () => {
    repo = await fixtureRepo();
    await repo.addPact(billingFile, billingPact);
    await repo.editSpec('vectara', (spec) => {
      const operation = spec.paths['/v2/agents/{agent_key}/sessions'].get;
      operation.parameters = operation.parameters.filter((parameter: { name?: string }) => parameter.name !== 'limit');
    });
    const vectara = (await gate()).consumers.apis.find((radius) => radius.api === 'vectara');
    expect(vectara?.breaks).toEqual([]);
    expect(vectara?.warnings).toEqual([
      expect.objectContaining({ consumer: 'billing-service', code: 'request.query.unknown', location: 'request.query.limit' }),
    ]);
  });

  it('finds a pact’s spec by its paths when the provider is named otherwise, and says which pacts it could not check', async () => {
    repo = await fixtureRepo();
    await repo.addPact('apps/contract-tests/consumers/billing-service/agents.json', { ...billingPact, provider: { name: 'AgentsAPI' } });
    await repo.addPact('apps/contract-tests/consumers/search/search.json', {
      consumer: { name: 'search-service' },
      provider: { name: 'search-api' },
      interactions: [{ description: 'a search', request: { method: 'GET', path: '/v1/search' }, response: { status: 200 } }],
    });
    await repo.addPact('apps/contract-tests/consumers/broken/broken.json', '{ not json');
    await repo.editSpec('vectara', dropDescription);
    const report = await gate();
    expect(report.consumers.apis.find((radius) => radius.api === 'vectara')?.breaks.map((item) => item.consumer)).toEqual([
      'billing-service',
    ]);
    expect(report.consumers.notChecked).toEqual([
      { file: 'apps/contract-tests/consumers/broken/broken.json', reason: expect.stringMatching(/^not JSON: /) },
      {
        file: 'apps/contract-tests/consumers/search/search.json',
        reason: 'provider `search-api` matches no spec (vectara, verisoul) by name or by paths',
      },
    ]);
    expect(renderGate(report)).toContain('not checked: apps/contract-tests/consumers/search/search.json: provider `search-api`');
  });

  it('breaks every interaction of a consumer whose spec is removed', async () => {
    repo = await fixtureRepo();
    await repo.addPact(billingFile, billingPact);
    await repo.removeSpec('vectara');
    const vectara = (await gate()).consumers.apis.find((radius) => radius.api === 'vectara');
    expect(vectara?.breaks.map((item) => [item.operation, item.interaction, item.code])).toEqual([
      ['listAgentSessions', readsDescription, 'spec.removed'],
      ['listAgentSessions', 'a request for the sessions of an unknown agent', 'spec.removed'],
    ]);
  });
});

describe('pactLocation', () => {
  it('writes a response body location as a JSON path with the property the spec lacks', () => {
    expect(
      pactLocation(
        '[root].interactions[3].response.body.sessions.0',
        'Response body is incompatible with the response body schema in the spec file: must NOT have additional properties - id',
      ),
    ).toBe('$.sessions[].id');
    expect(pactLocation('[root].interactions[0].response.body', 'must have required property sessions')).toBe('$');
  });

  it('keeps request locations as the comparator writes them', () => {
    expect(pactLocation('[root].interactions[4].request.query.page_key', 'Query parameter is not defined in the spec file: page_key')).toBe(
      'request.query.page_key',
    );
  });
});
