import { readFileSync } from 'node:fs';
import { loadSpec } from '@api-contracts/specs';
import { describe, expect, it } from 'vitest';
import {
  applyAcknowledgements,
  countChanges,
  type DriftInstance,
  failingChanges,
  groupInstances,
  instanceFromSchemaFinding,
  instancesFromPactMismatch,
  parseAcknowledgements,
  renderChangeLine,
  renderChangesMarkdown,
  summaryLine,
} from '../src/index.js';
import { checkBody } from './support/schema-check.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const spec = loadSpec('vectara');
const body = fixture('renamed-page.body.json');
const pact = fixture('renamed-page.pact-mismatches.json');
const context = { api: 'vectara', operation: 'listAgentSessions', status: 200, response: pact.description };
const instances: DriftInstance[] = [
  ...checkBody(spec, '#/components/schemas/ListAgentSessionsResponse', body).map((finding) => instanceFromSchemaFinding(finding, context)),
  ...pact.mismatches.flatMap((mismatch: never) => instancesFromPactMismatch(mismatch, context)),
];
const changes = groupInstances(instances, {
  responses: [{ id: pact.description, api: 'vectara', operation: 'listAgentSessions', status: 200, body }],
  specs: { vectara: spec },
});

describe('drift.md', () => {
  const markdown = renderChangesMarkdown(changes, { apis: ['verisoul', 'vectara'] });

  it('leads each API with its counts and lists one row per change', () => {
    const lines = markdown.trimEnd().split('\n');
    expect(lines[0]).toBe('**verisoul: no changes**');
    expect(lines[2]).toBe('**vectara: 2 breaking, 1 additive changes**');
    expect(lines[4]).toBe('| API | operation | status | path | rule | severity | expected | actual | count | fingerprint |');
    expect(lines.slice(6)).toHaveLength(3);
    expect(lines).toContain(
      '| vectara | listAgentSessions | 200 | `$.sessions[].key` | `response-property-removed` | breaking | present | absent; renamed to session_key? | 10 of 10 items | `89a1f582b1f1` |',
    );
    expect(lines.find((line) => line.includes('created_at'))).toContain(
      '| date-time | "15/01/2024 10:30", "15/01/2024 13:30", "15/01/2024 16:30" | 3 of 10 items |',
    );
  });

  it('is a fraction of the size of one row per instance', () => {
    const perInstance = instances
      .map((instance) => `| vectara | ${instance.operation} | ${instance.path} | ${instance.expected} | ${instance.actual} |`)
      .join('\n');
    expect(instances).toHaveLength(36);
    expect(Buffer.byteLength(markdown)).toBeLessThan(Buffer.byteLength(perInstance) / 2);
  });

  it('escapes pipes and line breaks, and marks acknowledged changes with their reason', () => {
    const [status] = groupInstances([
      {
        ...context,
        status: 203,
        rule: 'response-status-undocumented',
        path: 'status',
        expected: '200 | 400',
        actual: '203',
        source: 'schema',
      },
    ]);
    if (!status) throw new Error('no change');
    const acknowledged = applyAcknowledgements(
      [status],
      parseAcknowledgements(
        `acknowledged:\n  - fingerprint: ${status.fingerprint}\n    rule: response-status-undocumented\n    reason: "VEC-9: 203 from the CDN"\n  - fingerprint: 0123456789ab\n    rule: pact-mismatch\n    reason: old\n`,
      ),
    );
    const text = renderChangesMarkdown(acknowledged.changes, { acknowledgements: acknowledged });
    expect(text).toContain('**vectara: 0 breaking, 0 additive changes, 1 acknowledged**');
    expect(text).toContain('| breaking, acknowledged: VEC-9: 203 from the CDN | 200 \\| 400 | 203 |');
    expect(text).toContain(
      '**Acknowledgements to review**\n\n- acknowledgement 0123456789ab (entry 2, pact-mismatch) matches no change of this run',
    );
  });

  it('never shows a header value', () => {
    const [header] = groupInstances([
      instanceFromSchemaFinding(
        { path: 'header x-echo-key', keyword: 'header', expected: 'absent (not in the spec)', actual: 'sk_live_abcdef123456' },
        context,
      ),
    ]);
    if (!header) throw new Error('no change');
    expect(renderChangesMarkdown([header])).not.toContain('sk_live');
    expect(renderChangeLine(header)).not.toContain('sk_live');
    expect(renderChangeLine(header)).toContain('got present (value not shown)');
  });
});

describe('console reasons', () => {
  it('gives one short line per change, with its count, hint and fingerprint', () => {
    const lines = changes.map(renderChangeLine);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'breaking response-property-removed $.sessions[].key (listAgentSessions 200) in 10 of 10 items: expected present, got absent; renamed to session_key? [89a1f582b1f1]',
    );
    expect(lines[2]).toBe(
      'additive response-property-added $.sessions[].session_key (listAgentSessions 200) in 10 of 10 items: got "ase_customer_support_001",...; renamed from key? [8469eac844e5]',
    );
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(180);
  });

  it('counts per API and tells what fails the gate', () => {
    expect(countChanges(changes)).toEqual([{ api: 'vectara', breaking: 2, additive: 1, acknowledged: 0 }]);
    expect(summaryLine({ api: 'vectara', breaking: 1, additive: 0, acknowledged: 0 })).toBe('vectara: 1 breaking, 0 additive change');
    expect(failingChanges(changes).map((change) => change.rule)).toEqual(['response-format-changed', 'response-property-removed']);
    expect(failingChanges(changes, { strict: true })).toHaveLength(3);
    const acknowledged = changes.map((change) => ({ ...change, acknowledged: { reason: 'known' } }));
    expect(failingChanges(acknowledged, { strict: true })).toEqual([]);
  });
});
