import type { BlastRadius, ConsumerFinding } from './blast-radius.js';
import type { GateReport } from './gate.js';
import type { SpecChange } from './spec-diff.js';

/** The report as a reviewer reads it: a changelog per spec, the consumers it breaks, the bumps, the verdict. */
export function renderGate(report: GateReport): string {
  const out = [`Spec changes against ${report.base.ref} (${report.base.commit.slice(0, 10)})`, ''];
  const label: Record<SpecChange['kind'], string> = {
    breaking: 'BREAKING    ',
    'non-breaking': 'non-breaking',
    'docs-only': 'docs-only   ',
  };
  for (const spec of report.specs) {
    if (spec.status === 'unchanged') {
      out.push(`${spec.api} (${spec.file}): unchanged`);
      continue;
    }
    const counts = (['breaking', 'non-breaking', 'docs-only'] as const).map(
      (kind) => `${spec.changes.filter((change) => change.kind === kind).length} ${kind}`,
    );
    const needs = spec.required === 'none' ? 'needs no release' : `needs at least a ${spec.required} bump`;
    out.push(`${spec.api} (${spec.file}): ${spec.status}, ${counts.join(', ')}; ${needs}`);
    for (const change of spec.changes) out.push(`  ${label[change.kind]}  ${change.description}`, `                ${change.pointer}`);
  }
  out.push('', ...renderBlastRadius(report.consumers));
  out.push('', 'Pending changesets give:');
  for (const [name, pending] of Object.entries(report.pending))
    out.push(`  ${name}: ${pending.bump}${pending.from.length ? ` (${pending.from.join(', ')})` : ''}`);
  if (report.generated) {
    out.push('', report.generated.upToDate ? 'Generated types: match the specs' : `Generated types: STALE\n${report.generated.output}`);
  }
  out.push(
    '',
    report.problems.length === 0 ? 'spec gate: pass' : `spec gate: FAIL\n${report.problems.map((problem) => `  - ${problem}`).join('\n')}`,
  );
  return out.join('\n');
}

// A consumer with more than one pact for the same spec is told apart by its file.
const finding = (verb: string, item: ConsumerFinding, ambiguous: Set<string>) =>
  `    ${verb} consumer \`${item.consumer}\`${ambiguous.has(item.consumer) ? ` (${item.file})` : ''}: interaction "${item.interaction}" (${item.code}${item.location ? ` at ${item.location}` : ''})`;

/** Where the pacts came from, then per changed spec the consumers checked and what the change breaks. */
export function renderBlastRadius(radius: BlastRadius): string[] {
  const out = ['Blast radius: known consumer pacts checked statically against the changed specs (PactFlow comparator)'];
  for (const source of radius.sources) {
    const whose = source.origin === 'ours' ? 'our pacts' : 'other consumers';
    if (source.pacts > 0) out.push(`  ${whose}: ${source.pacts} pact${source.pacts > 1 ? 's' : ''} in ${source.dir}/`);
    else if (source.origin === 'ours')
      out.push(`  ${whose}: none found (${source.dir}/ ${source.exists ? 'is empty' : 'does not exist'}; \`pnpm contracts\` writes them)`);
    else out.push(`  ${whose}: no other consumer pacts found (${source.dir}/ ${source.exists ? 'holds no .json file' : 'does not exist'})`);
  }
  if (radius.apis.length === 0) out.push('  no spec changed: no consumer to check');
  for (const api of radius.apis) {
    const checked = api.checked.map((pact) => `${pact.consumer} (${pact.interactions} interactions, ${pact.file})`);
    out.push(`  ${api.api}: ${checked.length === 0 ? 'no known consumer pact for this spec' : `checked ${checked.join(', ')}`}`);
    const names = api.checked.map((pact) => pact.consumer);
    const ambiguous = new Set(names.filter((name, index) => names.indexOf(name) !== index));
    for (const item of api.breaks) out.push(finding('breaks', item, ambiguous));
    for (const item of api.warnings) out.push(finding('warning for', item, ambiguous));
    if (api.checked.length > 0 && api.breaks.length === 0) out.push('    breaks no known consumer');
    if (api.alreadyIncompatible > 0)
      out.push(
        `    (${api.alreadyIncompatible} finding${api.alreadyIncompatible > 1 ? 's' : ''} the base spec gave already, not this change's doing)`,
      );
  }
  for (const skipped of radius.notChecked) out.push(`  not checked: ${skipped.file}: ${skipped.reason}`);
  return out;
}
