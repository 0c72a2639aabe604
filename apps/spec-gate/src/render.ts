import type { BlastRadius, ConsumerFinding } from './blast-radius.js';
import type { GateReport, SpecReport } from './gate.js';
import type { SpecChange } from './spec-diff.js';

export interface RenderOptions {
  /** Also list the documentation-only changes, one line each. */
  verbose?: boolean;
}

/** One line of the report: a change of the contract, its statuses merged (the same schema answers several). */
export interface ChangeLine {
  kind: SpecChange['kind'];
  rule: string;
  operation: string;
  statuses: string[];
  path: string;
  detail: string;
  changes: SpecChange[];
}

/**
 * The changes of a spec as the report lists them: one line per (operation, path, rule), the statuses that
 * show it merged (`400,401,403`), breaking first. The JSON report keeps one change per status.
 */
export function changeLines(changes: readonly SpecChange[]): ChangeLine[] {
  const lines = new Map<string, ChangeLine>();
  for (const change of changes) {
    const key = JSON.stringify([change.operation, change.path, change.rule]);
    const line = lines.get(key);
    if (line) {
      if (change.status !== undefined && !line.statuses.includes(change.status)) line.statuses.push(change.status);
      line.changes.push(change);
      continue;
    }
    const detail = [change.detail, change.hint].filter(Boolean).join('; ');
    lines.set(key, {
      kind: change.kind,
      rule: change.rule,
      operation: change.operation,
      statuses: change.status === undefined ? [] : [change.status],
      path: change.path,
      detail,
      changes: [change],
    });
  }
  return [...lines.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'breaking' ? -1 : 1));
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The API's first line: its counts and the bump they need. */
function specHeadline(spec: SpecReport, lines: ChangeLine[]): string {
  if (spec.status === 'unchanged') return `${spec.api} (${spec.file}): unchanged`;
  const breaking = lines.filter((line) => line.kind === 'breaking').length;
  const additive = lines.length - breaking;
  const needs = spec.required === 'none' ? 'needs no release' : `needs at least a ${spec.required} bump`;
  const docs = `${spec.docs.length} docs-only${spec.docs.length > 0 ? ' (--verbose lists them)' : ''}`;
  const info = spec.info.length > 0 ? `${spec.info.length} info (no operation reaches it), ` : '';
  return `${spec.api} (${spec.file}): ${spec.status}, ${breaking} breaking, ${additive} additive, ${info}${docs}; ${needs}`;
}

/** The report as a reviewer reads it: per spec its counts and one line per change, the consumers it breaks, the bumps, the verdict. */
export function renderGate(report: GateReport, { verbose = false }: RenderOptions = {}): string {
  const out = [`Spec changes against ${report.base.ref} (${report.base.commit.slice(0, 10)})`];
  for (const spec of report.specs) {
    const lines = changeLines(spec.changes);
    out.push(specHeadline(spec, lines));
    // Changes of the contract, then changes under components no operation reaches (information: no release).
    const rows = [
      ...lines.map((line) => ({
        where: [line.operation, line.statuses.join(','), line.path].filter(Boolean).join(' '),
        rule: line.rule,
        severity: line.kind === 'breaking' ? 'BREAKING' : 'additive',
        detail: line.detail,
      })),
      ...spec.info.map((item) => ({
        where: `${item.operation} ${item.path}`,
        rule: item.rule,
        severity: 'info',
        detail: ['no operation reaches it', item.detail].filter(Boolean).join('; '),
      })),
    ];
    const whereWidth = Math.min(60, Math.max(0, ...rows.map((row) => row.where.length)));
    const ruleWidth = Math.max(0, ...rows.map((row) => row.rule.length));
    for (const row of rows) {
      const detail = row.detail ? `  (${shorten(row.detail, 90)})` : '';
      out.push(`  ${row.where.padEnd(whereWidth)}  ${row.rule.padEnd(ruleWidth)}  ${row.severity}${detail}`);
    }
    if (verbose)
      for (const docs of spec.docs)
        out.push(`  docs-only  ${[docs.operation, docs.status].filter(Boolean).join(' ')}: ${shorten(docs.description, 110)}`);
  }
  out.push('', ...renderBlastRadius(report.consumers));
  const pending = Object.entries(report.pending);
  const from = [...new Set(pending.flatMap(([, bump]) => bump.from))];
  out.push(
    `Pending changesets give: ${pending.map(([name, bump]) => `${name} ${bump.bump}`).join(', ') || 'no published package'}${from.length ? ` (${from.join(', ')})` : ''}`,
  );
  out.push(
    report.generated === undefined
      ? 'Generated types and client: not checked (--skip-generated)'
      : report.generated.upToDate
        ? 'Generated types and client: match the specs'
        : `Generated types and client: STALE\n${report.generated.output}`,
  );
  out.push(
    report.problems.length === 0 ? 'spec gate: pass' : `spec gate: FAIL\n${report.problems.map((problem) => `  - ${problem}`).join('\n')}`,
  );
  return out.join('\n');
}

// Led by the operation the interaction calls, as change lines are; a consumer with more than one pact for the same spec is told apart by its file.
const finding = (verb: string, item: ConsumerFinding, ambiguous: Set<string>) =>
  `    ${item.operation ? `${item.operation} ` : ''}${verb} consumer \`${item.consumer}\`${ambiguous.has(item.consumer) ? ` (${item.file})` : ''}: interaction "${item.interaction}" (${item.code}${item.location ? ` at ${item.location}` : ''})`;

/** Where the pacts came from, then per changed spec the consumers checked and what the change breaks. */
export function renderBlastRadius(radius: BlastRadius): string[] {
  const sources = radius.sources.map((source) => {
    const whose = source.origin === 'ours' ? 'our pacts' : 'other consumers';
    if (source.pacts > 0) return `${whose}: ${source.pacts} pact${source.pacts > 1 ? 's' : ''} in ${source.dir}/`;
    if (source.origin === 'ours')
      return `${whose}: none found (${source.dir}/ ${source.exists ? 'is empty' : 'does not exist'}; \`pnpm contracts\` writes them)`;
    return `${whose}: no other consumer pacts found (${source.dir}/ ${source.exists ? 'holds no .json file' : 'does not exist'})`;
  });
  const out = [`Blast radius (known consumer pacts against the changed specs, PactFlow comparator): ${sources.join('; ')}`];
  if (radius.apis.length === 0) out.push('  no spec changed: no consumer to check');
  for (const api of radius.apis) {
    const checked = api.checked.map((pact) => `${pact.consumer} (${pact.interactions} interactions, ${pact.file})`);
    const verdict = api.checked.length > 0 && api.breaks.length === 0 ? ': breaks no known consumer' : '';
    out.push(`  ${api.api}: ${checked.length === 0 ? 'no known consumer pact for this spec' : `checked ${checked.join(', ')}${verdict}`}`);
    const names = api.checked.map((pact) => pact.consumer);
    const ambiguous = new Set(names.filter((name, index) => names.indexOf(name) !== index));
    for (const item of api.breaks) out.push(finding('breaks', item, ambiguous));
    for (const item of api.warnings) out.push(finding('warning for', item, ambiguous));
    if (api.alreadyIncompatible > 0)
      out.push(
        `    (${api.alreadyIncompatible} finding${api.alreadyIncompatible > 1 ? 's' : ''} the base spec gave already, not this change's doing)`,
      );
  }
  for (const skipped of radius.notChecked) out.push(`  not checked: ${skipped.file}: ${skipped.reason}`);
  return out;
}
