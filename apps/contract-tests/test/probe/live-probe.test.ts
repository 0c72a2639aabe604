/**
 * The live probe against stand-in providers: a conformant one passes every check within the default budget;
 * one that ignores `limit`, and one that answers a request without credentials, are found out, with the
 * failed exchanges kept as a redacted HAR.
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
import { startVerifier, type VerifierProcess } from '../../src/verify.js';
import { type StandInOptions, sentinelKey, startStandIn } from '../support/stand-in.js';

let verifier: VerifierProcess;
beforeAll(() => {
  verifier = startVerifier();
});
afterAll(() => verifier?.stop());

/** A live run of one API against a fresh stand-in, the probe's exchanges kept. */
async function probeAgainst(api: Api, options: StandInOptions & { sessions?: number } = {}, probeBudget?: number) {
  const standIn = await startStandIn(api, options);
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
    await standIn.stop();
  }
}

const probeOf = (report: Report) => report.apis[0]?.probe;
const changesOf = (report: Report) =>
  (report.apis[0]?.changes ?? []).map((change) => `${change.rule} ${change.path} [${change.sources.join(',')}]`);
const checks = (report: Report) =>
  (probeOf(report)?.checks ?? []).map((check) => `${check.outcome} ${check.name}: ${check.reason ?? ''}`).join('\n');

describe('the live probe', () => {
  it('passes a conformant Vectara provider, every check within the default budget', async () => {
    const { report } = await probeAgainst('vectara', { sessions: 5 });
    expect(report.exitCode, checks(report)).toBe(0);
    const probe = probeOf(report);
    expect(probe?.budget).toBe(20);
    expect(probe?.requests).toBeLessThanOrEqual(20);
    expect(probe?.checks.map((check) => check.outcome)).not.toContain('skip');
    expect(probe?.checks.map((check) => check.name)).toEqual([
      'no credentials: a documented refusal',
      'query limit at its minimum (1)',
      'query limit at its maximum (100)',
      'following page_key never repeats an item',
      'header Request-Timeout with an example value',
      'header Request-Timeout-Millis with an example value',
      'query filter with an example value',
      'query metadata_filter with an example value',
    ]);
    // Coverage counts the probe's exchanges: the timeout header no pact sends is exercised now.
    const coverage = report.coverage?.[0];
    expect(coverage?.by).toEqual(['pacts', 'probe']);
    expect(coverage?.parameters.missing).toEqual([]);
    expect(coverage?.statuses.missing).toEqual([]);
  });

  it('passes a conformant Verisoul provider (its documented refusal is a 400)', async () => {
    const { report } = await probeAgainst('verisoul');
    expect(report.exitCode, checks(report)).toBe(0);
    expect(probeOf(report)?.checks).toEqual([{ name: 'no credentials: a documented refusal', outcome: 'pass', requests: 1 }]);
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
    expect(failed).toEqual(['query limit at its minimum (1)', 'following page_key never repeats an item']);
    const directory = await mkdtemp(join(tmpdir(), 'api-contracts-probe-har-'));
    try {
      const [file] = await writeProbeHars(report, exchanges, directory);
      expect(probeOf(report)?.har).toBe('vectara.probe.har');
      const text = await readFile(file ?? '', 'utf8');
      expect(text).not.toContain(sentinelKey);
      const har = JSON.parse(text) as {
        log: { entries: { comment: string; request: { url: string; headers: { name: string; value: string }[] } }[] };
      };
      expect(har.log.entries.map((entry) => entry.comment)).toContain('query limit at its minimum (1)');
      expect(har.log.entries[0]?.request.headers).toContainEqual({ name: 'x-api-key', value: '[credentials]' });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('finds a provider that answers a request without credentials with 200', async () => {
    const { report } = await probeAgainst('vectara', { openWithoutCredentials: true });
    expect(report.exitCode).toBe(1);
    expect(changesOf(report)).toContain('security-not-enforced status [probe]');
    expect(probeOf(report)?.checks[0]).toMatchObject({ name: 'no credentials: a documented refusal', outcome: 'fail' });
    expect(renderProbeLines(report)[0]).toMatch(/^probe vectara: \d+ of 20 requests, 8 checks: \d+ pass, 1 FAIL$/);
    expect(renderProbeMarkdown(report)).toMatch(
      /\| vectara \| \d+ of 20 \| 8 \| FAIL no credentials: a documented refusal: security-not-enforced status: 200 \|/,
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
    expect(probeOf(report)?.checks.find((check) => check.name === 'query limit at its maximum (100)')).toMatchObject({
      outcome: 'pass',
      requests: 2,
    });
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
