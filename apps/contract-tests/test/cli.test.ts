import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pactDir } from '../src/paths.js';
import { runCli } from './support/cli.js';
import { allInteractions, interactionCounts } from './support/interaction-counts.js';
import { fixtures, sentinelClientSecret, sentinelKey, sentinelTokenPrefix, startStandIn } from './support/stand-in.js';

let reports: string;
beforeAll(async () => {
  reports = await mkdtemp(join(tmpdir(), 'api-contracts-reports-'));
});
afterAll(() => rm(reports, { recursive: true, force: true }));

/** A port on 127.0.0.1 that nothing listens on: bound, read, released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('contracts CLI exit codes and reports', () => {
  it('exits 0 in mock mode, prints the table and writes JSON and JUnit reports', async () => {
    const result = await runCli(['--reports', reports]);
    expect(result.exitCode, result.all).toBe(0);
    expect(result.stdout).toMatch(/API\s+operation\s+interaction\s+pact vs Prism\s+static\s+live/);
    // Our interactions and billing-service's (consumers/billing-service/), each by Prism and statically.
    const n = allInteractions;
    expect(result.stdout).toContain(`mock run: ${2 * n} passed, 0 failed, ${n} skipped: all contracts verified (exit 0)`);
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

  it('exits 2 when the provider is unreachable', async () => {
    const port = await closedPort();
    const result = await runCli(['--live', '--api', 'vectara', '--reports', reports], {
      VECTARA_API_KEY: sentinelKey,
      VECTARA_AGENT_KEY: fixtures.vectara.agentKey,
      VECTARA_BASE_URL: `http://127.0.0.1:${port}`,
    });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain(`vectara: not run: provider unreachable at http://127.0.0.1:${port}`);
  });

  it('exits 2 with a clear message for an unknown --api', async () => {
    const result = await runCli(['--api', 'stripe']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('unknown --api stripe: expected verisoul or vectara');
  });
});

describe('secrets', () => {
  it('never writes the API key into a pact, report or log line, live path included', async () => {
    const [verisoul, vectara] = await Promise.all([startStandIn('verisoul'), startStandIn('vectara')]);
    try {
      const result = await runCli(['--live', '--reports', reports], { ...verisoul.env(), ...vectara.env() });
      expect(result.exitCode, result.all).toBe(0);
      // Ours and billing-service's by all three routes; the states a live provider cannot be put in skipped.
      expect(result.all).toContain(
        `live run: ${3 * allInteractions - interactionCounts.liveSkipped} passed, 0 failed, ${interactionCounts.liveSkipped} skipped`,
      );
      expect(result.all).not.toContain(sentinelKey);
    } finally {
      await Promise.all([verisoul.stop(), vectara.stop()]);
    }
    const files = [
      ...(await readdir(pactDir)).map((name) => join(pactDir, name)),
      ...(await readdir(reports)).map((name) => join(reports, name)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(sentinelKey);
  });

  it('never writes the OAuth client secret or a token into a pact, report or log line', async () => {
    const vectara = await startStandIn('vectara');
    try {
      const result = await runCli(['--live', '--api', 'vectara', '--reports', reports], vectara.env('oauth'));
      expect(result.exitCode, result.all).toBe(0);
      expect(vectara.tokenRequests()).toBe(1);
      for (const secret of [sentinelClientSecret, sentinelTokenPrefix]) expect(result.all).not.toContain(secret);
    } finally {
      await vectara.stop();
    }
    const files = [
      ...(await readdir(pactDir)).map((name) => join(pactDir, name)),
      ...(await readdir(reports)).map((name) => join(reports, name)),
    ];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const secret of [sentinelClientSecret, sentinelTokenPrefix]) expect(text, file).not.toContain(secret);
    }
  });
});
