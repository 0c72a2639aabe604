/**
 * What a live run says about drift, as changes of the contract: `drift.md` (also the GitHub job summary),
 * `drift.json` (the fingerprints the nightly job keys its `api-drift` issues on, each with an issue title
 * and body ready to post), the console's per-API counts and, in GitHub Actions, one annotation per change
 * on the line of `specs/<api>/openapi.yaml` it contradicts. The instances stay in contracts.json.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  annotateChanges,
  countChanges,
  type DriftChange,
  failingChanges,
  renderChangeLine,
  renderChangesMarkdown,
  SpecLines,
  specLineOf,
  summaryLine,
} from '@api-contracts/drift-rules';
import { type Api, specPath } from '@api-contracts/specs';
import { brokenConsumers, perApi } from './consumer-drift.js';
import { acknowledgedDriftFile } from './drift-changes.js';
import type { ApiReport, ContractChange, Report } from './model.js';
import { appDir } from './paths.js';

const repoRoot = join(appDir, '..', '..');

/**
 * Changes are drift-rules' DriftChanges (made by `groupInstances`), with the interactions that showed them;
 * each once per API, however many consumers' pacts showed it (`perApi`).
 */
const changesOf = (report: Pick<Report, 'apis'>) =>
  perApi(report).flatMap((api) => (api.changes ?? []) as (DriftChange & ContractChange)[]);

/** `vectara: 1 breaking, 1 additive changes`, or why an API was not judged. */
function apiLine(api: ApiReport, changes: readonly DriftChange[]): string {
  if (api.status === 'not-run') return `${api.api}: not run: ${api.reason ?? ''}`;
  if (api.changes === undefined) return `${api.api}: not judged live`;
  const [counts] = countChanges(changes, [api.api]);
  return counts ? summaryLine(counts) : `${api.api}: no changes`;
}

/** The drift report in Markdown: the verdict, per API its counts line and one row per change, then what was skipped. */
export function renderDriftReport(report: Report): string {
  const verdict = report.exitCode === 0 ? 'no breaking drift' : report.exitCode === 1 ? '**drift found**' : '**not run in full**';
  const out = [`## API drift: ${report.mode} run, ${report.generatedAt}`, '', `Result: ${verdict} (exit ${report.exitCode})`, ''];
  const changes = changesOf(report);
  const apis = perApi(report);
  for (const api of apis) {
    const mine = changes.filter((change) => change.api === api.api);
    if (api.status === 'not-run' || api.changes === undefined) out.push(`**${apiLine(api, mine)}**`, '');
    else out.push(renderChangesMarkdown(mine, { apis: [api.api] }).trimEnd(), '');
  }
  const issues = report.acknowledgementIssues ?? [];
  if (issues.length > 0) out.push('**Acknowledgements to review**', '', ...issues.map((issue) => `- ${issue}`), '');
  const broken = brokenConsumers(report);
  if (broken.length > 0) out.push('**Consumers this drift breaks**', '', ...broken.map((line) => `- ${line}`), '');
  const skipped = apis.flatMap((api) =>
    api.status === 'not-run'
      ? []
      : api.interactions
          .filter((interaction) => interaction.live.outcome === 'skip')
          .map((interaction) => `- ${api.api}, ${interaction.description}: ${interaction.live.reason ?? ''}`),
  );
  if (skipped.length > 0) out.push('### Skipped', '', ...skipped, '');
  if (changes.length > 0)
    out.push(`Every instance is in contracts.json; acknowledge a change by its fingerprint in ${acknowledgedFileName}.`);
  return `${out.join('\n').trimEnd()}\n`;
}

const acknowledgedFileName = relative(repoRoot, acknowledgedDriftFile);

/** The console's drift lines after the table: per API its counts, the acknowledgements to review. */
export function driftSummaryLines(report: Report): string[] {
  if (report.mode !== 'live') return [];
  const changes = changesOf(report);
  return [
    ...perApi(report)
      .filter((api) => api.status !== 'not-run')
      .map((api) => apiLine(api, changes)),
    ...brokenConsumers(report),
    ...(report.acknowledgementIssues ?? []),
  ];
}

/** The spec of each API as the repository names it (`specs/vectara/openapi.yaml`), with its text. */
function specSources(report: Report): Record<string, { file: string; text: string }> {
  return Object.fromEntries(
    report.apis.map((api) => {
      const file = specPath(api.api as Api);
      return [api.api, { file: relative(repoRoot, file), text: readFileSync(file, 'utf8') }];
    }),
  );
}

/** One GitHub workflow command per change, on the spec line it contradicts (error, warning, or notice once acknowledged). */
export function driftAnnotations(report: Report): string[] {
  const changes = changesOf(report);
  return changes.length === 0 ? [] : annotateChanges(changes, specSources(report));
}

/** One change as drift.json lists it: drift-rules' change, with what the nightly job needs to keep its issue. */
export type DriftJsonChange = ContractChange & {
  /** Fails the gate: breaking (or additive with --strict) and not acknowledged. */
  failing: boolean;
  /** The console's line for it. */
  line: string;
  /** `specs/<api>/openapi.yaml` and the line of the node it contradicts. */
  spec?: { file: string; line: number } | undefined;
  /** A title that stays the same while the change lasts (it holds the fingerprint), and a body to replace on each run. */
  issue: { title: string; body: string };
};

