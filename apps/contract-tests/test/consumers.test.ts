/**
 * Every internal consumer's pacts, not only ours: the pacts handed in under consumers/<consumer>/ (or every
 * pact under --pacts) go through the same three routes, and the table, contracts.json and JUnit name the
 * consumer. Proven with two example consumer repos' pacts: billing-service (only what the spec promises,
 * checked in under consumers/) and reporting-service (fields the spec does not promise, a fixture).
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumersDir, pactsUnder } from '../src/consumers.js';
import type { PactFile } from '../src/model.js';
import { pactFileOf } from '../src/pact-file.js';
import { pactDir } from '../src/paths.js';
import { vectara } from '../src/providers/vectara.js';
import { verisoul } from '../src/providers/verisoul.js';
import { renderTable, writeReports } from '../src/report.js';
import { runContracts } from '../src/run.js';
import { exampleConsumerDirs, recordExampleConsumers } from './fixtures/consumer-repos/record.js';
import { runCli } from './support/cli.js';
import { interactionCounts } from './support/interaction-counts.js';
import { type SharedRunOptions, sharedRun } from './support/shared-run.js';
import { type Exchange, startStandIns } from './support/stand-in.js';

const billingFile = join(exampleConsumerDirs['billing-service'], 'billing-service-vectara-agents-api.json');
const reportingDir = join(exampleConsumerDirs['reporting-service'], '..');

let work: string;
// The suite's shared Verifier and Prism processes serve every in-process run of the file.
let shared: SharedRunOptions;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'api-contracts-consumers-'));
  shared = sharedRun();
});
afterAll(() => Promise.all([rm(work, { recursive: true, force: true })]));

describe('pnpm contracts with the consumers handed in', () => {
  // Our pacts and billing-service’s by Prism and statically, the consumer named in the table, contracts.json and
  // JUnit: cli.test.ts reads that from the default run it makes once for several tests.

  // In process: the run, the table it prints and the reports it writes (the CLI's own exit 1: quiet-output.test.ts).
  it('fails reporting-service statically, with the comparator’s rule code and the consumer’s name', async () => {
    const reports = join(work, 'reports-reporting');
    const report = await runContracts({ live: false, apis: ['vectara'], pactDir: reportingDir, ...shared });
    await writeReports(report, reports);
    const result = { exitCode: report.exitCode, stdout: renderTable(report) };
    expect(result.exitCode, result.stdout).toBe(1);
    const row = result.stdout
      .split('\n')
      .find((line) =>
        /^vectara\s+listAgentSessions\s+reporting-service: a request for an agent’s sessions with their total count/.test(line),
      );
    expect(row, result.stdout).toMatch(/FAIL \[\d+\]\s+FAIL \[(\d+)\]/);
    const staticNote = /FAIL \[\d+\]\s+FAIL \[(\d+)\]/.exec(row ?? '')?.[1];
    expect(result.stdout).toContain(
      `[${staticNote}] response.body.incompatible: Response body is incompatible with the response body schema in the spec file: must NOT have additional properties - id`,
    );
    expect(result.stdout).toMatch(/consumer reporting-service: 1 interaction\s+FAIL \(1 of 1\)\s+FAIL \(1 of 1\)/);
    const json = JSON.parse(await readFile(join(reports, 'contracts.json'), 'utf8'));
    const [reporting] = json.apis;
    expect(reporting).toMatchObject({ api: 'vectara', consumer: 'reporting-service', status: 'fail' });
    expect(reporting.interactions[0].static.findings).toEqual([
      expect.objectContaining({ code: 'response.body.incompatible', location: '[root].interactions[0].response.body.sessions.0' }),
      expect.objectContaining({ code: 'response.body.incompatible', location: '[root].interactions[0].response.body.metadata' }),
    ]);
    const junit = await readFile(join(reports, 'junit.xml'), 'utf8');
    expect(junit).toContain('name="vectara: static (consumer reporting-service)"');
    expect(junit).toMatch(/<failure message="response\.body\.incompatible: [^"]*additional properties - id/);
  });

  it('never passes on zero pacts: exit 2, saying where none was found', async () => {
    const empty = join(work, 'no-pacts');
    await mkdir(empty, { recursive: true });
    const result = await runCli(['--pacts', empty, '--reports', join(work, 'reports-empty')]);
    expect(result.exitCode, result.all).toBe(2);
    expect(result.stdout).toMatch(/vectara: not run: no pact with vectara-agents-api under .*no-pacts/);
    expect(result.stdout).toMatch(/verisoul: not run: no pact with verisoul-account-api under .*no-pacts/);
    expect(result.stdout).toContain('NOT RUN in full');
  });

  it('exits 2 on a file handed in that is not a pact, or is one with a provider we do not have', async () => {
    const dir = join(work, 'bad-pacts');
    await mkdir(join(dir, 'some-repo'), { recursive: true });
    await cp(pactDir, join(dir, 'ours'), { recursive: true });
    await writeFile(join(dir, 'some-repo', 'notes.json'), '{"not": "a pact"}');
    const billing = JSON.parse(await readFile(billingFile, 'utf8'));
    await writeFile(join(dir, 'some-repo', 'stripe.json'), JSON.stringify({ ...billing, provider: { name: 'stripe-api' } }));
    // The run's verdict and its table, in process: the CLI's exit 2 is the test above.
    const report = await runContracts({ live: false, pactDir: dir, ...shared });
    const table = renderTable(report);
    expect(report.exitCode, table).toBe(2);
    expect(table).toMatch(
      /not verified: .*some-repo\/notes\.json: not a pact: it needs consumer\.name, provider\.name and an interactions array/,
    );
    expect(table).toMatch(/not verified: .*some-repo\/stripe\.json: pact with provider "stripe-api", which is none of ours/);
  });
});

describe('live drift across consumers', () => {
  it('names the consumers a provider’s drift breaks, in drift.md, drift.json and on the console; each change listed once', async () => {
    // The provider renames a session's `name` to `title`: ours and billing-service read `name`.
    const renamed = (exchange: Exchange) => ({ ...exchange, body: exchange.body.replaceAll('"name"', '"title"') });
    const [verisoulStandIn, vectaraStandIn] = await startStandIns(['verisoul', 'vectara'], { vectara: { mutate: renamed } });
    const reports = join(work, 'reports-drift');
    try {
      const result = await runCli(['--live', '--reports', reports], { ...verisoulStandIn.env(), ...vectaraStandIn.env() });
      expect(result.exitCode, result.all).toBe(1);
      const billingLine =
        'vectara drift breaks consumer `billing-service`: a request for the first billing session and the key of the next page';
      expect(result.stdout).toContain(billingLine);
      expect(result.stdout).toMatch(
        /^vectara drift breaks consumer `api-contracts-client`: .*a request for the first page of an agent’s sessions/m,
      );
      const markdown = await readFile(join(reports, 'drift.md'), 'utf8');
      expect(markdown).toContain(`- ${billingLine}`);
      // One row per change, however many consumers' pacts showed it: one for each operation whose answer lost the name.
      expect(markdown.match(/`response-property-removed` \| breaking/g)).toHaveLength(2);
      expect(markdown).toMatch(/\| listAgentSessions \| 200 \| `\$\.sessions\[\]\.name` \| `response-property-removed`/);
      expect(markdown).toMatch(/\| getAgentSession \| 200 \| `\$\.name` \| `response-property-removed`/);
      const driftJson = JSON.parse(await readFile(join(reports, 'drift.json'), 'utf8'));
      expect(driftJson.brokenConsumers).toContain(billingLine);
      const removed = driftJson.apis
        .find((api: { api: string }) => api.api === 'vectara')
        .changes.find(
          (change: { rule: string; operation: string }) =>
            change.rule === 'response-property-removed' && change.operation === 'listAgentSessions',
        );
      expect(removed.interactions).toContain('billing-service: a request for the first billing session and the key of the next page');
      expect(removed.interactions).toContain('a request for the first page of an agent’s sessions');
    } finally {
      await Promise.all([verisoulStandIn.stop(), vectaraStandIn.stop()]);
    }
  });
});

describe('many consumers of one provider in one Verifier run', () => {
  it('keeps each consumer’s results apart, even under the same descriptions', async () => {
    // Two consumers with our Vectara pact's very interactions; one expects `enabled` as a string on the first page.
    const dir = join(work, 'same-descriptions');
    type SessionsPact = {
      consumer: { name: string };
      interactions: { description: string; response: { body: { content: { sessions: { enabled: unknown }[] } } } }[];
    };
    const ours = JSON.parse(await readFile(pactFileOf(vectara), 'utf8')) as SessionsPact;
    for (const consumer of ['team-a', 'team-b']) {
      const pact = structuredClone(ours);
      pact.consumer = { name: consumer };
      if (consumer === 'team-b') {
        const firstPage = pact.interactions.find((interaction) => interaction.description.includes('first page'));
        if (firstPage?.response.body.content.sessions[0]) firstPage.response.body.content.sessions[0].enabled = 'yes';
      }
      await mkdir(join(dir, consumer), { recursive: true });
      await writeFile(join(dir, consumer, `${consumer}-vectara-agents-api.json`), JSON.stringify(pact));
    }
    const transcripts: { consumer: string | undefined; lines: string[] }[] = [];
    const report = await runContracts({
      live: false,
      apis: ['vectara'],
      pactDir: dir,
      ...shared,
      onTranscript: (_api, _route, transcript, consumer) => transcripts.push({ consumer, lines: transcript.lines }),
    });
    expect(report.exitCode).toBe(1);
    const [teamA, teamB] = report.apis;
    expect(teamA).toMatchObject({ consumer: 'team-a', status: 'pass' });
    expect(teamB).toMatchObject({ consumer: 'team-b', status: 'fail' });
    const failing = teamB?.interactions.filter((interaction) => interaction.prism.outcome === 'fail') ?? [];
    expect(failing.map((interaction) => interaction.description)).toEqual(['a request for the first page of an agent’s sessions']);
    expect(failing[0]?.prism.mismatches).toContainEqual(expect.objectContaining({ path: '$.sessions[0].enabled', expected: '"yes"' }));
    expect(teamB?.interactions.filter((interaction) => interaction.prism.outcome === 'pass')).toHaveLength(
      interactionCounts.ours.vectara - 1,
    );
    // Each consumer's transcript holds its own section only.
    expect(transcripts.map(({ consumer }) => consumer)).toEqual(['team-a', 'team-b']);
    expect(transcripts[0]?.lines.join('\n')).toContain('Verifying a pact between team-a and vectara-agents-api');
    expect(transcripts[0]?.lines.join('\n')).not.toContain('team-b');
  });

  it('skips, never passes, an interaction whose provider state we do not know', async () => {
    const dir = join(work, 'unknown-state');
    const billing = JSON.parse(await readFile(billingFile, 'utf8')) as PactFile;
    const [first] = billing.interactions;
    if (first?.providerStates?.[0]) first.providerStates[0].name = 'an agent billed yesterday';
    await mkdir(join(dir, 'billing-service'), { recursive: true });
    await writeFile(join(dir, 'billing-service', 'pact.json'), JSON.stringify(billing));
    const report = await runContracts({ live: false, apis: ['vectara'], pactDir: dir, ...shared });
    const skipped = report.apis[0]?.interactions.find((interaction) => interaction.state === 'an agent billed yesterday');
    expect(skipped?.prism).toEqual({
      outcome: 'skip',
      reason: 'unknown provider state "an agent billed yesterday": add it to src/providers/vectara.ts',
      mismatches: [],
    });
    expect(report.apis[0]?.interactions.filter((interaction) => interaction.prism.outcome === 'pass')).toHaveLength(2);
  });
});

describe('the pacts handed in', () => {
  it('are found one folder per consumer, of our providers only', async () => {
    const found = await pactsUnder(consumersDir, [verisoul, vectara]);
    expect(found.problems).toEqual([]);
    expect(found.pacts.map((entry) => [entry.consumer, entry.provider.api, entry.origin])).toEqual([
      ['billing-service', 'vectara', 'directory'],
    ]);
  });

  // `retry`: Pact's mock server can report a request it answered as "expected but not received" under CPU load
  // (pact-foundation/pact-core-mock-server#13; see vitest.pacts.config.ts). A recording that is really wrong fails
  // every attempt.
  it('are what the example repos’ pact tests record (reproducible)', { retry: 2 }, async () => {
    const files = await recordExampleConsumers(join(work, 'recorded'));
    const committed = [billingFile, join(exampleConsumerDirs['reporting-service'], 'reporting-service-vectara-agents-api.json')];
    for (const [index, file] of Object.values(files).entries()) {
      const recorded = JSON.parse(await readFile(file, 'utf8'));
      const expected = JSON.parse(await readFile(committed[index] as string, 'utf8'));
      expect({ ...recorded, metadata: undefined }).toEqual({ ...expected, metadata: undefined });
    }
  });
});
