/**
 * Live drift judged by changes, without a provider: pact mismatches and schema findings of several
 * interactions grouped into one change per place and rule, each interaction failing only for a failing
 * change it showed, and acknowledgements applied over the whole run. The same against stand-ins, end to
 * end, is in drift-mutations.test.ts.
 */
import type { Acknowledgement } from '@api-contracts/drift-rules';
import { loadSpec } from '@api-contracts/specs';
import { describe, expect, it } from 'vitest';
import { groupLiveDrift, judgeLiveRun, operationIdOf } from '../src/drift-changes.js';
import { driftJson, renderDriftReport } from '../src/drift-report.js';
import type { ApiReport, Report, RouteResult } from '../src/model.js';

const spec = loadSpec('vectara');
const operation = 'GET /v2/agents/{agent_key}/sessions (listAgentSessions)';
const session = (index: number) => ({
  session_key: `ase_${index}`,
  name: 'n',
  agent_key: 'a',
  enabled: true,
  created_at: '2026-01-01T00:00:00Z',
});

/** Two pages whose sessions have `session_key` instead of `key`, as the Verifier and the schema check report them. */
function renamedPages(): { results: Map<string, RouteResult>; responses: { interaction: string; status: number; body: unknown }[] } {
  const pages = { 'first page': 3, 'page of one': 1 };
  const results = new Map<string, RouteResult>();
  const responses = [];
  for (const [description, count] of Object.entries(pages)) {
    const body = { sessions: Array.from({ length: count }, (_, index) => session(index)), metadata: {} };
    responses.push({ interaction: description, status: 200, body });
    results.set(description, {
      outcome: 'fail',
      reason: 'pact failed',
      mismatches: body.sessions.map((_, index) => ({
        path: `$.sessions[${index}]`,
        message: 'Actual map is missing the following keys: key',
      })),
      schemaFindings: body.sessions.flatMap((_, index) => [
        {
          severity: 'breaking' as const,
          path: `/sessions/${index}/key`,
          keyword: 'required',
          expected: 'present',
          actual: 'absent',
          message: 'required',
        },
        {
          severity: 'additive' as const,
          path: `/sessions/${index}/session_key`,
          keyword: 'additionalProperties',
          expected: 'absent (not in the spec)',
          actual: `"ase_${index}"`,
          message: 'not in the spec',
        },
      ]),
    });
  }
  results.set('rate limited', { outcome: 'skip', reason: 'not on purpose' });
  results.set('not found', { outcome: 'pass', mismatches: [], schemaFindings: [] });
  responses.push({ interaction: 'not found', status: 404, body: { messages: ['no'] } });
  return { results, responses };
}

const apiReport = (results: Map<string, RouteResult>, changes: ApiReport['changes']): ApiReport => ({
  api: 'vectara',
  provider: 'vectara-agents-api',
  operation,
  pactFile: 'pact.json',
  status: 'fail',
  interactions: [...results].map(([description, live]) => ({
    description,
    state: '',
    prism: { outcome: 'skip' },
    static: { outcome: 'skip' },
    live,
  })),
  changes,
});

