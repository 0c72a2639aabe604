/**
 * `pnpm contracts:live` as a new user runs it (the CLI, both APIs) against stand-ins that serve both APIs as
 * their definitions describe and behave on the wire like real providers: a request without credentials is
 * refused as Verisoul refuses it (an undocumented `401 {"statusCode":401,"message":"Unauthorized"}`), as an
 * API gateway does (403 `{"message":"Forbidden"}`), with an empty 401 and `WWW-Authenticate`, with an HTML
 * page; `application/json; charset=utf-8`; gzip and br bodies; extra headers; a 503 once; a 429 with
 * `Retry-After`; the agent holding 1 or 250 sessions, by API key and by OAuth. None of that is drift: each run exits 0 (an undocumented refusal is additive: `--strict`
 * fails it). The faults the probe exists for are still found under the same wire behaviour: `limit`
 * ignored, `filter` ignored, a request without credentials served.
 *
 * One stand-in per API for the whole file, its behaviour replaced per case: one CLI run (both APIs, its reports
 * read back); the other cases run in process.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api } from '@api-contracts/specs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchSpec } from '../../src/capture/spec-patch.js';
import type { ContractChange, ProbeCheck, Report } from '../../src/model.js';
import { renderProbeLines } from '../../src/probe/render.js';
import { renderTable } from '../../src/report.js';
import { runContracts } from '../../src/run.js';
import type { VerifierProcess } from '../../src/verify.js';
import { runCli } from '../support/cli.js';
import { sharedRun } from '../support/shared-run.js';
import { type Exchange, type StandIn, sentinelKey, startStandIns } from '../support/stand-in.js';

/** What a real provider and the CDN in front of it add to every answer: JSON with a charset, more headers. */
function onTheWire(exchange: Exchange): Exchange {
  const json = exchange.headers['content-type']?.startsWith('application/json');
  return {
    ...exchange,
    headers: {
      ...exchange.headers,
      ...(json && { 'content-type': 'application/json; charset=utf-8' }),
      server: 'cloudflare',
      'cf-ray': '8c1d2e3f4a5b6c7d-AMS',
      vary: 'Accept-Encoding',
      'x-ratelimit-remaining': '99',
    },
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Exchange => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
/** Verisoul's own refusal, which its definition does not document (it documents 400 only). */
const verisoulUnauthorized = json(401, { statusCode: 401, message: 'Unauthorized' });
const verisoulUnauthorizedBody = { statusCode: 401, message: 'Unauthorized' };
const anonymous = (request: IncomingMessage) => request.headers['x-api-key'] === undefined && request.headers.authorization === undefined;

interface Run {
  exitCode: number | undefined;
  all: string;
  report: Report;
  changes: (api: string) => ContractChange[];
  /** `pass name`, `fail name`, `skip name`. */
  probeChecks: (api: string) => string[];
  /** The probe's check `name`. */
  checkOf: (api: string, name: string) => ProbeCheck | undefined;
}

describe('pnpm contracts:live against providers that behave like real ones', () => {
  let verisoul: StandIn;
  let vectara: StandIn;
  let reports: string;
  // The suite's shared Verifier process, for the in-process runs.
  let verifier: VerifierProcess;
  beforeAll(async () => {
    verifier = sharedRun().verifier;
    [[verisoul, vectara], reports] = await Promise.all([
      startStandIns(['verisoul', 'vectara']),
      mkdtemp(join(tmpdir(), 'api-contracts-real-providers-')),
    ]);
  });
  afterAll(async () => {
    await Promise.all([verisoul?.stop(), vectara?.stop()]);
    await rm(reports, { recursive: true, force: true });
  });

  /** `pnpm contracts:live` as a child process, both APIs by API key; its contracts.json read back. */
  async function runLiveCli(): Promise<Run> {
    const result = await runCli(['--live', '--reports', reports], { ...verisoul.env(), ...vectara.env() });
    const report = JSON.parse(await readFile(join(reports, 'contracts.json'), 'utf8')) as Report;
    return runOf(result.exitCode, result.all ?? '', report);
  }

  /**
   * The same live run in this process, its live route only (the pacts' Prism and static routes are other files'
   * concern, and no case here reads them): the report, and as `all` the table and probe lines the CLI prints.
   */
  async function runInProcess({
    strict = false,
    apis,
    auth = 'api-key',
  }: {
    strict?: boolean;
    apis?: Api[];
    auth?: 'api-key' | 'oauth';
  } = {}): Promise<Run> {
    const report = await runContracts({
      live: true,
      strict,
      routes: ['live'],
      ...(apis && { apis }),
      env: { ...verisoul.env(), ...vectara.env(auth) },
      verifier,
    });
    return runOf(report.exitCode, [renderTable(report), ...renderProbeLines(report)].join('\n'), report);
  }

  function runOf(exitCode: number | undefined, all: string, report: Report): Run {
    const entries = (api: string) => report.apis.filter((entry) => entry.api === api);
    return {
      exitCode,
      all,
      report,
      changes: (api) => entries(api).flatMap((entry) => entry.changes ?? []),
      probeChecks: (api) =>
        entries(api)
          .flatMap((entry) => entry.probe?.checks ?? [])
          .map((check) => `${check.outcome} ${check.name}`),
      checkOf: (api, name) =>
        entries(api)
          .flatMap((entry) => entry.probe?.checks ?? [])
          .find((check) => check.name === name),
    };
  }
  const rulesOf = (changes: ContractChange[]) => changes.map((change) => `${change.severity} ${change.rule} ${change.path}`);

  it('passes refusals as Verisoul and a gateway send them (1 session, API key): the undocumented 401 is additive', async () => {
    verisoul.behave({ anonymous: verisoulUnauthorized, mutate: onTheWire });
    vectara.behave({ anonymous: json(403, { message: 'Forbidden' }), mutate: onTheWire });
    vectara.setSessionCount(1);
    const result = await runLiveCli();
    expect(result.exitCode, result.all).toBe(0);
    expect(verisoul.anonymousRequests()).toBeGreaterThan(0);

    const refusal = result
      .changes('verisoul')
      .find((change) => change.rule === 'response-status-undocumented' && change.operation === 'getAccountSessions');
    expect(refusal).toMatchObject({ severity: 'additive', status: '401', path: 'status', sources: ['probe'] });
    expect(refusal?.interactions).toEqual(['probe: getAccountSessions: no credentials: a refusal']);
    // One change per operation that was refused so: getAccount's refusal is its own.
    expect(
      result
        .changes('verisoul')
        .filter((change) => change.rule === 'response-status-undocumented')
        .map((change) => change.operation)
        .sort(),
    ).toEqual(['getAccount', 'getAccountSessions']);
    for (const [api, operations] of [
      ['verisoul', ['getAccountSessions', 'getAccount']],
      ['vectara', ['listAgentSessions', 'getAgentSession']],
    ] as const) {
      expect(rulesOf(result.changes(api)).filter((line) => line.startsWith('breaking'))).toEqual([]);
      for (const operation of operations) expect(result.probeChecks(api)).toContain(`pass ${operation}: no credentials: a refusal`);
    }
    expect(result.all).not.toContain('security-not-enforced');
    // The one session is every name there is: nothing tells a filtered answer from an ignored filter.
    expect(result.probeChecks('vectara')).toContain('skip listAgentSessions: query filter really filters');
    expect(result.checkOf('vectara', 'listAgentSessions: query filter really filters')?.reason).toMatch(
      /^no name among the 1 item seen tells a filtered answer/,
    );
    const driftJson = JSON.parse(await readFile(join(reports, 'drift.json'), 'utf8')) as {
      apis: { api: string; changes: { rule: string; failing: boolean }[] }[];
    };
    expect(driftJson.apis.find((api) => api.api === 'verisoul')?.changes).toContainEqual(
      expect.objectContaining({ rule: 'response-status-undocumented', failing: false }),
    );

    // --capture would turn it into a pull request: the spec patch documents the 401 as it was served.
    const specText = await readFile(new URL('../../../../specs/verisoul/openapi.yaml', import.meta.url), 'utf8');
    const patch = patchSpec({
      api: 'verisoul',
      specText,
      changes: refusal ? [refusal] : [],
      observed: [{ status: 401, body: verisoulUnauthorizedBody }],
      seen: { by: 'pnpm contracts:live against http://127.0.0.1', on: '2026-01-01' },
    });
    expect(patch.refused).toEqual([]);
    expect(patch.applied.map((applied) => applied.summary)).toEqual(['getAccountSessions 401 status: new status 401']);
    expect(patch.text).toMatch(/\n {8}"?401"?:\n/);
  });

  it('fails the undocumented refusal with --strict (an HTML page this time)', async () => {
    verisoul.behave({
      anonymous: {
        status: 401,
        headers: { 'content-type': 'text/html' },
        body: '<html><body><h1>401 Authorization Required</h1></body></html>',
      },
    });
    const result = await runInProcess({ strict: true, apis: ['verisoul'] });
    expect(result.exitCode, result.all).toBe(1);
    expect(result.probeChecks('verisoul')).toEqual([
      'fail getAccountSessions: no credentials: a refusal',
      'pass getAccountSessions: path account_id: an answer',
      'fail getAccount: no credentials: a refusal',
      'pass getAccount: path account_id: an answer',
    ]);
    expect(result.checkOf('verisoul', 'getAccount: no credentials: a refusal')?.reason).toBe('response-status-undocumented status: 401');
  });

  it('passes an empty 401, compressed bodies, a 503 once and a 429 (250 sessions, OAuth)', async () => {
    let verisoulUnavailable = 0;
    let replayBlips = 0;
    let vectaraLimited = 0;
    verisoul.behave({
      anonymous: verisoulUnauthorized,
      compress: 'br',
      mutate: (exchange, request) => {
        // The probe's request without credentials meets an outage; asked again, it is refused. (The live
        // route's reachability check, GET / without credentials, is left alone.)
        if (anonymous(request) && request.url?.includes('/sessions') && verisoulUnavailable++ === 0)
          return { status: 503, headers: { 'content-type': 'text/html' }, body: '<html><body>Service Unavailable</body></html>' };
        // The replay of the unknown-account interaction (an id no fixture has) meets a gateway's blip once.
        if (!anonymous(request) && /\/account\/(?!acct_fixture_)[^/]+\/sessions/.test(request.url ?? '') && replayBlips++ === 0)
          return { status: 503, headers: { 'content-type': 'text/html', 'retry-after': '0' }, body: 'upstream connect error' };
        return onTheWire(exchange);
      },
    });
    vectara.behave({
      anonymous: { status: 401, headers: { 'www-authenticate': 'Bearer realm="vectara"' }, body: '' },
      compress: 'gzip',
      mutate: (exchange, request) => {
        // Only the probe asks for a page of 100: its first one is rate limited.
        if (request.url?.includes('limit=100') && vectaraLimited++ === 0)
          return { ...json(429, { messages: ['Request rate limit exceeded'], request_id: 'r-1' }, { 'retry-after': '1' }) };
        return onTheWire(exchange);
      },
    });
    vectara.setSessionCount(250);
    const tokensBefore = vectara.tokenRequests();
    const result = await runInProcess({ auth: 'oauth' });
    expect(result.exitCode, result.all).toBe(0);
    expect(vectara.tokenRequests() - tokensBefore).toBe(1);
    expect(verisoulUnavailable).toBe(2);
    // The replay's blip was asked once more and the interaction judged on the second answer.
    expect(replayBlips).toBe(2);
    expect(result.checkOf('verisoul', 'getAccountSessions: no credentials: a refusal')).toMatchObject({ outcome: 'pass', requests: 2 });
    expect(result.changes('verisoul').find((change) => change.rule === 'response-status-undocumented')?.severity).toBe('additive');
    expect(result.checkOf('vectara', 'listAgentSessions: query limit at its maximum (100)')).toMatchObject({
      outcome: 'pass',
      requests: 2,
    });
    expect(vectaraLimited).toBeGreaterThanOrEqual(2);
    expect(verisoul.compressedResponses()).toBeGreaterThan(0);
    expect(vectara.compressedResponses()).toBeGreaterThan(0);
    for (const api of ['verisoul', 'vectara']) {
      expect(rulesOf(result.changes(api)).filter((line) => line.startsWith('breaking'))).toEqual([]);
      // A decoded body's encoding is transport, not a header the spec should document.
      expect(rulesOf(result.changes(api))).not.toContain('additive response-header-added header:content-encoding');
      expect(result.probeChecks(api).filter((check) => !check.startsWith('pass'))).toEqual([]);
    }
    expect(result.probeChecks('vectara')).toContain('pass listAgentSessions: query filter really filters');
    // getAgentSession was probed at a session the link from the first page gave, among 250.
    expect(result.probeChecks('vectara')).toContain('pass getAgentSession: header Request-Timeout with an example value');
    expect(result.all).not.toContain(sentinelKey);
  });

  it('still finds limit ignored, filter ignored and a request without credentials served, on the same wire', async () => {
    verisoul.behave({ openWithoutCredentials: true, compress: 'gzip', mutate: onTheWire });
    vectara.behave({ fixedPageSize: 10, ignoreFilter: true, compress: 'br', mutate: onTheWire });
    vectara.setSessionCount(25);
    const result = await runInProcess();
    expect(result.exitCode, result.all).toBe(1);
    expect(rulesOf(result.changes('verisoul'))).toContain('breaking security-not-enforced status');
    expect(rulesOf(result.changes('vectara'))).toEqual(
      expect.arrayContaining([
        'breaking request-parameter-ignored parameter:query:limit',
        'breaking request-parameter-ignored parameter:query:filter',
        'breaking response-paging-violated $.sessions',
      ]),
    );
    expect(result.probeChecks('vectara')).toContain('fail listAgentSessions: query filter really filters');
    expect(result.checkOf('vectara', 'listAgentSessions: query filter really filters')?.reason).toMatch(
      /request-parameter-ignored parameter:query:filter: \d+ of 10 items do not match/,
    );
    expect(result.all).toMatch(/FAIL listAgentSessions: query filter really filters/);
  });
});
