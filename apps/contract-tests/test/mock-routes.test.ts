import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec } from '@api-contracts/specs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pactFileOf } from '../src/pact-file.js';
import { pactDir } from '../src/paths.js';
import { vectara } from '../src/providers/vectara.js';
import { runContracts } from '../src/run.js';
import { staticCheck } from '../src/static-check.js';
import { interactionCounts } from './support/interaction-counts.js';
import { type SharedRunOptions, sharedRun } from './support/shared-run.js';

// The suite's shared Verifier and Prism processes serve both runs of the file.
let shared: SharedRunOptions;
beforeAll(async () => {
  shared = sharedRun();
});

describe('the committed pacts, by the mock routes', () => {
  it('pass against Prism and the static check for both APIs, every interaction', async () => {
    const report = await runContracts({ live: false, ...shared });
    expect(report.exitCode).toBe(0);
    expect(report.apis.map((api) => [api.api, api.status, api.interactions.length])).toEqual([
      ['verisoul', 'pass', interactionCounts.ours.verisoul],
      ['vectara', 'pass', interactionCounts.ours.vectara],
    ]);
    for (const interaction of report.apis.flatMap((api) => api.interactions)) {
      expect([interaction.description, interaction.prism.outcome, interaction.static.outcome]).toEqual([
        interaction.description,
        'pass',
        'pass',
      ]);
      expect(interaction.live).toMatchObject({ outcome: 'skip', reason: expect.stringContaining('contracts:live') });
    }
  });
});

describe('free-form session metadata', () => {
  it('passes the static check with keys the spec does not name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'api-contracts-metadata-pact-'));
    try {
      await cp(pactDir, dir, { recursive: true });
      const file = pactFileOf(vectara, dir);
      const pact = JSON.parse(await readFile(file, 'utf8'));
      const interaction = pact.interactions.find((candidate: { description: string }) => candidate.description.includes('first page'));
      interaction.response.body.content.sessions[0].metadata = { customer_id: 'customer_12345', priority: 'high' };
      await writeFile(file, JSON.stringify(pact));
      const findings = await staticCheck(loadSpec('vectara'), file);
      expect(findings.get(interaction.description)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a deliberately wrong pact', () => {
  let wrongDir: string;
  beforeAll(async () => {
    // The Vectara pact, with the first page expecting `enabled` as a string and a field the spec lacks.
    wrongDir = await mkdtemp(join(tmpdir(), 'api-contracts-wrong-pact-'));
    await cp(pactDir, wrongDir, { recursive: true });
    const file = pactFileOf(vectara, wrongDir);
    const pact = JSON.parse(await readFile(file, 'utf8'));
    const interaction = pact.interactions.find((candidate: { description: string }) => candidate.description.includes('first page'));
    interaction.response.body.content.sessions[0].enabled = 'yes';
    interaction.response.body.content.cursor = 'abc';
    await writeFile(file, JSON.stringify(pact));
  });
  afterAll(() => rm(wrongDir, { recursive: true, force: true }));

  it('fails the static check with the comparator’s rule codes', async () => {
    const findings = await staticCheck(loadSpec('vectara'), pactFileOf(vectara, wrongDir));
    const forFirstPage = [...findings.entries()].find(([description]) => description.includes('first page'))?.[1] ?? [];
    expect(forFirstPage.map((finding) => finding.code)).toContain('response.body.incompatible');
    expect(forFirstPage.map((finding) => finding.location).join()).toMatch(/sessions\.0\.enabled|cursor/);
  });

  it('fails verification against Prism with the mismatch path, expected and actual', async () => {
    const report = await runContracts({ live: false, apis: ['vectara'], pactDir: wrongDir, ...shared });
    expect(report.exitCode).toBe(1);
    const firstPage = report.apis[0]?.interactions.find((interaction) => interaction.description.includes('first page'));
    expect(firstPage?.prism.outcome).toBe('fail');
    expect(firstPage?.prism.mismatches).toContainEqual(
      expect.objectContaining({ path: '$.sessions[0].enabled', expected: '"yes"', actual: 'true' }),
    );
    expect(firstPage?.prism.mismatches).toContainEqual(
      expect.objectContaining({ path: '$', message: 'Actual map is missing the following keys: cursor' }),
    );
    expect(firstPage?.static.outcome).toBe('fail');
    // The other interactions are untouched and still pass.
    expect(report.apis[0]?.interactions.filter((interaction) => interaction.prism.outcome === 'pass')).toHaveLength(
      interactionCounts.ours.vectara - 1,
    );
  });
});