describe('live drift as changes', () => {
  it('reads the operationId of a provider’s operation', () => {
    expect(operationIdOf(operation)).toBe('listAgentSessions');
    expect(operationIdOf('GET /account/{id}/sessions')).toBe('GET /account/{id}/sessions');
  });

  it('groups 16 instances of two interactions into 2 changes, keeps the instances, and fails only what showed a breaking change', () => {
    const { results, responses } = renamedPages();
    const judged = groupLiveDrift({ api: 'vectara', operationOf: () => operationIdOf(operation), spec, results, responses, strict: false });
    expect(judged.changes.map((change) => [change.rule, change.path, change.countText, change.hint, change.interactions])).toEqual([
      ['response-property-removed', '$.sessions[].key', 'in 4 of 4 items', 'renamed to session_key?', ['first page', 'page of one']],
      ['response-property-added', '$.sessions[].session_key', 'in 4 of 4 items', 'renamed from key?', ['first page', 'page of one']],
    ]);
    const first = judged.results.get('first page');
    expect(first?.outcome).toBe('fail');
    expect(first?.reasons).toHaveLength(2);
    expect(first?.reasons?.[0]).toMatch(
      /^breaking response-property-removed \$\.sessions\[\]\.key \(listAgentSessions 200\) in 4 of 4 items/,
    );
    // Each instance keeps its finder's words and gains its change's rule and fingerprint.
    expect(first?.drift).toHaveLength(9);
    expect(first?.drift?.[0]).toMatchObject({
      source: 'pact',
      path: '$.sessions[0]',
      severity: 'breaking',
      rule: 'response-property-removed',
      instancePath: '$.sessions[0].key',
      fingerprint: judged.changes[0]?.fingerprint,
    });
    expect(first?.drift?.find((finding) => finding.keyword === 'additionalProperties')).toMatchObject({
      severity: 'additive',
      path: '/sessions/0/session_key',
      fingerprint: judged.changes[1]?.fingerprint,
    });
    expect(judged.results.get('rate limited')).toEqual({ outcome: 'skip', reason: 'not on purpose' });
    expect(judged.results.get('not found')).toMatchObject({ outcome: 'pass', drift: [] });
    expect(judged.results.get('not found')?.reason).toBeUndefined();
  });

  it('fails on additive changes only under --strict', () => {
    const results = new Map<string, RouteResult>([
      [
        'first page',
        {
          outcome: 'pass',
          mismatches: [],
          schemaFindings: [
            {
              severity: 'additive',
              path: '/sessions/0/title',
              keyword: 'additionalProperties',
              expected: 'absent',
              actual: '"x"',
              message: 'm',
            },
          ],
        },
      ],
    ]);
    const responses = [{ interaction: 'first page', status: 200, body: { sessions: [{ title: 'x' }] } }];
    const lenient = groupLiveDrift({
      api: 'vectara',
      operationOf: () => operationIdOf(operation),
      spec,
      results,
      responses,
      strict: false,
    });
    const strict = groupLiveDrift({ api: 'vectara', operationOf: () => operationIdOf(operation), spec, results, responses, strict: true });
    expect(lenient.results.get('first page')?.outcome).toBe('pass');
    expect(lenient.results.get('first page')?.reasons).toEqual([expect.stringMatching(/^additive response-property-added/)]);
    expect(strict.results.get('first page')?.outcome).toBe('fail');
  });

  it('applies acknowledgements over the run: an acknowledged change no longer fails, and entries to review are named', () => {
    const { results, responses } = renamedPages();
    const judged = groupLiveDrift({ api: 'vectara', operationOf: () => operationIdOf(operation), spec, results, responses, strict: false });
    const removed = judged.changes[0]?.fingerprint ?? '';
    const entry = (fingerprint: string, extra: Partial<Acknowledgement> = {}): Acknowledgement => ({
      fingerprint,
      rule: 'response-property-removed',
      reason: 'accepted',
      entry: 1,
      ...extra,
    });
    const reports = [apiReport(judged.results, judged.changes)];
    const issues = judgeLiveRun(
      reports,
      [entry(removed), entry('0123456789ab', { entry: 2 }), entry('ba9876543210', { entry: 3, until: '2026-01-01' })],
      {
        strict: false,
        today: new Date('2026-06-01T00:00:00Z'),
      },
    );
    const [report] = reports;
    expect(report?.status).toBe('pass');
    expect(report?.interactions.find((interaction) => interaction.description === 'first page')?.live.outcome).toBe('pass');
    expect(report?.changes?.find((change) => change.fingerprint === removed)?.acknowledged).toEqual({ reason: 'accepted' });
    expect(issues).toEqual([
      expect.stringMatching(/^acknowledgement ba9876543210 \(entry 3, response-property-removed\) expired on 2026-01-01/),
      expect.stringMatching(/^acknowledgement 0123456789ab \(entry 2, response-property-removed\) matches no change of this run/),
    ]);
  });

  it('does not call an entry unused when an API of the run was not judged', () => {
    const { results, responses } = renamedPages();
    const judged = groupLiveDrift({ api: 'vectara', operationOf: () => operationIdOf(operation), spec, results, responses, strict: false });
    const notRun: ApiReport = { ...apiReport(new Map(), undefined), api: 'verisoul', status: 'not-run', reason: 'no settings' };
    const issues = judgeLiveRun(
      [apiReport(judged.results, judged.changes), notRun],
      [{ fingerprint: '0123456789ab', rule: 'response-property-added', reason: 'r', entry: 1 }],
      { strict: false },
    );
    expect(issues).toEqual([]);
  });

  it('writes drift.md with one row per change and drift.json with each change’s fingerprint and issue', () => {
    const { results, responses } = renamedPages();
    const judged = groupLiveDrift({ api: 'vectara', operationOf: () => operationIdOf(operation), spec, results, responses, strict: false });
    const report: Report = {
      schemaVersion: 1,
      generatedAt: '2026-06-01T00:00:00.000Z',
      mode: 'live',
      exitCode: 1,
      summary: { pass: 1, fail: 2, skip: 1 },
      apis: [
        apiReport(judged.results, judged.changes),
        { ...apiReport(new Map(), undefined), api: 'verisoul', status: 'not-run', reason: 'skipped: set VERISOUL_API_KEY' },
      ],
    };
    const markdown = renderDriftReport(report);
    expect(markdown.split('\n').filter((line) => line.startsWith('| vectara |'))).toHaveLength(2);
    expect(markdown).toContain('**vectara: 1 breaking, 1 additive changes**');
    expect(markdown).toContain('**verisoul: not run: skipped: set VERISOUL_API_KEY**');
    expect(markdown).toContain('- vectara, rate limited: not on purpose');

    const json = driftJson(report);
    const [removed, added] = judged.changes;
    expect(json.fingerprints).toEqual([removed?.fingerprint, added?.fingerprint]);
    expect(json.apis.map((api) => [api.api, api.judged, api.counts])).toEqual([
      ['vectara', true, { breaking: 1, additive: 1, acknowledged: 0 }],
      ['verisoul', false, { breaking: 0, additive: 0, acknowledged: 0 }],
    ]);
    const change = json.apis[0]?.changes[0];
    expect(change).toMatchObject({
      fingerprint: removed?.fingerprint,
      rule: 'response-property-removed',
      severity: 'breaking',
      failing: true,
    });
    expect(change?.spec?.file).toBe('specs/vectara/openapi.yaml');
    expect(change?.issue.title).toBe(
      `API drift [${removed?.fingerprint}]: vectara listAgentSessions 200 $.sessions[].key (response-property-removed)`,
    );
    expect(change?.issue.body).toContain(`<!-- api-drift-fingerprint: ${removed?.fingerprint} -->`);
    expect(json.apis[0]?.changes[1]).toMatchObject({ severity: 'additive', failing: false });
    expect(driftJson(report, { strict: true }).apis[0]?.changes[1]?.failing).toBe(true);
  });
});
