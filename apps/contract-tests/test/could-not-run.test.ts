/**
 * An expired key or an outage is not API drift: a provider that refuses the configured credentials on every
 * call, or answers every call with 5xx or an HTML page, makes the live run "could not run" (exit 2) with one
 * line naming the variable or giving the evidence, and no interaction judged.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/model.js';
import { runContracts } from '../src/run.js';
import type { VerifierProcess } from '../src/verify.js';
import { runCli } from './support/cli.js';
import { sharedRun } from './support/shared-run.js';
import { type Exchange, startStandIn } from './support/stand-in.js';

type StandIn = Awaited<ReturnType<typeof startStandIn>>;

const json = (status: number, body: unknown): Exchange => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const everyCall: Record<string, Exchange> = {
  '401': json(401, { messages: ['Invalid or expired API key'], request_id: 'req_1' }),
  '403': json(403, { messages: ['Forbidden'], request_id: 'req_2' }),
  '503': { status: 503, headers: { 'content-type': 'text/plain' }, body: 'Service Unavailable' },
  html: {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: '<!doctype html><html><body>Down for maintenance</body></html>',
  },
};

/** Nothing was judged: no live cell failed, no drift was found. */
function expectNothingJudged(report: Report) {
  for (const interaction of report.apis.flatMap((api) => api.interactions)) {
    expect(interaction.live.outcome, interaction.description).toBe('skip');
    expect(interaction.live.drift ?? []).toEqual([]);
  }
}

describe('a live provider that cannot be judged', () => {
  let standIn: StandIn;
  let answer: Exchange | undefined;
  let reports: string;
  // The suite's shared Verifier process serves every run of the file.
  let verifier: VerifierProcess;
  beforeAll(async () => {
    verifier = sharedRun().verifier;
    standIn = await startStandIn('vectara', { mutate: (exchange) => answer ?? exchange });
    reports = await mkdtemp(join(tmpdir(), 'api-contracts-could-not-run-'));
  });
  afterAll(async () => {
    await standIn?.stop();
    await rm(reports, { recursive: true, force: true });
  });

  async function runWith(everyAnswer: Exchange, auth: 'api-key' | 'oauth' = 'api-key') {
    answer = everyAnswer;
    try {
      return await runContracts({ live: true, routes: ['live'], apis: ['vectara'], env: standIn.env(auth), verifier });
    } finally {
      answer = undefined;
    }
  }

  it('refusing the API key (401 on every call) could not run, naming VECTARA_API_KEY', async () => {
    const report = await runWith(everyCall['401'] as Exchange);
    expect(report.exitCode).toBe(2);
    expect(report.apis[0]).toMatchObject({ status: 'not-run', reason: 'VECTARA_API_KEY was refused (HTTP 401)' });
    expectNothingJudged(report);
  });

  it('refusing the OAuth2 token (401 on every call) could not run, naming the client-credential variables', async () => {
    const report = await runWith(everyCall['401'] as Exchange, 'oauth');
    expect(report.exitCode).toBe(2);
    expect(report.apis[0]?.reason).toBe('the OAuth2 token of VECTARA_CLIENT_ID/VECTARA_CLIENT_SECRET was refused (HTTP 401)');
    expectNothingJudged(report);
  });

  it('403 on everything could not run, naming VECTARA_API_KEY', async () => {
    const report = await runWith(everyCall['403'] as Exchange);
    expect(report.exitCode).toBe(2);
    expect(report.apis[0]?.reason).toBe('VECTARA_API_KEY was refused (HTTP 403)');
    expectNothingJudged(report);
  });

  it('503 on every call could not run, with the evidence', async () => {
    const report = await runWith(everyCall['503'] as Exchange);
    expect(report.exitCode).toBe(2);
    expect(report.apis[0]?.reason).toMatch(
      /answered every one of \d+ requests with a server error \(HTTP 503 text\/plain\): an outage is not drift$/,
    );
    expectNothingJudged(report);
  });

  it('an HTML page on every call could not run, with the evidence', async () => {
    const report = await runWith(everyCall.html as Exchange);
    expect(report.exitCode).toBe(2);
    expect(report.apis[0]?.reason).toMatch(
      /answered every one of \d+ requests with an HTML page, not the API \(HTTP 200 text\/html; charset=utf-8\)/,
    );
    expectNothingJudged(report);
  });

  it('a token endpoint that refuses the client credentials could not run, naming them', async () => {
    const report = await runContracts({
      live: true,
      routes: ['live'],
      apis: ['vectara'],
      env: { ...standIn.env('oauth'), VECTARA_CLIENT_SECRET: 'not-the-secret' },
      verifier,
    });
    expect(report.exitCode).toBe(2);
    expect(report.apis[0]?.reason).toBe('VECTARA_CLIENT_ID/VECTARA_CLIENT_SECRET were refused by the token endpoint (HTTP 401)');
    expectNothingJudged(report);
  });

  it('prints one line for a refused key, exits 2 and reports no drift', async () => {
    answer = everyCall['401'];
    try {
      const result = await runCli(['--live', '--api', 'vectara', '--reports', reports], standIn.env());
      expect(result.exitCode, result.all).toBe(2);
      expect(result.stdout.split('\n').filter((line) => line.includes('VECTARA_API_KEY was refused (HTTP 401)'))).toEqual([
        'vectara: not run: VECTARA_API_KEY was refused (HTTP 401)',
      ]);
      expect(result.all).not.toMatch(/breaking|FAIL/);
    } finally {
      answer = undefined;
    }
  });
});
