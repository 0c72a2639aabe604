/**
 * The live probe against stand-in providers: a conformant one passes every check within the default budget;
 * one that ignores `limit`, and one that answers a request without credentials, are found out, with the
 * failed exchanges kept as a redacted HAR; an outage is skipped, never drift. The whole CLI against providers
 * that behave like real ones on the wire: real-providers.test.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api } from '@api-contracts/specs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { writeProbeHars } from '../../src/probe/har.js';
import type { ProbeExchange } from '../../src/probe/probe.js';
import { renderProbeLines, renderProbeMarkdown } from '../../src/probe/render.js';
import { runContracts } from '../../src/run.js';
import type { VerifierProcess } from '../../src/verify.js';
import { sharedRun } from '../support/shared-run.js';
import { type StandIn, type StandInBehaviour, sentinelKey, startStandIns } from '../support/stand-in.js';

let verifier: VerifierProcess;
// One stand-in per API for the whole file, its behaviour and session count set per case. Keyed by the two APIs the
// stand-ins serve, not by `Api` (a third API, `pnpm api:add`'s, has no stand-in).
type StandInApi = 'verisoul' | 'vectara';
let standIns: Record<StandInApi, StandIn>;
beforeAll(async () => {
  verifier = sharedRun().verifier;
  const [verisoul, vectara] = await startStandIns(['verisoul', 'vectara']);
  standIns = { verisoul, vectara };
});
afterAll(() => Promise.all([standIns?.verisoul.stop(), standIns?.vectara.stop()]));

/** A live run of one API against its stand-in behaving as `behaviour` says (holding 3 sessions unless told), the probe's exchanges kept. */
async function probeAgainst(
  api: StandInApi,
  { sessions = 3, ...behaviour }: StandInBehaviour & { sessions?: number } = {},
  probeBudget?: number,
) {
  const standIn = standIns[api];
  standIn.behave(behaviour);
  standIn.setSessionCount(sessions);
  try {
    const exchanges = new Map<Api, ProbeExchange[]>();
    const report = await runContracts({
      live: true,
      routes: ['live'],
      apis: [api],
      env: standIn.env(),
      verifier,
      ...(probeBudget !== undefined && { probeBudget }),
      onProbe: (probed, kept) => exchanges.set(probed, kept),
    });
    return { report, exchanges };
  } finally {
    standIn.behave({});
  }
}

const probeOf = (report: Report) => report.apis[0]?.probe;
const changesOf = (report: Report) =>
  (report.apis[0]?.changes ?? []).map((change) => `${change.rule} ${change.path} [${change.sources.join(',')}]`);
const checks = (report: Report) =>
  (probeOf(report)?.checks ?? []).map((check) => `${check.outcome} ${check.name}: ${check.reason ?? ''}`).join('\n');

