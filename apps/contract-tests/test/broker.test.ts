/**
 * Consumers' pacts from a Pact Broker, through the Pact Verifier's own broker support (consumer version
 * selectors, pending pacts, results published only from CI with a provider version). No real broker is
 * reachable here: the Verifier talks HTTP to a stand-in on 127.0.0.1 that answers with a broker's HAL
 * documents for the two example consumers' pacts (test/support/fake-broker.ts).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrokerSettingsError, defaultSelectors, readBrokerSettings } from '../src/broker.js';
import { consumersDir } from '../src/consumers.js';
import { pactFileOf } from '../src/pact-file.js';
import { vectara } from '../src/providers/vectara.js';
import { renderTable } from '../src/report.js';
import { runContracts } from '../src/run.js';
import { exampleConsumerDirs } from './fixtures/consumer-repos/record.js';
import { runCli } from './support/cli.js';
import { type BrokerPactFixture, startFakeBroker } from './support/fake-broker.js';
import { type SharedRunOptions, sharedRun } from './support/shared-run.js';

const token = 'pact-broker-token-SENTINEL-5e1d';
let work: string;
let ours: string;
let pacts: BrokerPactFixture[];
// The suite's shared Verifier and Prism processes serve every in-process run of the file.
let shared: SharedRunOptions;
beforeAll(async () => {
  shared = sharedRun();
  work = await mkdtemp(join(tmpdir(), 'api-contracts-broker-'));
  // Our own Vectara pact from a directory, the other consumers' from the broker.
  ours = join(work, 'ours');
  await mkdir(ours);
  await writeFile(pactFileOf(vectara, ours), await readFile(pactFileOf(vectara), 'utf8'));
  const read = async (consumer: keyof typeof exampleConsumerDirs) =>
    JSON.parse(await readFile(join(exampleConsumerDirs[consumer], `${consumer}-vectara-agents-api.json`), 'utf8'));
  pacts = [
    { pact: await read('billing-service'), why: 'latest from main branch' },
    { pact: await read('reporting-service'), pending: true, why: 'latest from main branch (pending)' },
  ];
});
afterAll(() => Promise.all([rm(work, { recursive: true, force: true })]));

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function broker() {
  const started = await startFakeBroker({ token, pacts });
  stop = started.stop;
  return started;
}

describe('pacts from a Pact Broker', () => {
  it('are fetched and verified by the Verifier; a pending pact’s failure is reported and does not fail the run; results published from CI', async () => {
    const fake = await broker();
    const settings = readBrokerSettings({
      PACT_BROKER_BASE_URL: fake.url,
      PACT_BROKER_TOKEN: token,
      CI: 'true',
      PACT_PROVIDER_VERSION: '1.4.0+abc1234',
      PACT_PROVIDER_BRANCH: 'main',
    });
    const log: string[] = [];
    const report = await runContracts({
      live: false,
      apis: ['vectara'],
      pactDir: ours,
      ...(settings && { broker: settings }),
      log: (line) => log.push(line),
      ...shared,
    });
    expect(log).toContain(`Pact Broker ${fake.url}: 2 pacts (1 pending), results published`);
    expect(report.exitCode).toBe(0);
    expect(report.apis.map((api) => [api.consumer, api.origin, api.pending ?? false, api.status])).toEqual([
      ['api-contracts-client', 'directory', false, 'pass'],
      ['billing-service', 'broker', false, 'pass'],
      ['reporting-service', 'broker', true, 'fail'],
    ]);
    const billing = report.apis[1];
    expect(billing?.pactFile).toMatch(new RegExp(`^${fake.url}/pacts/provider/vectara-agents-api/consumer/billing-service/pact-version/`));
    expect(billing?.interactions.map((interaction) => [interaction.prism.outcome, interaction.static.outcome])).toEqual([
      ['pass', 'pass'],
      ['pass', 'pass'],
      ['pass', 'pass'],
    ]);
    const [reporting] = report.apis[2]?.interactions ?? [];
    expect(reporting?.prism.mismatches).toContainEqual(
      expect.objectContaining({ path: '$.metadata', message: 'Actual map is missing the following keys: total_count' }),
    );
    expect(reporting?.static.findings?.map((finding) => finding.code)).toEqual([
      'response.body.incompatible',
      'response.body.incompatible',
    ]);

    // The Verifier asked the broker itself, with the selectors and the pending flag, and published both results.
    const queries = fake.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/for-verification'));
    expect(queries.length).toBeGreaterThanOrEqual(2);
    for (const query of queries) {
      expect(query.body).toMatchObject({
        consumerVersionSelectors: defaultSelectors,
        includePendingStatus: true,
        providerVersionBranch: 'main',
      });
      expect(query.authorization).toBe(`Bearer ${token}`);
    }
    expect(fake.branchVersions()).toContain('main/1.4.0+abc1234');
    const published = fake.published();
    expect(published.map(({ consumer, body }) => [consumer, (body as { success: boolean }).success])).toEqual([
      ['billing-service', true],
      ['reporting-service', false],
    ]);
    expect(published[0]?.body).toMatchObject({ providerApplicationVersion: '1.4.0+abc1234' });
  });

  it('publishes nothing outside CI, or without a provider version', async () => {
    const fake = await broker();
    for (const env of [{ PACT_PROVIDER_VERSION: '1.4.0' }, { CI: 'true' }]) {
      const settings = readBrokerSettings({ PACT_BROKER_BASE_URL: fake.url, PACT_BROKER_TOKEN: token, ...env });
      expect(settings?.publish).toBe(false);
      const report = await runContracts({
        live: false,
        routes: ['prism'],
        apis: ['vectara'],
        pactDir: ours,
        ...(settings && { broker: settings }),
        ...shared,
      });
      const [billing, reporting] = report.apis.filter((api) => api.origin === 'broker');
      expect(billing?.interactions.map((interaction) => interaction.prism.outcome)).toEqual(['pass', 'pass', 'pass']);
      expect(reporting?.interactions.map((interaction) => interaction.prism.outcome)).toEqual(['fail']);
    }
    expect(fake.published()).toEqual([]);
    expect(fake.requests.filter((request) => request.method === 'PUT')).toEqual([]);
  });

  it('from the CLI: one line for the broker, the consumers named in the table, the token never printed or written', async () => {
    const fake = await broker();
    const reports = join(work, 'reports-cli');
    const result = await runCli(['--api', 'vectara', '--reports', reports], { PACT_BROKER_BASE_URL: fake.url, PACT_BROKER_TOKEN: token });
    expect(result.exitCode, result.all).toBe(0);
    expect(result.stderr).toContain(`· Pact Broker ${fake.url}: 2 pacts (1 pending)`);
    expect(result.stdout).toMatch(
      /^vectara\s+listAgentSessions\s+consumer billing-service \(broker\): 3 interactions\s+pass\s+pass\s+skip \[1\]$/m,
    );
    expect(result.stdout).toMatch(
      /^vectara\s+listAgentSessions\s+consumer reporting-service \(broker, pending\): 1 interaction\s+FAIL \(1 of 1\)\s+FAIL \(1 of 1\)/m,
    );
    // billing-service is also handed in under consumers/: verified from both sources.
    expect(result.stdout).toMatch(/^vectara\s+listAgentSessions\s+consumer billing-service: 3 interactions\s+pass\s+pass/m);
    expect(result.all).not.toContain(token);
    for (const file of ['contracts.json', 'junit.xml', 'vectara.log'])
      expect(await readFile(join(reports, file), 'utf8')).not.toContain(token);
  });

  it('could not run (exit 2) when the broker refuses the token, without printing it', async () => {
    const fake = await broker();
    const result = await runCli(['--api', 'vectara', '--reports', join(work, 'reports-refused')], {
      PACT_BROKER_BASE_URL: fake.url,
      PACT_BROKER_TOKEN: 'not-the-token-SENTINEL-77aa',
    });
    expect(result.exitCode, result.all).toBe(2);
    expect(result.stdout).toContain(`not verified: the Pact Broker answered GET ${fake.url}/ with HTTP 401: check PACT_BROKER_TOKEN`);
    expect(result.all).not.toContain('not-the-token-SENTINEL-77aa');
  });

  // The run's verdict and its table, in process: the CLI's exit 2 on a broker problem is the test above.
  it('could not run (exit 2) when the broker is unreachable', async () => {
    const fake = await broker();
    await fake.stop();
    stop = undefined;
    const settings = readBrokerSettings({ PACT_BROKER_BASE_URL: fake.url, PACT_BROKER_TOKEN: token });
    const report = await runContracts({
      live: false,
      apis: ['vectara'],
      consumersDir,
      ...(settings && { broker: settings }),
      ...shared,
    });
    expect(report.exitCode, renderTable(report)).toBe(2);
    expect(renderTable(report)).toContain(`not verified: the Pact Broker is unreachable at ${fake.url}/ (ECONNREFUSED)`);
  });
});

describe('broker settings', () => {
  it('are off without PACT_BROKER_BASE_URL, and default to main branches and deployed versions, pending enabled', () => {
    expect(readBrokerSettings({ PACT_BROKER_TOKEN: token })).toBeUndefined();
    expect(readBrokerSettings({ PACT_BROKER_BASE_URL: 'https://broker.example.com/', PACT_BROKER_TOKEN: token })).toEqual({
      url: 'https://broker.example.com',
      token,
      consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
      enablePending: true,
      publish: false,
    });
  });

  it.each([
    [{ PACT_BROKER_BASE_URL: 'broker.example.com' }, 'PACT_BROKER_BASE_URL', 'must be an absolute http(s) URL'],
    [{ PACT_BROKER_BASE_URL: 'ftp://broker.example.com' }, 'PACT_BROKER_BASE_URL', 'must be an http(s) URL, not ftp:'],
    [
      { PACT_BROKER_CONSUMER_VERSION_SELECTORS: '{mainBranch: true}' },
      'PACT_BROKER_CONSUMER_VERSION_SELECTORS',
      'must be a JSON array of selectors',
    ],
    [
      { PACT_BROKER_CONSUMER_VERSION_SELECTORS: '[{"mainBrunch":true}]' },
      'PACT_BROKER_CONSUMER_VERSION_SELECTORS',
      'selector 0 has unknown key mainBrunch',
    ],
    [{ PACT_BROKER_ENABLE_PENDING: 'yes' }, 'PACT_BROKER_ENABLE_PENDING', 'must be true or false'],
    [{ PACT_BROKER_USERNAME: 'ci' }, 'PACT_BROKER_PASSWORD', 'a username needs its password'],
    [{ PACT_BROKER_INCLUDE_WIP_PACTS_SINCE: 'last week' }, 'PACT_BROKER_INCLUDE_WIP_PACTS_SINCE', 'must be a date'],
  ])('refuse %j, naming %s and the rule, before any request', (env, variable, rule) => {
    const read = () => readBrokerSettings({ PACT_BROKER_BASE_URL: 'https://broker.example.com', ...env });
    expect(read).toThrow(BrokerSettingsError);
    expect(read).toThrow(`${variable}: ${rule}`);
  });

  it('stop the CLI with exit 2 before any pact is verified', async () => {
    const result = await runCli(['--api', 'vectara'], {
      PACT_BROKER_BASE_URL: 'https://broker.example.com',
      PACT_BROKER_ENABLE_PENDING: 'maybe',
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('contracts could not run: PACT_BROKER_ENABLE_PENDING: must be true or false');
    expect(result.stdout).toBe('');
  });
});
