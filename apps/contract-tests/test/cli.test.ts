import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pactDir } from '../src/paths.js';
import { renderTable } from '../src/report.js';
import { runContracts } from '../src/run.js';
import { runCli } from './support/cli.js';
import { allInteractions, interactionCounts } from './support/interaction-counts.js';
import { fixtures, type StandIn, sentinelClientSecret, sentinelKey, sentinelTokenPrefix, startStandIns } from './support/stand-in.js';
import { closedPort } from './vendor/support/definition-server.js';

let reports: string;
beforeAll(async () => {
  reports = await mkdtemp(join(tmpdir(), 'api-contracts-reports-'));
});
afterAll(() => rm(reports, { recursive: true, force: true }));

// Lines only the Verifier's transcript has.
const transcriptMarkers = [/Verifying a pact between/, /returns a response which/, /has a matching body/];
const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/**
 * `pnpm contracts` as it runs by default (mock mode, our pacts and the consumers' under consumers/): one run,
 * which the exit-code, consumers and quiet-output tests each read.
 */
describe('the default run of pnpm contracts', () => {
  let result: Awaited<ReturnType<typeof runCli>>;
  let defaultReports: string;
  beforeAll(async () => {
    defaultReports = await mkdtemp(join(tmpdir(), 'api-contracts-reports-'));
    // As a user runs it: starting its own Prism mocks, not the suite's.
    result = await runCli(['--reports', defaultReports], { CONTRACTS_PRISM_URLS: '' });
  });
  afterAll(() => rm(defaultReports, { recursive: true, force: true }));

  it('exits 0 in mock mode, prints the table and writes JSON and JUnit reports', async () => {
    const reports = defaultReports;
    expect(result.exitCode, result.all).toBe(0);
    expect(result.stdout).toMatch(/API\s+operation\s+interaction\s+pact vs Prism\s+static\s+live/);
    // Our interactions and billing-service's (consumers/billing-service/), each by Prism and statically.
    const n = allInteractions;
    expect(result.stdout).toContain(
      `mock run: ${n} interactions: Prism ${n}/${n}, static ${n}/${n}, live not run: all contracts verified (exit 0)`,
    );
    const json = JSON.parse(await readFile(join(reports, 'contracts.json'), 'utf8'));
    expect(json).toMatchObject({ schemaVersion: 1, mode: 'mock', exitCode: 0, summary: { pass: 2 * n, fail: 0, skip: n } });
    // Each interaction names the operation its request makes.
    expect(
      new Set(
        json.apis.flatMap((api: { interactions: { operation?: string }[] }) =>
          api.interactions.map((interaction) => interaction.operation),
        ),
      ),
    ).toEqual(new Set(['getAccountSessions', 'getAccount', 'listAgentSessions', 'getAgentSession']));
    const junit = await readFile(join(reports, 'junit.xml'), 'utf8');
    expect(junit).toContain(`<testsuites tests="${3 * n}" failures="0" errors="0" skipped="${n}">`);
    expect((junit.match(/<testcase /g) ?? []).length).toBe(3 * n);
  });

  // Every internal consumer's pacts, not only ours (consumers.test.ts has the rest).
  it('verifies our pacts and billing-service’s by Prism and statically, naming the consumer in the table, contracts.json and JUnit', async () => {
    const reports = defaultReports;
    expect(result.exitCode, result.all).toBe(0);
    expect(result.stderr).toContain('· no Pact Broker: PACT_BROKER_BASE_URL is not set');
    expect(result.stdout).toMatch(/^vectara\s+listAgentSessions\s+consumer billing-service: 3 interactions\s+pass\s+pass\s+skip \[1\]$/m);
    const json = JSON.parse(await readFile(join(reports, 'contracts.json'), 'utf8'));
    expect(
      json.apis.map((api: { api: string; consumer: string; origin: string; status: string }) => [
        api.api,
        api.consumer,
        api.origin,
        api.status,
      ]),
    ).toEqual([
      ['verisoul', 'api-contracts-client', 'ours', 'pass'],
      ['vectara', 'api-contracts-client', 'ours', 'pass'],
      ['vectara', 'billing-service', 'directory', 'pass'],
    ]);
    expect(json.apis[2].pactFile).toBe('consumers/billing-service/billing-service-vectara-agents-api.json');
    const junit = await readFile(join(reports, 'junit.xml'), 'utf8');
    expect(junit).toContain('name="vectara: static (consumer billing-service)"');
    expect(junit).toContain('classname="vectara.billing-service.prism" name="a request for an agent’s billing sessions"');
    const log = await readFile(join(reports, 'vectara.log'), 'utf8');
    expect(log).toContain("## vectara, pact vs Prism, consumer billing-service: the Pact Verifier's transcript");
    expect(log).toContain('Verifying a pact between billing-service and vectara-agents-api');
  });

  // Quiet by default (quiet-output.test.ts has the failing and --verbose runs).
  it('prints a line per stage, the table and the verdict, no Verifier transcript; the transcript in reports/<api>.log', async () => {
    const reports = defaultReports;
    expect(result.exitCode, result.all).toBe(0);
    const printed = lines(result.all);
    // 5 stage lines, 2 table lines and one per interaction of ours, one for billing-service, 1 note, the verdict,
    // 4 + 2 lines of coverage (the table, and what each API's pacts leave unexercised, counted) and the reports line.
    const ours = interactionCounts.ours.verisoul + interactionCounts.ours.vectara;
    expect(printed.length, result.all).toBeLessThanOrEqual(5 + 2 + ours + 1 + 1 + 1 + 6 + 1);
    for (const marker of transcriptMarkers) expect(result.all).not.toMatch(marker);
    expect(printed.filter((line) => line.startsWith('· '))).toEqual([
      '· consumers/: 1 pact',
      '· no Pact Broker: PACT_BROKER_BASE_URL is not set',
      `· pacts: verisoul ${interactionCounts.ours.verisoul} interactions, vectara ${interactionCounts.ours.vectara + interactionCounts.billingService} interactions (2 consumers: api-contracts-client, billing-service)`,
      expect.stringMatching(/^· Prism started in \d+ ms \(verisoul\), \d+ ms \(vectara\)$/),
      expect.stringMatching(new RegExp(`^· ${allInteractions} interactions verified \\(prism, static\\) in \\d+\\.\\d s$`)),
    ]);
    for (const api of ['verisoul', 'vectara']) {
      const log = await readFile(join(reports, `${api}.log`), 'utf8');
      expect(log).toContain(
        `Verifying a pact between api-contracts-client and ${api === 'vectara' ? 'vectara-agents-api' : 'verisoul-account-api'}`,
      );
      expect(log).toMatch(/has a matching body \(OK\)/);
    }
  });
});