describe('the live probe', () => {
  it('passes a conformant Vectara provider, every check within the default budget', async () => {
    const { report, exchanges } = await probeAgainst('vectara', { sessions: 5 });
    expect(report.exitCode, checks(report)).toBe(0);
    const probe = probeOf(report);
    expect(probe?.budget).toBe(20);
    expect(probe?.requests).toBeLessThanOrEqual(20);
    expect(probe?.checks.map((check) => check.outcome)).not.toContain('skip');
    // Every operation of the spec, in spec order: getAgentSession at the first session's key, which the spec's
    // link from listAgentSessions' 200 gives (no variable names a session).
    expect(probe?.checks.map((check) => check.name)).toEqual([
      'listAgentSessions: no credentials: a refusal',
      'listAgentSessions: query limit at its minimum (1)',
      'listAgentSessions: query limit at its maximum (100)',
      'listAgentSessions: following page_key never repeats an item',
      'listAgentSessions: query filter really filters',
      'listAgentSessions: header Request-Timeout with an example value',
      'listAgentSessions: header Request-Timeout-Millis with an example value',
      'listAgentSessions: query filter with an example value',
      'listAgentSessions: query metadata_filter with an example value',
      'getAgentSession: no credentials: a refusal',
      'getAgentSession: header Request-Timeout with an example value',
      'getAgentSession: header Request-Timeout-Millis with an example value',
    ]);
    const sessionUrls = exchanges
      .get('vectara')
      ?.filter((exchange) => exchange.operation === 'getAgentSession' && exchange.status === 200)
      .map((exchange) => new URL(exchange.url).pathname);
    expect(sessionUrls).toEqual([
      '/v2/agents/fixture_agent/sessions/fixture_session_1',
      '/v2/agents/fixture_agent/sessions/fixture_session_1',
    ]);
    // Coverage counts the probe's exchanges: the timeout header no pact sends is exercised now.
    const coverage = report.coverage?.[0];
    expect(coverage?.by).toEqual(['pacts', 'probe']);
    expect(coverage?.parameters.missing).toEqual([]);
    // The pacts cover every status; the probe adds no status of its own.
    expect(coverage?.statuses.missing).toEqual([]);
    expect(coverage?.operations.missing).toEqual([]);
  });

  it('passes a conformant Verisoul provider (the stand-in refuses with its documented 400)', async () => {
    const { report } = await probeAgainst('verisoul');
    expect(report.exitCode, checks(report)).toBe(0);
    // getAccount has no parameter but its path: one request at the configured account checks its answer.
    expect(probeOf(report)?.checks).toEqual(
      ['getAccountSessions', 'getAccount'].flatMap((operation) => [
        { name: `${operation}: no credentials: a refusal`, operation, outcome: 'pass', requests: 1 },
        { name: `${operation}: path account_id: an answer`, operation, outcome: 'pass', requests: 1 },
      ]),
    );
  });

  it('finds a provider that ignores limit (always 10 sessions), and keeps the exchange as a redacted HAR', async () => {
    const { report, exchanges } = await probeAgainst('vectara', { sessions: 25, fixedPageSize: 10 });
    expect(report.exitCode, checks(report)).toBe(1);
    expect(changesOf(report)).toEqual(
      expect.arrayContaining(['request-parameter-ignored parameter:query:limit [probe]', 'response-paging-violated $.sessions [probe]']),
    );
    const failed = probeOf(report)
      ?.checks.filter((check) => check.outcome === 'fail')
      .map((check) => check.name);
    expect(failed).toEqual([
      'listAgentSessions: query limit at its minimum (1)',
      'listAgentSessions: following page_key never repeats an item',
    ]);
    const directory = await mkdtemp(join(tmpdir(), 'api-contracts-probe-har-'));
    try {
      const [file] = await writeProbeHars(report, exchanges, directory);
      expect(probeOf(report)?.har).toBe('vectara.probe.har');
      const text = await readFile(file ?? '', 'utf8');
      expect(text).not.toContain(sentinelKey);
      const har = JSON.parse(text) as {
        log: { entries: { comment: string; request: { url: string; headers: { name: string; value: string }[] } }[] };
      };
      expect(har.log.entries.map((entry) => entry.comment)).toContain('listAgentSessions: query limit at its minimum (1)');
      expect(har.log.entries[0]?.request.headers).toContainEqual({ name: 'x-api-key', value: '[credentials]' });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('finds a provider that answers a request without credentials with 200', async () => {
    const { report } = await probeAgainst('vectara', { openWithoutCredentials: true });
    expect(report.exitCode).toBe(1);
    expect(changesOf(report)).toContain('security-not-enforced status [probe]');
    expect(probeOf(report)?.checks[0]).toMatchObject({ name: 'listAgentSessions: no credentials: a refusal', outcome: 'fail' });
    // Each operation's refusal is checked: both fail.
    expect(probeOf(report)?.checks.find((check) => check.name === 'getAgentSession: no credentials: a refusal')?.outcome).toBe('fail');
    expect(renderProbeLines(report)[0]).toMatch(/^probe vectara: \d+ of 20 requests, 12 checks: \d+ pass, 2 FAIL$/);
    expect(renderProbeMarkdown(report)).toMatch(
      /\| vectara \| \d+ of 20 \| 12 \| FAIL listAgentSessions: no credentials: a refusal: security-not-enforced status: 200/,
    );
  });

  it('waits out a 429 by its Retry-After and asks again', async () => {
    let limited = 0;
    let limitedAt = 0;
    let answeredAgainAt = 0;
    const { report } = await probeAgainst('vectara', {
      mutate: (exchange, request) => {
        if (!request.url?.includes('limit=100')) return exchange;
        if (limited === 0) {
          limited++;
          limitedAt = Date.now();
          return {
            status: 429,
            headers: { 'content-type': 'application/json', 'retry-after': '1' },
            body: JSON.stringify({ messages: ['Request rate limit exceeded'], request_id: 'r-1' }),
          };
        }
        answeredAgainAt ||= Date.now();
        return exchange;
      },
    });
    expect(report.exitCode, checks(report)).toBe(0);
    expect(limited).toBe(1);
    // A lower bound only: the retry came no sooner than the provider asked.
    expect(answeredAgainAt - limitedAt).toBeGreaterThanOrEqual(950);
    expect(probeOf(report)?.checks.find((check) => check.name === 'listAgentSessions: query limit at its maximum (100)')).toMatchObject({
      outcome: 'pass',
      requests: 2,
    });
  });

  it('finds a provider that sends a request without credentials on (302)', async () => {
    const { report } = await probeAgainst('verisoul', {
      mutate: (exchange, request) =>
        request.headers['x-api-key'] === undefined && request.url?.includes('/sessions')
          ? { status: 302, headers: { location: '/account/acct_fixture_1/sessions?session=anonymous' }, body: '' }
          : exchange,
    });
    expect(report.exitCode).toBe(1);
    expect(changesOf(report).sort()).toEqual(['response-status-undocumented status [probe]', 'security-not-enforced status [probe]']);
    expect(probeOf(report)?.checks[0]).toEqual(
      expect.objectContaining({
        name: 'getAccountSessions: no credentials: a refusal',
        outcome: 'fail',
        reason: expect.stringContaining('security-not-enforced status: 302'),
      }),
    );
    expect(probeOf(report)?.checks.filter((check) => check.outcome === 'fail')).toHaveLength(1);
  });

  it('skips, never fails, what an outage answers: a 503 asked again and still 503', async () => {
    let unavailable = 0;
    const { report } = await probeAgainst('verisoul', {
      // Retry-After 0: the probe asks again at once (without it, it waits a second).
      anonymous: { status: 503, headers: { 'content-type': 'text/html', 'retry-after': '0' }, body: '<html>down</html>' },
      mutate: (exchange, request) => {
        // The live route's reachability check (GET /) meets the outage too; the probe asks for the sessions.
        if (exchange.status === 503 && request.url?.includes('/sessions')) unavailable++;
        return exchange;
      },
    });
    expect(report.exitCode, checks(report)).toBe(0);
    expect(unavailable).toBe(2);
    const reason = 'not run: the provider answered 503 twice (unavailable, not drift)';
    expect(probeOf(report)?.checks[0]).toEqual({
      name: 'getAccountSessions: no credentials: a refusal',
      operation: 'getAccountSessions',
      outcome: 'skip',
      reason,
      requests: 2,
    });
    // The rest is not asked once the provider is down: skipped with the same reason, never passed.
    for (const check of probeOf(report)?.checks.slice(1) ?? []) expect(check).toMatchObject({ outcome: 'skip', reason, requests: 0 });
    expect(report.apis[0]?.changes).toEqual([]);
  });

  it('skips, never passes, what does not fit the budget; 0 turns it off', async () => {
    const { report } = await probeAgainst('vectara', {}, 3);
    expect(report.exitCode).toBe(0);
    const probe = probeOf(report);
    expect(probe?.requests).toBe(3);
    const skipped = probe?.checks.filter((check) => check.outcome === 'skip') ?? [];
    expect(skipped.length).toBeGreaterThan(0);
    for (const check of skipped) expect(check.reason).toMatch(/budget of 3 requests is spent/);
    const off = await probeAgainst('vectara', {}, 0);
    expect(probeOf(off.report)?.checks).toEqual([{ name: 'probe', outcome: 'skip', reason: 'turned off (--probe-budget 0)', requests: 0 }]);
  });
});
