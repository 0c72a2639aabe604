import { afterEach, describe, expect, it } from 'vitest';
import { runGate } from '../src/gate.js';
import { fixtureRepo } from './support/repo.js';

type Repo = Awaited<ReturnType<typeof fixtureRepo>>;
let repo: Repo;
afterEach(() => repo?.remove());

describe('generated types check', () => {
  it('passes when the committed types match the specs', async () => {
    repo = await fixtureRepo();
    const report = await runGate({ root: repo.root });
    expect(report.generated).toMatchObject({ upToDate: true });
    expect(report.problems).toEqual([]);
  });

  it('fails with the diff when a spec changed and the types were not regenerated', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.components.schemas.AgentSession.properties.title = { type: 'string', description: 'A new field.' };
    });
    await repo.addChangeset('minor', { '@api-contracts/client': 'minor' });
    const report = await runGate({ root: repo.root });
    expect(report.generated?.upToDate).toBe(false);
    expect(report.generated?.output).toContain('+            title?: string;');
    expect(report.problems).toEqual(['the committed generated types differ from a fresh generation: run `pnpm generate` and commit']);
  });
});

describe('generated client check', () => {
  it('fails naming both packages when a new query parameter reaches the types and the client methods', async () => {
    repo = await fixtureRepo();
    await repo.editSpec('vectara', (spec) => {
      spec.paths['/v2/agents/{agent_key}/sessions'].get.parameters.push({
        name: 'include_archived',
        in: 'query',
        required: false,
        description: 'A new optional filter.',
        schema: { type: 'boolean' },
      });
    });
    await repo.addChangeset('minor', { '@api-contracts/client': 'minor' });
    const report = await runGate({ root: repo.root });
    expect(report.generated?.upToDate).toBe(false);
    expect(report.generated?.output).toContain('includeArchived');
    expect(report.problems).toEqual([
      'the committed generated types and client differ from a fresh generation: run `pnpm generate` and commit',
    ]);
  });
});
