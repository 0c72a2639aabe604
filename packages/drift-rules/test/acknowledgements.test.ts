import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AcknowledgementFileError,
  applyAcknowledgements,
  type DriftInstance,
  describeAcknowledgementIssues,
  groupInstances,
  loadAcknowledgements,
  parseAcknowledgements,
} from '../src/index.js';

const instance = (path: string, rule: DriftInstance['rule']): DriftInstance => ({
  api: 'vectara',
  operation: 'listAgentSessions',
  status: 200,
  rule,
  path,
  expected: 'absent (not in the spec)',
  actual: '"x"',
  source: 'schema',
});
const changes = groupInstances([
  instance('$.sessions[0].title', 'response-property-added'),
  instance('$.sessions[0].key', 'response-property-removed'),
]);
const added = changes.find((change) => change.rule === 'response-property-added');
const removed = changes.find((change) => change.rule === 'response-property-removed');

const problemsOf = (text: string) => {
  try {
    parseAcknowledgements(text, 'apps/contract-tests/acknowledged-drift.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(AcknowledgementFileError);
    return { message: (error as AcknowledgementFileError).message, problems: (error as AcknowledgementFileError).problems };
  }
  throw new Error('expected the file to be refused');
};

describe('the acknowledgement file', () => {
  it('reads entries with their optional reviewer and expiry, keeping every value as text', () => {
    const entries = parseAcknowledgements(
      [
        '# reviewed in #123',
        'acknowledged:',
        `  - fingerprint: ${added?.fingerprint}`,
        '    rule: response-property-added',
        "    reason: 'Vectara sends `title` since 2026-06; captured in the spec by #123'",
        '    reviewer: alice',
        '    until: 2026-09-30',
        '  - fingerprint: "000000123456"',
        '    rule: pact-mismatch',
        '    reason: known',
      ].join('\n'),
    );
    expect(entries).toEqual([
      {
        fingerprint: added?.fingerprint,
        rule: 'response-property-added',
        reason: 'Vectara sends `title` since 2026-06; captured in the spec by #123',
        reviewer: 'alice',
        until: '2026-09-30',
        entry: 1,
        line: 3,
      },
      { fingerprint: '000000123456', rule: 'pact-mismatch', reason: 'known', entry: 2, line: 8 },
    ]);
  });

  it('acknowledges nothing when empty, or missing on disk', async () => {
    expect(parseAcknowledgements('')).toEqual([]);
    expect(parseAcknowledgements('# nothing yet\n')).toEqual([]);
    expect(parseAcknowledgements('acknowledged:\n')).toEqual([]);
    expect(parseAcknowledgements('acknowledged: []\n')).toEqual([]);
    expect(await loadAcknowledgements(join(tmpdir(), 'drift-rules-no-such-file.yaml'))).toEqual([]);
  });

  it('names the entry, its fingerprint, its line and the field of every problem', () => {
    const { message, problems } = problemsOf(
      [
        'acknowledged:',
        '  - fingerprint: 3F9A1C2B7D4E',
        '    rule: response-field-removed',
        '    reason: ""',
        '  - fingerprint: 3f9a1c2b7d4e',
        '    rule: response-property-added',
        '    reasn: typo',
        '    until: next week',
      ].join('\n'),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entry: 1,
          field: 'fingerprint',
          line: 2,
          message: expect.stringMatching(/12 lower-case hex digits a report gives, got "3F9A1C2B7D4E"/),
        }),
        expect.objectContaining({
          entry: 1,
          field: 'rule',
          message: expect.stringMatching(/rule id of the catalogue, got "response-field-removed"/),
        }),
        expect.objectContaining({ entry: 1, field: 'reason', message: expect.stringMatching(/not empty/) }),
        expect.objectContaining({
          entry: 2,
          fingerprint: '3f9a1c2b7d4e',
          field: 'reasn',
          line: 5,
          message: expect.stringMatching(/not a known field/),
        }),
        expect.objectContaining({ entry: 2, field: 'reason', message: 'is required' }),
        expect.objectContaining({ entry: 2, field: 'until', message: 'must be a date YYYY-MM-DD, got "next week"' }),
      ]),
    );
    expect(message).toContain('apps/contract-tests/acknowledged-drift.yaml: 6 problems');
    expect(message).toContain('entry 2 (fingerprint 3f9a1c2b7d4e), line 5, field "until": must be a date YYYY-MM-DD, got "next week"');
  });

  it('refuses an impossible date, a list for a value, a duplicate fingerprint, a wrong shape and broken YAML', () => {
    const entry = (extra: string) => `acknowledged:\n  - fingerprint: 3f9a1c2b7d4e\n    rule: pact-mismatch\n    reason: known\n${extra}`;
    expect(problemsOf(entry('    until: 2026-02-30\n')).problems[0]).toMatchObject({
      field: 'until',
      message: expect.stringMatching(/date YYYY-MM-DD, got "2026-02-30"/),
    });
    expect(problemsOf(entry('    reviewer: [alice, bob]\n')).problems[0]).toMatchObject({
      field: 'reviewer',
      message: expect.stringMatching(/single value/),
    });
    expect(problemsOf(`${entry('')}  - fingerprint: 3f9a1c2b7d4e\n    rule: pact-mismatch\n    reason: again\n`).problems[0]).toMatchObject(
      {
        entry: 2,
        field: 'fingerprint',
        message: 'already acknowledged by entry 1: keep one entry per fingerprint',
      },
    );
    expect(problemsOf('- fingerprint: 3f9a1c2b7d4e\n').problems[0]?.message).toMatch(/mapping with one key, `acknowledged`/);
    expect(problemsOf('acknowledged: []\nignored: []\n').problems[0]).toMatchObject({ field: 'ignored' });
    expect(problemsOf('acknowledged: 89a1f582b1f1\n').problems[0]).toMatchObject({
      field: 'acknowledged',
      message: expect.stringMatching(/list of entries/),
    });
    expect(problemsOf('acknowledged:\n  - fingerprint: [\n').problems[0]).toMatchObject({
      line: expect.any(Number),
      message: expect.stringMatching(/^not valid YAML/),
    });
  });

  it('loads from disk, naming the file in errors', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'drift-rules-'));
    try {
      const file = join(directory, 'acknowledged-drift.yaml');
      await writeFile(
        file,
        `acknowledged:\n  - fingerprint: ${removed?.fingerprint}\n    rule: response-property-removed\n    reason: the provider fixes it on 2026-08-01\n`,
      );
      expect(await loadAcknowledgements(file)).toMatchObject([{ fingerprint: removed?.fingerprint }]);
      await writeFile(file, 'acknowledged:\n  - rule: pact-mismatch\n');
      await expect(loadAcknowledgements(file)).rejects.toThrow(`${file}: 2 problems`);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('applying acknowledgements', () => {
  const file = (until?: string) =>
    parseAcknowledgements(
      [
        'acknowledged:',
        `  - fingerprint: ${removed?.fingerprint}`,
        '    rule: response-property-removed',
        '    reason: provider bug VEC-123, fixed by 2026-08-01',
        ...(until ? [`    until: ${until}`] : []),
        '  - fingerprint: 0123456789ab',
        '    rule: response-property-added',
        '    reason: drift long gone',
        `  - fingerprint: ${added?.fingerprint}`,
        '    rule: response-property-removed',
        '    reason: names the wrong rule',
      ].join('\n'),
    );

  it('marks acknowledged changes with the reason, never dropping them, and reports unused and mismatched entries', () => {
    const outcome = applyAcknowledgements(changes, file('2026-08-01'), { today: new Date('2026-08-01T23:59:00Z') });
    expect(outcome.changes).toHaveLength(changes.length);
    const acknowledged = outcome.changes.find((change) => change.fingerprint === removed?.fingerprint);
    expect(acknowledged?.acknowledged).toEqual({ reason: 'provider bug VEC-123, fixed by 2026-08-01', until: '2026-08-01' });
    // Acknowledged changes sort after the open ones.
    expect(outcome.changes.at(-1)?.fingerprint).toBe(removed?.fingerprint);
    expect(outcome.unused.map((entry) => entry.fingerprint)).toEqual(['0123456789ab']);
    expect(outcome.mismatched.map(({ change }) => change.fingerprint)).toEqual([added?.fingerprint]);
    expect(outcome.changes.find((change) => change.fingerprint === added?.fingerprint)?.acknowledged).toBeUndefined();
    expect(outcome.expired).toEqual([]);
    expect(describeAcknowledgementIssues(outcome)).toEqual([
      'acknowledgement 0123456789ab (entry 2, response-property-added) matches no change of this run: remove it if the drift is gone',
      `acknowledgement ${added?.fingerprint} (entry 3, response-property-removed) names rule response-property-removed but the change is response-property-added: not applied`,
    ]);
  });

  it('lets an entry lapse the day after its `until`, and says so', () => {
    const outcome = applyAcknowledgements(changes, file('2026-08-01'), { today: new Date('2026-08-02T00:00:01Z') });
    expect(outcome.changes.find((change) => change.fingerprint === removed?.fingerprint)?.acknowledged).toBeUndefined();
    expect(outcome.expired.map((entry) => entry.fingerprint)).toEqual([removed?.fingerprint]);
    expect(describeAcknowledgementIssues(outcome)[0]).toBe(
      `acknowledgement ${removed?.fingerprint} (entry 1, response-property-removed) expired on 2026-08-01: its change counts again; renew it or fix the drift`,
    );
  });
});
