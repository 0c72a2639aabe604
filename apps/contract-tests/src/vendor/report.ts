// The vendor route's reports: the terminal table, `reports/vendor.json` and `reports/vendor-drift.md` (also
// the GitHub step summary). The Markdown and the annotations are the shared catalogue's renderers, as for
// the live gate's drift.md; the terminal table is this route's own: one row per difference, with ours and
// theirs side by side and whether the difference is explained.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { annotateChanges, type DriftChange, describeAcknowledgementIssues, renderChangesMarkdown } from '@api-contracts/drift-rules';
import type { ApiResult, VendorReport } from './run.js';

const verdictOf = (report: VendorReport) =>
  report.exitCode === 0
    ? 'no unexplained breaking difference'
    : report.exitCode === 1
      ? 'a NEW BREAKING difference'
      : 'NOT RUN in full (see above)';

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** Where a change is: the status (for a response) and the catalogue's path (`200 $.sessions[].key`, `parameter:path:agent_key`). */
export const pointerOf = (change: Pick<DriftChange, 'status' | 'path'>) =>
  change.status === undefined ? change.path : change.path === 'status' ? `status ${change.status}` : `${change.status} ${change.path}`;

const issuesOf = (result: ApiResult) => describeAcknowledgementIssues({ changes: [], ...result.acknowledgements });

const columns = ['API', 'operation', 'rule', 'severity', 'pointer', 'ours', 'theirs', 'status', 'fingerprint'] as const;

/** The table a person reads: one row per difference, then per API its counts (or why it did not run) and stale entries, then the verdict. */
export function renderVendorTable(report: VendorReport): string {
  const rows = report.apis.flatMap((result) =>
    result.changes.map((change) => [
      result.api,
      change.operation,
      change.rule,
      change.severity,
      pointerOf(change),
      clip(change.expected, 40),
      clip(change.actual + (change.hint ? ` (${change.hint})` : ''), 48),
      change.acknowledged ? 'explained' : 'NEW',
      change.fingerprint,
    ]),
  );
  const out: string[] = [];
  if (rows.length > 0) {
    const widths = columns.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
    const line = (cells: readonly string[]) =>
      cells
        .map((text, column) => text.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd();
    out.push(line(columns), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), '');
  }
  for (const result of report.apis) {
    out.push(result.outcome === 'not-run' ? `${result.api}: NOT RUN: ${result.reason ?? ''}` : `${result.api}: ${countsOf(result)}`);
    for (const issue of issuesOf(result)) out.push(`  ${result.knownDifferencesFile}: ${issue}`);
  }
  const { newBreaking, newAdditive, explained } = report.summary;
  out.push(
    '',
    `vendor run: ${newBreaking} new breaking, ${newAdditive} new additive, ${explained} explained: ${verdictOf(report)} (exit ${report.exitCode})`,
  );
  return out.join('\n');
}

function countsOf(result: ApiResult): string {
  const fresh = result.changes.filter((change) => !change.acknowledged);
  const breaking = fresh.filter((change) => change.severity === 'breaking').length;
  return (
    `${breaking} new breaking, ${fresh.length - breaking} new additive, ${result.changes.length - fresh.length} explained ` +
    `(${result.operations.map((operation) => operation.route).join(', ')} against ${result.definition?.source ?? '?'})`
  );
}

/** drift.md's form for the vendor route: the verdict, where each definition came from, then the catalogue's tables. */
export function renderVendorMarkdown(report: VendorReport): string {
  const out = [
    `## Vendor definitions: our specs against the providers' published OpenAPI, ${report.generatedAt}`,
    '',
    `Result: ${report.exitCode === 0 ? verdictOf(report) : `**${verdictOf(report)}**`} (exit ${report.exitCode})`,
    '',
  ];
  for (const result of report.apis) {
    if (result.outcome === 'not-run') out.push(`- **${result.api}**: not run: ${result.reason ?? ''}`);
    else
      out.push(
        `- **${result.api}**: ${result.operations.map((operation) => operation.route).join(', ')} against ${result.definition?.source} ` +
          `(${result.definition?.from}, OpenAPI ${result.definition?.openapi}${result.definition?.version ? `, version ${result.definition.version}` : ''})`,
      );
  }
  out.push('');
  for (const result of report.apis.filter((candidate) => candidate.outcome === 'compared'))
    out.push(renderChangesMarkdown(result.changes, { apis: [result.api], acknowledgements: { changes: [], ...result.acknowledgements } }));
  out.push(
    'Explained differences ("acknowledged") are listed with their reason in `specs/<api>/vendor-differences.yaml`. A new ' +
      'additive difference passes: capture it in the spec. A stale entry matches no difference any more: remove it.',
    '',
  );
  return out.join('\n');
}

/** GitHub annotations for the new differences, on the line of our spec each contradicts. */
export function renderVendorAnnotations(report: VendorReport, specs: Readonly<Record<string, { file: string; text: string }>>): string[] {
  const fresh = report.apis.flatMap((result) => result.changes.filter((change) => !change.acknowledged));
  return annotateChanges(fresh, specs);
}

/** Writes vendor.json and vendor-drift.md into `directory`; returns their paths. */
export async function writeVendorReports(report: VendorReport, directory: string): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const jsonFile = join(directory, 'vendor.json');
  const markdownFile = join(directory, 'vendor-drift.md');
  await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdownFile, renderVendorMarkdown(report));
  return [jsonFile, markdownFile];
}
