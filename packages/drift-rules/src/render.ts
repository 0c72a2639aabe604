/**
 * Reports of changes a person reads in ten seconds: drift.md's table, one row per change, and the
 * console's numbered reasons, one short line per change. Both lead each API with its counts.
 */
import type { AcknowledgementOutcome } from './acknowledgements.js';
import { describeAcknowledgementIssues } from './acknowledgements.js';
import type { DriftChange } from './group.js';

export interface ChangeCounts {
  api: string;
  /** Not acknowledged. */
  breaking: number;
  /** Not acknowledged. */
  additive: number;
  acknowledged: number;
}

/** Counts per API, in order of `apis` (default: order of appearance). */
export function countChanges(changes: readonly DriftChange[], apis?: readonly string[]): ChangeCounts[] {
  const order = apis ?? [...new Set(changes.map((change) => change.api))];
  return order.map((api) => {
    const mine = changes.filter((change) => change.api === api);
    const open = mine.filter((change) => !change.acknowledged);
    return {
      api,
      breaking: open.filter((change) => change.severity === 'breaking').length,
      additive: open.filter((change) => change.severity === 'additive').length,
      acknowledged: mine.length - open.length,
    };
  });
}

/** `vectara: 2 breaking, 1 additive change(s), 1 acknowledged`; `verisoul: no changes`. */
export function summaryLine({ api, breaking, additive, acknowledged }: ChangeCounts): string {
  if (breaking + additive + acknowledged === 0) return `${api}: no changes`;
  const plural = breaking + additive === 1 ? 'change' : 'changes';
  return `${api}: ${breaking} breaking, ${additive} additive ${plural}${acknowledged > 0 ? `, ${acknowledged} acknowledged` : ''}`;
}

/** The changes that fail the gate: breaking ones (and additive ones with `strict`) not acknowledged. */
export function failingChanges(changes: readonly DriftChange[], { strict = false }: { strict?: boolean } = {}): DriftChange[] {
  return changes.filter((change) => !change.acknowledged && (change.severity === 'breaking' || strict));
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 3)}...` : text);

/**
 * One short line for the console's numbered reasons:
 * `breaking response-property-removed $.sessions[].key (listAgentSessions 200) in 10 of 10 items: expected present, got absent; renamed to session_key? [89a1f582b1f1]`
 */
export function renderChangeLine(change: DriftChange): string {
  const where = [change.operation, change.status].filter(Boolean).join(' ');
  const severity = change.acknowledged ? `acknowledged ${change.severity}` : change.severity;
  // "expected absent (not in the spec)" says nothing the rule does not.
  const expected = change.expected.startsWith('absent') ? '' : `expected ${shorten(change.expected, 30)}, `;
  const evidence = `${expected}got ${shorten(change.actual, 30)}`;
  return `${severity} ${change.rule} ${change.path} (${where})${change.countText ? ` ${change.countText}` : ''}: ${evidence}${change.hint ? `; ${change.hint}` : ''} [${change.fingerprint}]`;
}

// GitHub's tables take `\|` for a pipe even inside code spans; a code span holding a backtick needs a longer fence.
const cell = (text: string) => text.replaceAll('|', '\\|').replace(/\r?\n/g, ' ');
const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

export interface MarkdownOptions {
  /** APIs to list even without changes, in this order. */
  apis?: readonly string[];
  /** Adds the acknowledgements to review (expired, unused, mismatched). */
  acknowledgements?: AcknowledgementOutcome;
}

/**
 * The changes as Markdown for drift.md and the job summary: per API its counts line, then one row per
 * change (API, operation, status, path, rule, severity, expected, actual, count, fingerprint). The
 * instances stay in contracts.json.
 */
export function renderChangesMarkdown(changes: readonly DriftChange[], options: MarkdownOptions = {}): string {
  const out: string[] = [];
  for (const counts of countChanges(changes, options.apis)) {
    out.push(`**${summaryLine(counts)}**`, '');
    const mine = changes.filter((change) => change.api === counts.api);
    if (mine.length === 0) continue;
    out.push(
      '| API | operation | status | path | rule | severity | expected | actual | count | fingerprint |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const change of mine) {
      const severity = change.acknowledged ? `${change.severity}, acknowledged: ${change.acknowledged.reason}` : change.severity;
      const actual = [shorten(change.actual, 80), change.hint].filter(Boolean).join('; ');
      const row = [
        change.api,
        change.operation,
        change.status ?? '-',
        code(change.path),
        code(change.rule),
        severity,
        shorten(change.expected, 80),
        actual,
        change.countText.replace(/^in /, '') || '-',
        code(change.fingerprint),
      ];
      out.push(`| ${row.map(cell).join(' | ')} |`);
    }
    out.push('');
  }
  const issues = options.acknowledgements ? describeAcknowledgementIssues(options.acknowledgements) : [];
  if (issues.length > 0) out.push('**Acknowledgements to review**', '', ...issues.map((issue) => `- ${issue}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}
