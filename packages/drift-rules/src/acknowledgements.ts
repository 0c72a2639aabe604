/**
 * The reviewed acknowledgement file: changes a person has looked at and accepted for now, by fingerprint,
 * each with a reason and optionally an expiry date. An acknowledged change is still listed (marked
 * acknowledged, with its reason) but no longer fails the gate; an expired or unused acknowledgement is
 * reported so the file does not rot.
 *
 * ```yaml
 * acknowledged:
 *   - fingerprint: 3f9a1c2b7d4e
 *     rule: response-property-added
 *     reason: Vectara sends `title` since 2026-06; captured in the spec by #123
 *     reviewer: alice            # optional
 *     until: 2026-09-30          # optional, inclusive (UTC)
 * ```
 */
import { readFile } from 'node:fs/promises';
import { schemaValidator } from '@api-contracts/specs/schema';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { type RuleId, ruleIds } from './catalogue.js';
import { fingerprintLength } from './fingerprint.js';
import { type DriftChange, sortChanges } from './group.js';

export interface Acknowledgement {
  fingerprint: string;
  rule: RuleId;
  reason: string;
  reviewer?: string | undefined;
  /** `YYYY-MM-DD`, inclusive. */
  until?: string | undefined;
  /** 1-based position in the file's list, for messages. */
  entry: number;
  /** Line of the entry in the file. */
  line?: number | undefined;
}

const fields = ['fingerprint', 'rule', 'reason', 'reviewer', 'until'] as const;

/** The file's JSON Schema (every scalar is read as a string: YAML's failsafe schema, so `2026-09-30` or `0123` stay text). */
export const acknowledgementFileSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    acknowledged: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['fingerprint', 'rule', 'reason'],
        properties: {
          fingerprint: { type: 'string', pattern: `^[0-9a-f]{${fingerprintLength}}$` },
          rule: { type: 'string', enum: [...ruleIds] },
          reason: { type: 'string', pattern: '\\S' },
          reviewer: { type: 'string', pattern: '\\S' },
          until: { type: 'string', format: 'date' },
        },
      },
    },
  },
} as const;

export interface AcknowledgementProblem {
  /** 1-based entry; absent for a problem with the whole file. */
  entry?: number | undefined;
  fingerprint?: string | undefined;
  field?: string | undefined;
  line?: number | undefined;
  message: string;
}

/** The file cannot be used: every problem, each naming its entry and field. */
export class AcknowledgementFileError extends Error {
  override readonly name = 'AcknowledgementFileError';
  constructor(
    readonly file: string,
    readonly problems: readonly AcknowledgementProblem[],
  ) {
    super(
      `${file}: ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}\n${problems.map((problem) => `  - ${describeProblem(problem)}`).join('\n')}`,
    );
  }
}

function describeProblem({ entry, fingerprint, field, line, message }: AcknowledgementProblem): string {
  const where = [
    entry !== undefined && `entry ${entry}${fingerprint ? ` (fingerprint ${fingerprint})` : ''}`,
    line !== undefined && `line ${line}`,
    field !== undefined && `field "${field}"`,
  ].filter(Boolean);
  return `${where.length > 0 ? `${where.join(', ')}: ` : ''}${message}`;
}

let validate: ReturnType<typeof schemaValidator> | undefined;
type ErrorObject = NonNullable<ReturnType<typeof schemaValidator>['errors']>[number];

/** Parses and validates the file's text; throws `AcknowledgementFileError`. An empty file acknowledges nothing. */
export function parseAcknowledgements(text: string, file = 'acknowledged-drift.yaml'): Acknowledgement[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { schema: 'failsafe', lineCounter, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new AcknowledgementFileError(
      file,
      document.errors.map((error) => ({ line: error.linePos?.[0].line, message: `not valid YAML: ${error.message.split('\n')[0]}` })),
    );
  }
  const data = document.toJS() as unknown;
  if (data === null || data === '') return [];
  if (data && typeof data === 'object' && !Array.isArray(data) && (data as Record<string, unknown>).acknowledged === '') return [];

  const entryLines: (number | undefined)[] = [];
  const list = isMap(document.contents) ? document.contents.get('acknowledged', true) : undefined;
  if (isSeq(list)) {
    for (const item of list.items as { range?: [number, number, number] | null }[]) {
      entryLines.push(item?.range ? lineCounter.linePos(item.range[0]).line : undefined);
    }
  }

  validate ??= schemaValidator({ $defs: { file: acknowledgementFileSchema } }, '#/$defs/file');
  if (!validate(data)) {
    throw new AcknowledgementFileError(
      file,
      (validate.errors ?? []).map((error) => problemOf(error, data, entryLines)),
    );
  }
  const entries = ((data as { acknowledged?: Record<string, string>[] }).acknowledged ?? []).map(
    (raw, index): Acknowledgement => ({
      fingerprint: raw.fingerprint as string,
      rule: raw.rule as RuleId,
      reason: (raw.reason as string).trim(),
      ...(raw.reviewer !== undefined && { reviewer: raw.reviewer }),
      ...(raw.until !== undefined && { until: raw.until }),
      entry: index + 1,
      ...(entryLines[index] !== undefined && { line: entryLines[index] }),
    }),
  );
  const problems: AcknowledgementProblem[] = [];
  const first = new Map<string, Acknowledgement>();
  for (const entry of entries) {
    const earlier = first.get(entry.fingerprint);
    if (earlier) {
      problems.push({
        entry: entry.entry,
        fingerprint: entry.fingerprint,
        field: 'fingerprint',
        line: entry.line,
        message: `already acknowledged by entry ${earlier.entry}: keep one entry per fingerprint`,
      });
    } else first.set(entry.fingerprint, entry);
  }
  if (problems.length > 0) throw new AcknowledgementFileError(file, problems);
  return entries;
}