describe('contracts CLI exit codes and reports', () => {
  it('exits 2, not 0, when live settings are missing, naming each variable once, before anything starts', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'api-contracts-reports-'));
    try {
      const result = await runCli(['--live', '--reports', empty]);
      expect(result.exitCode, result.all).toBe(2);
      expect(result.stderr.split('\n')).toEqual([
        'verisoul: not run: set VERISOUL_API_KEY, VERISOUL_ACCOUNT_ID',
        'vectara: not run: set VECTARA_API_KEY (or VECTARA_CLIENT_ID and VECTARA_CLIENT_SECRET), VECTARA_AGENT_KEY',
        'live run: NOT RUN, nothing was built or started (exit 2). The variables: docs/live.md',
      ]);
      // No stage ran (no Prism, no pact read, no table) and no report was written.
      expect(result.stdout).toBe('');
      expect(await readdir(empty)).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('with one API set up, names only the other one, never a key, and the --api that would run', async () => {
    const result = await runCli(['--live', '--reports', reports], {
      VECTARA_API_KEY: sentinelKey,
      VECTARA_AGENT_KEY: fixtures.vectara.agentKey,
    });
    expect(result.exitCode, result.all).toBe(2);
    expect(result.stderr.split('\n')).toEqual([
      'verisoul: not run: set VERISOUL_API_KEY, VERISOUL_ACCOUNT_ID',
      'live run: NOT RUN, nothing was built or started (exit 2). The variables: docs/live.md; to run only the APIs that have their settings: --api vectara',
    ]);
    expect(result.all).not.toContain(sentinelKey);
  });

  // The live route's verdict and the table it prints, in process: the CLI's own exit 2 is the tests around it.
  it('exits 2 when the provider is unreachable', async () => {
    const port = await closedPort();
    const report = await runContracts({
      live: true,
      routes: ['live'],
      apis: ['vectara'],
      env: {
        VECTARA_API_KEY: sentinelKey,
        VECTARA_AGENT_KEY: fixtures.vectara.agentKey,
        VECTARA_BASE_URL: `http://127.0.0.1:${port}`,
      },
    });
    expect(report.exitCode).toBe(2);
    expect(renderTable(report)).toContain(`vectara: not run: provider unreachable at http://127.0.0.1:${port}`);
  });

  it('exits 2 with a clear message for an unknown --api', async () => {
    const result = await runCli(['--api', 'stripe']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('unknown --api stripe: expected verisoul or vectara');
  });
});

/**
 * A live run of both APIs (Verisoul by API key, Vectara by OAuth2 client credentials) against conformant
 * stand-ins: one CLI run, which both tests read. (A provider echoing what it was sent, Vectara's API key
 * included: secrets-echoed.test.ts.)
 */
describe('secrets', () => {
  let verisoul: StandIn;
  let vectara: StandIn;
  let result: Awaited<ReturnType<typeof runCli>>;
  let tokenRequests: number;
  let files: string[];
  beforeAll(async () => {
    [verisoul, vectara] = await startStandIns(['verisoul', 'vectara']);
    result = await runCli(['--live', '--reports', reports], { ...verisoul.env(), ...vectara.env('oauth') });
    tokenRequests = vectara.tokenRequests();
    files = [
      ...(await readdir(pactDir)).map((name) => join(pactDir, name)),
      ...(await readdir(reports)).map((name) => join(reports, name)),
    ];
  });
  afterAll(() => Promise.all([verisoul?.stop(), vectara?.stop()]));

  it('never writes the API key into a pact, report or log line, live path included', async () => {
    expect(result.exitCode, result.all).toBe(0);
    // Ours and billing-service's by all three routes; the states a live provider cannot be put in skipped.
    const [n, skipped] = [allInteractions, interactionCounts.liveSkipped];
    expect(result.all).toContain(
      `live run: ${n} interactions: Prism ${n}/${n}, static ${n}/${n}, live ${n - skipped}/${n} (${skipped} skipped): all contracts verified`,
    );
    expect(result.all).not.toContain(sentinelKey);
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(sentinelKey);
  });

  it('never writes the OAuth client secret or a token into a pact, report or log line', async () => {
    expect(result.exitCode, result.all).toBe(0);
    // One token served the whole run, every consumer's pact included.
    expect(tokenRequests).toBe(1);
    for (const secret of [sentinelClientSecret, sentinelTokenPrefix]) expect(result.all).not.toContain(secret);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const secret of [sentinelClientSecret, sentinelTokenPrefix]) expect(text, file).not.toContain(secret);
    }
  });
});
