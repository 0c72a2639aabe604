/**
 * The live gate against a stand-in that serves the provider's published Vectara definition: it passes
 * whatever the agent holds and however the run authenticates, and fails a provider serving the old page
 * shape (`id`, `total_count`, `code`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/model.js';
import { runContracts } from '../src/run.js';
import type { VerifierProcess } from '../src/verify.js';
import { interactionCounts } from './support/interaction-counts.js';
import { sharedRun } from './support/shared-run.js';
import { type Exchange, startStandIn } from './support/stand-in.js';

type StandIn = Awaited<ReturnType<typeof startStandIn>>;
// biome-ignore lint/suspicious/noExplicitAny: the old shape is rebuilt freely.
type Json = Record<string, any>;

const paging = 'an agent with more than one page of sessions';

const liveOf = (report: Report) =>
  Object.fromEntries((report.apis[0]?.interactions ?? []).map((interaction) => [interaction.description, interaction]));
const breakingOf = (report: Report) =>
  (report.apis[0]?.interactions ?? []).flatMap((interaction) =>
    (interaction.live.drift ?? []).filter((finding) => finding.severity === 'breaking').map((finding) => `${finding.path}`),
  );
const reasons = (report: Report) =>
  (report.apis[0]?.interactions ?? [])
    .map((interaction) => `${interaction.description}: ${interaction.live.outcome} ${interaction.live.reason ?? ''}`)
    .join('\n');

/** The page as the docs page described it before the provider's definition was followed. */
function oldShape(exchange: Exchange): Exchange {
  if (!exchange.headers['content-type']?.includes('json')) return exchange;
  const body = JSON.parse(exchange.body) as Json;
  if (exchange.status !== 200) {
    const code = { 400: 'invalid_request', 401: 'unauthorized', 403: 'forbidden', 404: 'agent_not_found', 429: 'rate_limit_exceeded' }[
      exchange.status
    ];
    return { ...exchange, body: JSON.stringify({ code, message: body.messages?.[0] ?? 'error' }) };
  }
  const sessions = (body.sessions ?? []).map(({ key, name: _name, ...session }: Json) => ({ id: `ase_${key}`, ...session }));
  return { ...exchange, body: JSON.stringify({ sessions, metadata: { ...body.metadata, total_count: sessions.length } }) };
}

/** Every interaction a live provider can be put in passes; with one session, both paging interactions skip. */
const livePasses = (sessions: number) =>
  interactionCounts.ours.vectara - interactionCounts.oursLiveSkipped.vectara - (sessions === 1 ? 2 : 0);

describe('the live gate against a conformant Vectara provider', () => {
  let standIn: StandIn;
  let serveOldShape = false;
  // The suite's shared Verifier process serves every run of the file.
  let verifier: VerifierProcess;
  beforeAll(async () => {
    verifier = sharedRun().verifier;
    standIn = await startStandIn('vectara', { mutate: (exchange) => (serveOldShape ? oldShape(exchange) : exchange) });
  });
  afterAll(() => standIn?.stop());

  const run = (auth: 'api-key' | 'oauth') =>
    runContracts({ live: true, routes: ['live'], apis: ['vectara'], env: standIn.env(auth), verifier });

  it.each([1, 2, 10, 11, 250])('passes with an agent holding %i session(s), API key', async (count) => {
    standIn.setSessionCount(count);
    const report = await run('api-key');
    expect(report.exitCode, reasons(report)).toBe(0);
    const pagingResults = Object.values(liveOf(report)).filter((interaction) => interaction.state === paging);
    expect(pagingResults).toHaveLength(2);
    for (const interaction of pagingResults) {
      if (count === 1) expect(interaction.live).toMatchObject({ outcome: 'skip', reason: expect.stringContaining('at least two') });
      else expect(interaction.live.outcome).toBe('pass');
    }
    expect(Object.values(liveOf(report)).filter((interaction) => interaction.live.outcome === 'pass')).toHaveLength(livePasses(count));
  });

  it.each([1, 250])('passes with an agent holding %i session(s), OAuth: one token serves the whole run', async (count) => {
    standIn.setSessionCount(count);
    const before = standIn.tokenRequests();
    const report = await run('oauth');
    expect(report.exitCode, reasons(report)).toBe(0);
    expect(standIn.tokenRequests() - before).toBe(1);
    // Refused credentials under OAuth are a token the provider never issued.
    expect(liveOf(report)['a request with unaccepted credentials']?.live.outcome).toBe('pass');
    expect(Object.values(liveOf(report)).filter((interaction) => interaction.live.outcome === 'pass')).toHaveLength(livePasses(count));
  });

  it('fails a provider that serves the old page shape (id, total_count, code)', async () => {
    standIn.setSessionCount(11);
    serveOldShape = true;
    try {
      const report = await run('api-key');
      expect(report.exitCode).toBe(1);
      const breaking = breakingOf(report);
      expect(breaking).toContain('/sessions/0/key');
      expect(breaking).toContain('/sessions/0/name');
      const notFound = liveOf(report)['a request for the sessions of an unknown agent']?.live;
      expect(notFound?.outcome).toBe('fail');
      // The pact's own words stay on the interaction; its reasons are the changes, one line each.
      expect(notFound?.mismatches).toContainEqual(
        expect.objectContaining({ path: '$', expected: '["id","messages","request_id"]', actual: '["code","message"]' }),
      );
      for (const key of ['id', 'messages', 'request_id'])
        expect(notFound?.reasons).toContainEqual(
          expect.stringMatching(new RegExp(`^breaking response-property-removed \\$\\.${key} \\(listAgentSessions 404\\)`)),
        );
      const additive = (report.apis[0]?.interactions ?? []).flatMap((interaction) =>
        (interaction.live.drift ?? []).filter((finding) => finding.severity === 'additive').map((finding) => finding.path),
      );
      expect(additive).toContain('/metadata/total_count');
    } finally {
      serveOldShape = false;
    }
  });
});
