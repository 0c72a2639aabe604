import { readFileSync } from 'node:fs';
import { loadSpec } from '@api-contracts/specs';
import { describe, expect, it } from 'vitest';
import {
  type DriftInstance,
  groupInstances,
  instanceFromSchemaFinding,
  instancesFromPactMismatch,
  type PactMismatchLike,
} from '../src/index.js';
import { checkBody } from './support/schema-check.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const spec = loadSpec('vectara');
const operation = 'listAgentSessions';

/** What the live route sees for one response: the schema check's findings and the pact's mismatches, as instances. */
function liveInstances(bodyFile: string, pactFile: string) {
  const body = fixture(bodyFile);
  const pact = fixture(pactFile) as { description: string; mismatches: PactMismatchLike[] };
  const context = { api: 'vectara', operation, status: 200, response: pact.description };
  const instances: DriftInstance[] = [
    ...checkBody(spec, '#/components/schemas/ListAgentSessionsResponse', body).map((finding) =>
      instanceFromSchemaFinding(finding, context),
    ),
    ...pact.mismatches.flatMap((mismatch) => instancesFromPactMismatch(mismatch, context)),
  ];
  const responses = [{ id: pact.description, api: 'vectara', operation, status: 200, body }];
  return { instances, responses };
}

const at = (path: string, rule: string, extra: Partial<DriftInstance> = {}): DriftInstance => ({
  api: 'vectara',
  operation,
  status: 200,
  rule: rule as DriftInstance['rule'],
  path,
  expected: 'present',
  actual: 'absent',
  source: 'schema',
  response: 'first page',
  ...extra,
});

