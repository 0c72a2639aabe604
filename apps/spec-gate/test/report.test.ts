/**
 * The report a reviewer reads in ten seconds, on the Vectara reconciliation (commit 1bc0c84's spec, kept in
 * test/fixtures/specs, against this repo's): one line per change of the contract, at the operation level,
 * a component's change and its copy under the operation one line, statuses that share a schema merged,
 * documentation counted. The JSON report keeps every change, per status, and every documentation change.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { runGate } from '../src/gate.js';
import { renderGate } from '../src/render.js';
import { fixtureRepo } from './support/repo.js';

type Repo = Awaited<ReturnType<typeof fixtureRepo>>;
let repo: Repo;
afterEach(() => repo?.remove());

const reconciliationBase = await readFile(new URL('./fixtures/specs/vectara-1bc0c84.openapi.yaml', import.meta.url), 'utf8');
const reconciliation = async () => {
  repo = await fixtureRepo({ base: { 'specs/vectara/openapi.yaml': reconciliationBase } });
  return runGate({ root: repo.root, checkGenerated: false });
};

describe('the report of the Vectara reconciliation', () => {
  it('reads in at most 45 lines and names `$.sessions[].id` removed as breaking', async () => {
    const report = await reconciliation();
    const text = renderGate(report);
    const lines = text.split('\n');
    // 536 lines before the gate deduplicated; 41 now: 29 change lines, and one problem per published package.
    expect(lines.length, text).toBeLessThanOrEqual(45);
    // getAgentSession is new since 1bc0c84: one line, not one per property of the AgentSession it returns.
    expect(lines.filter((line) => line.includes('getAgentSession'))).toEqual([
      expect.stringMatching(/^ {2}getAgentSession operation +operation-added +additive$/),
    ]);
    expect(text).toMatch(/^ {2}listAgentSessions 200 \$\.sessions\[\]\.id +response-property-removed +BREAKING$/m);
    expect(report.specs.find((spec) => spec.api === 'vectara')?.changes).toContainEqual(
      expect.objectContaining({
        rule: 'response-property-removed',
        severity: 'breaking',
        operation: 'listAgentSessions',
        status: '200',
        path: '$.sessions[].id',
        fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/),
      }),
    );
    // No pending changeset: the verdict names the bump the breaking changes need.
    expect(text).toContain('spec gate: FAIL');
    expect(report.problems[0]).toMatch(
      /needs a major bump for the breaking changes to specs\/vectara\/openapi.yaml; pending changesets give it none$/,
    );
  });

  it('leads each API with its counts of breaking, additive and docs-only changes, which its lines add up to', async () => {
    const report = await reconciliation();
    const lines = renderGate(report).split('\n');
    const headline = lines.find((line) => line.startsWith('vectara (specs/vectara/openapi.yaml): '));
    const [, breaking, additive, docs] =
      /changed, (\d+) breaking, (\d+) additive, (\d+) docs-only \(--verbose lists them\); needs at least a major bump$/.exec(
        headline ?? '',
      ) ?? [];
    expect(Number(breaking)).toBe(lines.filter((line) => / BREAKING( |$)/.test(line)).length);
    expect(Number(additive)).toBe(lines.filter((line) => / additive( |$)/.test(line)).length);
    expect(Number(docs)).toBe(report.specs.find((spec) => spec.api === 'vectara')?.docs.length);
    expect(Number(docs)).toBeGreaterThan(0);
    expect(lines).toContain('verisoul (specs/verisoul/openapi.yaml): unchanged');
    // Documentation is counted, not listed: no description, example or summary shows.
    expect(lines.filter((line) => /description|example|summary/.test(line))).toEqual([]);
  });

  it('reports each change once, where an operation feels it, never under /components or a resolved pointer', async () => {
    const report = await reconciliation();
    const text = renderGate(report);
    expect(text).not.toMatch(/\/components\/|\/paths\//);
    const changeRows = text.split('\n').filter((line) => / (BREAKING|additive)( |$)/.test(line));
    const places = changeRows.map((line) => line.trim().split(/ {2,}/).slice(0, 2).join(' '));
    expect(new Set(places).size).toBe(places.length);
    // AgentSession is one component; its `id` and `key` show once each, at the operation.
    expect(changeRows.filter((line) => line.includes('$.sessions[].id'))).toHaveLength(1);
    expect(changeRows.filter((line) => line.includes('$.sessions[].key'))).toEqual([
      expect.stringMatching(/listAgentSessions 200 \$\.sessions\[\]\.key +response-property-added +additive +\(string, required\)$/),
    ]);
  });

  it('merges the statuses a shared error schema answers into one line; the JSON keeps one change per status', async () => {
    const report = await reconciliation();
    expect(renderGate(report)).toMatch(/^ {2}listAgentSessions 400,401,403,404,429 \$\.code +response-property-removed +BREAKING$/m);
    const codes = report.specs.find((spec) => spec.api === 'vectara')?.changes.filter((change) => change.path === '$.code') ?? [];
    expect(codes.map((change) => change.status)).toEqual(['400', '401', '403', '404', '429']);
    expect(new Set(codes.map((change) => change.fingerprint)).size).toBe(5);
  });

  it('classifies each change of the reconciliation with its catalogue rule', async () => {
    const report = await reconciliation();
    const rules = (report.specs.find((spec) => spec.api === 'vectara')?.changes ?? []).map(
      (change) => `${[change.status, change.path].filter(Boolean).join(' ')} ${change.rule} ${change.severity}`,
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        'parameter:query:enabled request-parameter-removed breaking',
        'parameter:path:agent_key request-constraint-tightened breaking',
        'parameter:query:filter request-parameter-added-optional additive',
        'parameter:header:Request-Timeout-Millis request-parameter-added-optional additive',
        '200 $.metadata.total_count response-property-removed breaking',
        '200 $.sessions[].agent_key response-pattern-violated breaking',
        '200 $.sessions[].agent_key response-constraint-tightened additive',
        '200 $.sessions[].name response-property-added additive',
        '404 $.id response-property-added additive',
        'security:OAuth2 security-scheme-added additive',
      ]),
    );
    // `apiKeyAuth` became `ApiKeyAuth` with the same definition: no way of authenticating was lost.
    expect(rules.filter((rule) => rule.includes('security-scheme-removed'))).toEqual([]);
    // `format: int32` on `limit` (1 to 100) admits every value it did.
    expect(rules.filter((rule) => rule.startsWith('parameter:query:limit'))).toEqual([]);
  });

  it('lists the documentation-only changes with --verbose, one line each', async () => {
    const report = await reconciliation();
    const quiet = renderGate(report).split('\n');
    const verbose = renderGate(report, { verbose: true }).split('\n');
    const docs = verbose.filter((line) => line.startsWith('  docs-only  '));
    expect(docs).toHaveLength(report.specs.find((spec) => spec.api === 'vectara')?.docs.length ?? -1);
    expect(verbose.length).toBe(quiet.length + docs.length);
    expect(docs).toContain('  docs-only  listAgentSessions 200: $.sessions[].agent_key: description replaced');
    // An example's every value changed is one line.
    expect(docs.filter((line) => line.includes('example customer_support changed'))).toHaveLength(1);
  });
});