/**
 * What the nightly job needs to keep one `api-drift` issue per change, shaped like the vendor route's
 * vendor.json (`apis[].changes[]`), so one workflow step reads both.
 */
export interface DriftJson {
  schemaVersion: 1;
  generatedAt: string;
  /** The run's exit code: at 2 some API was not judged, and its issues must be left alone. */
  exitCode: 0 | 1 | 2;
  /** The fingerprints of every change of this run, acknowledged ones included, in report order. */
  fingerprints: string[];
  /** Per API: judged or not (an issue of an API not judged is neither updated nor closed), its counts and changes. */
  apis: {
    api: string;
    judged: boolean;
    summary: string;
    counts: { breaking: number; additive: number; acknowledged: number };
    changes: DriftJsonChange[];
  }[];
  acknowledgementIssues: string[];
  /** Per API and consumer whose interactions failed live: `vectara drift breaks consumer `billing-service`: …`. */
  brokenConsumers: string[];
}

/** drift.json's content (see `DriftJson`). */
export function driftJson(report: Report, { strict = false }: { strict?: boolean } = {}): DriftJson {
  const changes = changesOf(report);
  const failing = new Set(failingChanges(changes, { strict }).map((change) => change.fingerprint));
  const sources = changes.length > 0 ? specSources(report) : {};
  const lines = new Map<string, SpecLines>();
  const specOf = (change: DriftChange) => {
    const source = sources[change.api];
    if (!source) return undefined;
    if (!lines.has(change.api)) lines.set(change.api, new SpecLines(source.text));
    return { file: source.file, line: specLineOf(change, lines.get(change.api) as SpecLines).line };
  };
  return {
    schemaVersion: 1,
    generatedAt: report.generatedAt,
    exitCode: report.exitCode,
    fingerprints: changes.map((change) => change.fingerprint),
    apis: perApi(report).map((api) => {
      const [counts] = countChanges(changes, [api.api]);
      return {
        api: api.api,
        judged: api.status !== 'not-run' && api.changes !== undefined,
        summary: apiLine(api, changes),
        counts: { breaking: counts?.breaking ?? 0, additive: counts?.additive ?? 0, acknowledged: counts?.acknowledged ?? 0 },
        changes: changes
          .filter((change) => change.api === api.api)
          .map((change) => {
            const spec = specOf(change);
            return {
              ...change,
              failing: failing.has(change.fingerprint),
              line: renderChangeLine(change),
              ...(spec && { spec }),
              issue: issueOf(change, spec, report.generatedAt),
            };
          }),
      };
    }),
    acknowledgementIssues: report.acknowledgementIssues ?? [],
    brokenConsumers: brokenConsumers(report),
  };
}

/** The `api-drift` issue of one change: a title that stays the same while the change lasts, and a body to replace on each run. */
function issueOf(change: DriftChange & ContractChange, spec: { file: string; line: number } | undefined, seen: string) {
  // The title the nightly workflow gives its issue, found again by the fingerprint in it.
  const title = `API drift [${change.fingerprint}]: ${change.api} ${change.operation} ${change.status ?? ''} ${change.path} (${change.rule})`;
  const evidence = change.evidence.map(
    (entry) => `| ${entry.source} | ${entry.instances} | ${cell(entry.expected)} | ${cell(entry.actual)} |`,
  );
  const body = [
    `<!-- api-drift-fingerprint: ${change.fingerprint} -->`,
    `**${change.severity}** \`${change.rule}\`: ${change.title}`,
    '',
    `- API: ${change.api}, operation \`${change.operation}\`${change.status ? `, status ${change.status}` : ''}`,
    `- Path: \`${change.path}\`${change.countText ? `, ${change.countText}` : ''}${change.hint ? ` (${change.hint})` : ''}`,
    ...(spec ? [`- Spec: ${spec.file} line ${spec.line}`] : []),
    `- Seen in: ${change.interactions.join('; ') || '-'}`,
    `- Last seen: ${seen}`,
    ...(change.acknowledged
      ? [`- Acknowledged: ${change.acknowledged.reason}${change.acknowledged.until ? ` (until ${change.acknowledged.until})` : ''}`]
      : []),
    '',
    '| source | instances | expected | actual |',
    '| --- | --- | --- | --- |',
    ...evidence,
    '',
    `To accept it for now, add to ${acknowledgedFileName}:`,
    '',
    '```yaml',
    `  - fingerprint: ${change.fingerprint}`,
    `    rule: ${change.rule}`,
    '    reason: "<why it is accepted, and until when>"',
    '```',
  ].join('\n');
  return { title, body };
}

const cell = (text: string) => text.replaceAll('|', '\\|').replace(/\r?\n/g, ' ').slice(0, 200);

/** Writes reports/drift.json; returns its path. */
export async function writeDriftJson(report: Report, directory: string, options: { strict?: boolean } = {}): Promise<string> {
  await mkdir(directory, { recursive: true });
  const file = join(directory, 'drift.json');
  await writeFile(file, `${JSON.stringify(driftJson(report, options), null, 2)}\n`);
  return file;
}