describe('grouping instances into changes', () => {
  it('a field renamed in 10 of 10 items: 36 instances from pact and schema become 3 changes, with a rename hint', () => {
    const { instances, responses } = liveInstances('renamed-page.body.json', 'renamed-page.pact-mismatches.json');
    expect(instances).toHaveLength(36);
    const changes = groupInstances(instances, { responses, specs: { vectara: spec } });
    expect(changes.map((change) => [change.severity, change.rule, change.path, change.countText, change.hint])).toEqual([
      ['breaking', 'response-format-changed', '$.sessions[].created_at', 'in 3 of 10 items', undefined],
      ['breaking', 'response-property-removed', '$.sessions[].key', 'in 10 of 10 items', 'renamed to session_key?'],
      ['additive', 'response-property-added', '$.sessions[].session_key', 'in 10 of 10 items', 'renamed from key?'],
    ]);
    const removed = changes[1];
    expect(removed).toMatchObject({ instances: 20, sources: ['schema', 'pact'], expected: 'present', actual: 'absent', status: '200' });
    expect(removed?.evidence.map((entry) => [entry.source, entry.instances])).toEqual([
      ['schema', 10],
      ['pact', 10],
    ]);
    // The pact's date regex and the schema's format are one change, both witnesses kept.
    expect(changes[0]).toMatchObject({ instances: 6, sources: ['schema', 'pact'], expected: 'date-time' });
    expect(changes[0]?.evidence[1]?.expected).toMatch(/^\^\\d\{4\}/);
    expect(changes[0]?.actual).toBe('"15/01/2024 10:30", "15/01/2024 13:30", "15/01/2024 16:30"');
  });

  it('a provider turned camelCase: 111 instances become 10 changes, every rename paired, optional fields too', () => {
    const { instances, responses } = liveInstances('camel-case-page.body.json', 'camel-case-page.pact-mismatches.json');
    expect(instances).toHaveLength(111);
    const changes = groupInstances(instances, { responses, specs: { vectara: spec } });
    expect(changes).toHaveLength(10);
    expect(changes.filter((change) => change.severity === 'breaking').map((change) => [change.path, change.hint])).toEqual([
      ['$.sessions[].agent_key', 'renamed to agentKey?'],
      ['$.sessions[].created_at', 'renamed to createdAt?'],
    ]);
    expect(
      Object.fromEntries(changes.filter((change) => change.severity === 'additive').map((change) => [change.path, change.hint])),
    ).toEqual({
      '$.metadata.pageKey': 'renamed from page_key? (optional, in no item)',
      '$.sessions[].agentKey': 'renamed from agent_key?',
      '$.sessions[].aliasKey': 'renamed from alias_key? (optional, in no item)',
      '$.sessions[].createdAt': 'renamed from created_at?',
      '$.sessions[].currentStepName': 'renamed from current_step_name? (optional, in no item)',
      '$.sessions[].effectiveCompaction': 'renamed from effective_compaction? (optional, in no item)',
      '$.sessions[].sessionContextUsage': 'renamed from session_context_usage? (optional, in no item)',
      '$.sessions[].ttiMinutes': 'renamed from tti_minutes? (optional, in no item)',
    });
    expect(changes.find((change) => change.path === '$.metadata.pageKey')?.countText).toBe('in 1 of 1 response');
    for (const change of changes.filter((candidate) => candidate.path.startsWith('$.sessions')))
      expect(change.countText).toBe('in 10 of 10 items');
  });

  it('counts items over every response of the operation and status, drifted or not', () => {
    const instances = Array.from({ length: 10 }, (_, index) => at(`$.sessions[${index}].key`, 'response-property-removed'));
    const responses = [
      { id: 'first page', api: 'vectara', operation, status: 200, arrays: { '$.sessions': 10 } },
      { id: 'next page', api: 'vectara', operation, status: 200, body: { sessions: [{ key: 'a' }], metadata: {} } },
      { id: 'unknown agent', api: 'vectara', operation, status: 404, body: { messages: [] } },
    ];
    expect(groupInstances(instances, { responses })[0]?.countText).toBe('in 10 of 11 items');
    // Without the responses there is no "of N".
    expect(groupInstances(instances)[0]?.countText).toBe('in 10 items');
    expect(groupInstances(instances)[0]?.count).toEqual({ affected: 10, unit: 'items' });
  });

  it('counts responses for what is not in an array, and the same item once however many routes saw it', () => {
    const instances = [
      at('status', 'response-status-undocumented', { status: 203, response: 'first page', expected: '200 | 400', actual: '203' }),
      at('status', 'response-status-undocumented', { status: 203, response: 'next page', expected: '200 | 400', actual: '203' }),
      at('status', 'pact-mismatch', { status: 203, response: 'first page', source: 'pact', expected: '200', actual: '203' }),
    ];
    const responses = ['first page', 'next page', 'filter'].map((id) => ({ id, api: 'vectara', operation, status: 203, body: {} }));
    const [change] = groupInstances(instances, { responses });
    expect(change).toMatchObject({ rule: 'response-status-undocumented', status: '203', instances: 3, sources: ['schema', 'pact'] });
    expect(change?.countText).toBe('in 2 of 3 responses');
  });

  it('gives spec differences no count', () => {
    const [change] = groupInstances([
      {
        api: 'vectara',
        operation,
        rule: 'request-parameter-added-required',
        path: 'parameter:query:corpus_key',
        expected: 'absent',
        actual: 'required',
        source: 'vendor',
      },
    ]);
    expect(change).toMatchObject({ rule: 'request-parameter-added-required', severity: 'breaking', countText: '', sources: ['vendor'] });
    expect(change?.status).toBeUndefined();
    expect(change?.count).toBeUndefined();
  });

  it('keeps a pact mismatch no other route explains as its own change', () => {
    const changes = groupInstances([
      at('$.sessions', 'pact-mismatch', { source: 'pact', message: 'Expected an empty List to have at least 1 item(s)' }),
    ]);
    expect(changes.map((change) => [change.rule, change.severity])).toEqual([['pact-mismatch', 'breaking']]);
  });

  it('offers no rename where names, values and items give no reason to', () => {
    const removed = Array.from({ length: 4 }, (_, index) => at(`$.sessions[${index}].key`, 'response-property-removed'));
    const added = (name: string, value: string, count = 4) =>
      Array.from({ length: count }, (_, index) =>
        at(`$.sessions[${index}].${name}`, 'response-property-added', {
          expected: 'absent (not in the spec)',
          actual: JSON.stringify(value),
        }),
      );
    const hints = (instances: DriftInstance[], specs = {}) =>
      groupInstances(instances, { specs }).flatMap((change) => (change.hint ? [`${change.path} ${change.hint}`] : []));
    // Two unrelated names, both strings: ambiguous, no hint.
    expect(hints([...removed, ...added('title', 'Billing'), ...added('label', 'Billing')])).toEqual([]);
    // ...unless only one holds values the removed property's schema accepts (`key`'s pattern has no spaces).
    expect(hints([...removed, ...added('title', 'Billing inquiry'), ...added('id', 'ase_001')], { vectara: spec })).toEqual([
      '$.sessions[].key renamed to id?',
      '$.sessions[].id renamed from key?',
    ]);
    // A boolean where a string went: not a rename.
    expect(
      hints(
        [
          ...removed,
          ...Array.from({ length: 4 }, (_, index) => at(`$.sessions[${index}].session_key`, 'response-property-added', { actual: 'true' })),
        ],
        { vectara: spec },
      ),
    ).toEqual([]);
    // Appeared in other items than the one gone.
    expect(hints([...removed, ...added('session_key', 'ase_001', 2)])).toEqual([]);
    // One gone, one appeared, same items, same type: a rename even without a shared word.
    expect(hints([...removed, ...added('handle', 'ase_001')])).toEqual([
      '$.sessions[].key renamed to handle?',
      '$.sessions[].handle renamed from key?',
    ]);
  });

  it('lists each API’s breaking changes first', () => {
    const changes = groupInstances([
      at('$.sessions[0].title', 'response-property-added', { expected: 'absent (not in the spec)', actual: '"x"' }),
      at('$.request_id', 'response-property-removed', { api: 'verisoul', operation: 'getAccountSessions' }),
      at('$.sessions[0].status', 'response-enum-value-added', { expected: '["unstarted","running","stopped"]', actual: '"archived"' }),
    ]);
    expect(changes.map((change) => `${change.api} ${change.severity} ${change.rule}`)).toEqual([
      'vectara breaking response-enum-value-added',
      'vectara additive response-property-added',
      'verisoul breaking response-property-removed',
    ]);
  });
});