function problemOf(error: ErrorObject, data: unknown, entryLines: (number | undefined)[]): AcknowledgementProblem {
  const tokens = error.instancePath.split('/').slice(1);
  const params = error.params as Record<string, unknown>;
  if (tokens[0] !== 'acknowledged' || tokens.length < 2) {
    if (error.keyword === 'additionalProperties')
      return { field: String(params.additionalProperty), message: 'is not a known field: the file holds one list, `acknowledged`' };
    if (tokens[0] === 'acknowledged')
      return { field: 'acknowledged', message: 'must be a list of entries (each with fingerprint, rule, reason)' };
    return { message: 'must be a mapping with one key, `acknowledged` (a list of entries)' };
  }
  const index = Number(tokens[1]);
  const raw = ((data as { acknowledged: unknown[] }).acknowledged[index] ?? {}) as Record<string, unknown>;
  const where = {
    entry: index + 1,
    ...(typeof raw.fingerprint === 'string' && raw.fingerprint && { fingerprint: raw.fingerprint }),
    ...(entryLines[index] !== undefined && { line: entryLines[index] }),
  };
  const field = tokens[2];
  const value = field === undefined ? undefined : raw[field];
  const got = typeof value === 'string' ? `, got ${JSON.stringify(value)}` : '';
  if (field === undefined) {
    if (error.keyword === 'required') return { ...where, field: String(params.missingProperty), message: 'is required' };
    if (error.keyword === 'additionalProperties')
      return { ...where, field: String(params.additionalProperty), message: `is not a known field (known: ${fields.join(', ')})` };
    return { ...where, message: 'must be a mapping with fingerprint, rule and reason' };
  }
  if (error.keyword === 'type') return { ...where, field, message: 'must be a single value (text), not a list or mapping' };
  const messages: Record<string, string> = {
    fingerprint: `must be the ${fingerprintLength} lower-case hex digits a report gives${got}`,
    rule: `must be a rule id of the catalogue${got} (see the drift-rules README)`,
    reason: 'must say why the change is accepted (not empty)',
    reviewer: 'must name who reviewed it (not empty), or be left out',
    until: `must be a date YYYY-MM-DD${got}`,
  };
  return { ...where, field, message: messages[field] ?? `${error.message}` };
}

/** Reads and parses the file; a file that does not exist acknowledges nothing. */
export async function loadAcknowledgements(file: string): Promise<Acknowledgement[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return parseAcknowledgements(text, file);
}

export interface AcknowledgementOutcome {
  /** Every change, those acknowledged marked with `acknowledged` (never dropped), sorted for reading. */
  changes: DriftChange[];
  /** Acknowledgements matching no change of this run: the drift is gone, or the fingerprint is wrong. */
  unused: Acknowledgement[];
  /** Acknowledgements past `until`: their changes count again. */
  expired: Acknowledgement[];
  /** The fingerprint matches but the rule named differs: not applied, since the entry describes another change. */
  mismatched: { acknowledgement: Acknowledgement; change: DriftChange }[];
}

/**
 * Marks the changes the file acknowledges. `today` (default now) decides expiry: an entry is valid through
 * its `until` day, in UTC. An expired entry acknowledges nothing and is reported, matched or not.
 */
export function applyAcknowledgements(
  changes: readonly DriftChange[],
  acknowledgements: readonly Acknowledgement[],
  { today = new Date() }: { today?: Date } = {},
): AcknowledgementOutcome {
  const day = today.toISOString().slice(0, 10);
  const expired = acknowledgements.filter((entry) => entry.until !== undefined && entry.until < day);
  const valid = new Map(acknowledgements.filter((entry) => !expired.includes(entry)).map((entry) => [entry.fingerprint, entry]));
  const used = new Set<Acknowledgement>();
  const mismatched: AcknowledgementOutcome['mismatched'] = [];
  const marked = changes.map((change) => {
    const entry = valid.get(change.fingerprint);
    if (!entry) return change;
    used.add(entry);
    if (entry.rule !== change.rule) {
      mismatched.push({ acknowledgement: entry, change });
      return change;
    }
    return {
      ...change,
      acknowledged: {
        reason: entry.reason,
        ...(entry.reviewer !== undefined && { reviewer: entry.reviewer }),
        ...(entry.until !== undefined && { until: entry.until }),
      },
    };
  });
  return {
    changes: sortChanges(marked),
    unused: [...valid.values()].filter((entry) => !used.has(entry)),
    expired,
    mismatched,
  };
}

/** One line per acknowledgement to review (expired, unused, mismatched), for the console and drift.md. */
export function describeAcknowledgementIssues(outcome: AcknowledgementOutcome): string[] {
  const at = (entry: Acknowledgement) => `acknowledgement ${entry.fingerprint} (entry ${entry.entry}, ${entry.rule})`;
  return [
    ...outcome.expired.map((entry) => `${at(entry)} expired on ${entry.until}: its change counts again; renew it or fix the drift`),
    ...outcome.unused.map((entry) => `${at(entry)} matches no change of this run: remove it if the drift is gone`),
    ...outcome.mismatched.map(
      ({ acknowledgement, change }) =>
        `${at(acknowledgement)} names rule ${acknowledgement.rule} but the change is ${change.rule}: not applied`,
    ),
  ];
}
