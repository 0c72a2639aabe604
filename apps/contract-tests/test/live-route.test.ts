import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContracts } from '../src/run.js';
import { interactionCounts } from './support/interaction-counts.js';
import { type SharedRunOptions, sharedRun } from './support/shared-run.js';
import { type StandIn, startStandIns } from './support/stand-in.js';

describe('the live route, against local stand-ins of both providers', () => {
  let verisoul: StandIn;
  let vectara: StandIn;
  // The suite's shared Verifier and Prism processes serve every run of the file.
  let shared: SharedRunOptions;
  beforeAll(async () => {
    [verisoul, vectara] = await startStandIns(['verisoul', 'vectara']);
    shared = sharedRun();
  });
  afterAll(async () => {
    await Promise.all([verisoul?.stop(), vectara?.stop()]);
  });

  it('verifies every pact a live provider can be driven to, and skips the rest with the reason', async () => {
    const report = await runContracts({ live: true, env: { ...verisoul.env(), ...vectara.env() }, ...shared });
    const live = Object.fromEntries(
      report.apis.flatMap((api) =>
        api.interactions.map((interaction) => [`${interaction.state} / ${interaction.description}`, interaction.live]),
      ),
    );

    expect(report.exitCode).toBe(0);
    expect(Object.values(live).filter((result) => result.outcome === 'pass')).toHaveLength(
      interactionCounts.ours.verisoul +
        interactionCounts.ours.vectara -
        interactionCounts.oursLiveSkipped.verisoul -
        interactionCounts.oursLiveSkipped.vectara,
    );
    expect(live['the rate limit is exhausted / a request over the rate limit']).toMatchObject({
      outcome: 'skip',
      reason: expect.stringContaining('rate limit'),
    });
    expect(live['an agent the API key may not read / a request for an agent the key may not read']).toMatchObject({
      outcome: 'skip',
      reason: expect.stringContaining('restricted API key'),
    });
    // Each replayed live response was also validated against the spec's response schema.
    for (const result of Object.values(live).filter((candidate) => candidate.outcome === 'pass')) expect(result.schemaFindings).toEqual([]);
  });

  it('skips the optional states when their ids are not set, naming the variable', async () => {
    const { VECTARA_EMPTY_AGENT_KEY: _omitted, ...env } = vectara.env();
    const report = await runContracts({ live: true, apis: ['vectara'], env, ...shared });
    const empty = report.apis[0]?.interactions.find((interaction) => interaction.state === 'an agent without sessions');
    expect(empty?.live).toMatchObject({ outcome: 'skip', reason: expect.stringContaining('VECTARA_EMPTY_AGENT_KEY') });
    expect(report.exitCode).toBe(0);
  });

  it('blames the interaction that failed when two descriptions share a prefix', async () => {
    // "…of an account" is a prefix of "…of an account that has none"; only the second meets an unknown account.
    const report = await runContracts({
      live: true,
      routes: ['live'],
      apis: ['verisoul'],
      env: { ...verisoul.env(), VERISOUL_EMPTY_ACCOUNT_ID: 'acct_the_provider_does_not_know' },
      ...shared,
    });
    const live = Object.fromEntries((report.apis[0]?.interactions ?? []).map((interaction) => [interaction.description, interaction.live]));
    expect(report.exitCode).toBe(1);
    expect(live['a request for the sessions of an account']).toMatchObject({ outcome: 'pass' });
    expect(live['a request for the sessions of an account that has none']).toMatchObject({
      outcome: 'fail',
      mismatches: expect.arrayContaining([expect.objectContaining({ path: 'StatusMismatch', expected: '200', actual: '400' })]),
    });
  });

  it('fails when the provider answers against the spec, reporting the schema finding', async () => {
    verisoul.behave({
      mutate: (exchange) => {
        if (exchange.status !== 200) return exchange;
        const body = JSON.parse(exchange.body);
        return { ...exchange, body: JSON.stringify({ ...body, request_id: 42 }) };
      },
    });
    try {
      const report = await runContracts({ live: true, apis: ['verisoul'], env: verisoul.env(), ...shared });
      expect(report.exitCode).toBe(1);
      const withSessions = report.apis[0]?.interactions.find((interaction) => interaction.state === 'an account with sessions');
      expect(withSessions?.live.outcome).toBe('fail');
      expect(withSessions?.live.schemaFindings).toContainEqual(
        expect.objectContaining({ path: '/request_id', keyword: 'type', expected: 'string', actual: '42' }),
      );
    } finally {
      verisoul.behave({});
    }
  });
});
