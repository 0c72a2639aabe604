import { afterEach, describe, expect, it } from 'vitest';
import { runGate } from '../src/gate.js';
import { renderGate } from '../src/render.js';
import { fixtureRepo } from './support/repo.js';

type Repo = Awaited<ReturnType<typeof fixtureRepo>>;
let repo: Repo;
afterEach(() => repo?.remove());

const sessions = '/v2/agents/{agent_key}/sessions';
const gate = (base?: string) => runGate({ root: repo.root, base, checkGenerated: false });

/** The packages a spec change reaches: specs, types, client and mock (every published package), each needing the bump. */
const publishedPackages = 4;
describe('spec change gate', () => {
  it('passes with no spec change and no changeset', async () => {
    repo = await fixtureRepo();
    const report = await gate();
    expect(report.specs.map((spec) => [spec.api, spec.status])).toEqual([
      ['vectara', 'unchanged'],
      ['verisoul', 'unchanged'],
    ]);
    expect(report.problems).toEqual([]);
    expect(renderGate(report)).toContain('spec gate: pass');
  });

  it('classifies a removed required response field as breaking (response-property-removed), with its JSON pointer, and demands a major bump', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      delete spec.components.schemas.AgentSession.properties.enabled;
      spec.components.schemas.AgentSession.required = ['key', 'name', 'agent_key', 'created_at'];
    });
    await repo.addChangeset('minor-only', { '@api-contracts/client': 'minor' });

    const report = await gate();
    const vectara = report.specs.find((spec) => spec.api === 'vectara');
    expect(vectara?.required).toBe('major');
    expect(vectara?.changes).toContainEqual(
      expect.objectContaining({
        kind: 'breaking',
        rule: 'response-property-removed',
        operation: 'listAgentSessions',
        status: '200',
        path: '$.sessions[].enabled',
        pointer:
          '/paths/~1v2~1agents~1{agent_key}~1sessions/get/responses/200/content/application~1json/schema/properties/sessions/items/properties/enabled',
      }),
    );
    // Its entry in `required` is the same change, not a second one ("made optional").
    expect(vectara?.changes.filter((change) => change.path === '$.sessions[].enabled')).toHaveLength(1);
    expect(report.problems).toHaveLength(publishedPackages);
    expect(report.problems[0]).toMatch(/needs a major bump .* pending changesets give it minor$/);
    expect(renderGate(report)).toContain('spec gate: FAIL');
  });

  it('passes the same breaking change once a changeset bumps a package of the fixed group by major', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      delete spec.components.schemas.AgentSession.properties.enabled;
    });
    await repo.addChangeset('major', { '@api-contracts/types': 'major' });
    const report = await gate();
    expect(report.pending).toMatchObject({
      '@api-contracts/client': { bump: 'major' },
      '@api-contracts/specs': { bump: 'major' },
      '@api-contracts/types': { bump: 'major', from: ['.changeset/major.md'] },
    });
    expect(report.problems).toEqual([]);
  });

  it('lists every changeset that releases a package, as its changelog will', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      delete spec.components.schemas.AgentSession.properties.enabled;
    });
    await repo.addChangeset('a-minor', { '@api-contracts/types': 'minor' });
    await repo.addChangeset('b-major', { '@api-contracts/types': 'major' });
    const report = await gate();
    expect(report.pending['@api-contracts/types']).toEqual({ bump: 'major', from: ['.changeset/a-minor.md', '.changeset/b-major.md'] });
    expect(report.problems).toEqual([]);
  });

  it('applies changesets’ own release plan: without the fixed group a major types bump releases the client as a patch only', async () => {
    repo = await fixtureRepo();
    await repo.editChangesetConfig((config) => {
      config.fixed = [];
    });
    await repo.editSpec('vectara', (spec) => {
      delete spec.components.schemas.AgentSession.properties.enabled;
    });
    await repo.addChangeset('major', { '@api-contracts/types': 'major' });
    const report = await gate();
    // The client depends on the types, so changesets releases it (a patch, for the new dependency range).
    expect(report.pending).toEqual({
      '@api-contracts/client': { bump: 'patch', from: [] },
      '@api-contracts/mock': { bump: 'none', from: [] },
      '@api-contracts/specs': { bump: 'none', from: [] },
      '@api-contracts/types': { bump: 'major', from: ['.changeset/major.md'] },
    });
    expect(report.problems).toEqual([
      expect.stringMatching(/^@api-contracts\/client needs a major bump .* pending changesets give it patch$/),
      // The mock serves the specs at run time: a spec change reaches it, though it depends on no bumped package.
      expect.stringMatching(/^@api-contracts\/mock needs a major bump .* pending changesets give it none$/),
      expect.stringMatching(/^@api-contracts\/specs needs a major bump .* pending changesets give it none$/),
    ]);
  });

  it('refuses a malformed changeset rather than guessing its bump', async () => {
    repo = await fixtureRepo();
    await repo.addChangeset('typo', { '@api-contracts/clinet': 'major' });
    await expect(gate()).rejects.toThrow(/@api-contracts\/clinet/);
  });

  it('classifies an added optional query parameter as additive (request-parameter-added-optional) and demands at least minor', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.paths[sessions].get.parameters.push({ name: 'sort', in: 'query', required: false, schema: { type: 'string' } });
    });
    expect((await gate()).problems).toHaveLength(publishedPackages);
    await repo.addChangeset('patch', { '@api-contracts/specs': 'patch' });
    expect((await gate()).problems[0]).toMatch(/needs a minor bump .* give it patch$/);
    await repo.addChangeset('minor', { '@api-contracts/specs': 'minor' });
    const report = await gate();
    expect(report.specs.find((spec) => spec.api === 'vectara')?.changes).toEqual([
      // api-smart-diff words it "[Added] required query parameter" even for required: false; the rule reads `required` itself.
      expect.objectContaining({
        kind: 'additive',
        rule: 'request-parameter-added-optional',
        path: 'parameter:query:sort',
        description: expect.stringContaining('query parameter `sort`'),
      }),
    ]);
    expect(report.problems).toEqual([]);
  });

  it('lets a docs-only change through without a changeset', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('verisoul', (spec) => {
      spec.paths['/account/{account_id}/sessions'].get.description = 'Returns every session of an account.';
    });
    const report = await gate();
    expect(report.specs.find((spec) => spec.api === 'verisoul')).toMatchObject({ status: 'changed', required: 'none' });
    expect(report.specs.find((spec) => spec.api === 'verisoul')?.changes).toEqual([]);
    expect(report.specs.find((spec) => spec.api === 'verisoul')?.docs.map((change) => change.kind)).toEqual(['docs-only']);
    expect(report.problems).toEqual([]);
  });

  it('counts a replaced response description as docs-only, never breaking', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.components.responses.AgentNotFound.description = 'No agent has this key.';
    });
    const vectara = (await gate()).specs.find((spec) => spec.api === 'vectara');
    expect(vectara?.docs.length).toBeGreaterThan(0);
    expect(new Set([...(vectara?.changes ?? []), ...(vectara?.docs ?? [])].map((change) => change.kind))).toEqual(new Set(['docs-only']));
    expect(vectara?.required).toBe('none');
  });

  it('counts a removed response property named `description` as a change (breaking: response-property-removed), not as documentation', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      delete spec.components.schemas.AgentSession.properties.description;
    });
    const report = await gate();
    const vectara = report.specs.find((spec) => spec.api === 'vectara');
    // The catalogue: a response property removed breaks consumers that read it (api-smart-diff calls an optional one non-breaking).
    expect(vectara?.changes).toContainEqual(
      expect.objectContaining({
        kind: 'breaking',
        rule: 'response-property-removed',
        pointer:
          '/paths/~1v2~1agents~1{agent_key}~1sessions/get/responses/200/content/application~1json/schema/properties/sessions/items/properties/description',
      }),
    );
    expect(vectara?.required).toBe('major');
    expect(report.problems).toHaveLength(publishedPackages);
  });

  it('treats a narrowed limit and a changed response type as breaking', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.paths[sessions].get.parameters.find((parameter: { name?: string }) => parameter.name === 'limit').schema.maximum = 50;
      spec.components.schemas.ListMetadata.properties.page_key.type = 'integer';
    });
    const report = await gate();
    expect(report.specs.find((spec) => spec.api === 'vectara')?.required).toBe('major');
  });

  it('refuses a base that is not a commit, saying which', async () => {
    repo = await fixtureRepo();
    await expect(gate('no-such-ref')).rejects.toThrow('--base no-such-ref is not a commit in this repository');
  });
});
