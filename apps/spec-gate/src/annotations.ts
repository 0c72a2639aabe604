/**
 * In CI, each change of the contract also as a GitHub annotation (drift-rules' workflow command: an error
 * for a breaking change, a warning for an additive one) on the line of the new spec where it is, or of
 * the parent node for a removal. Documentation-only changes are not annotated. The statuses of one report
 * line that land on the same line of the spec (a shared error schema) are one annotation.
 */
import { annotationLevel, workflowCommand } from '@api-contracts/drift-rules';
import type { GateReport } from './gate.js';
import { changeLines } from './render.js';
import type { SpecChange } from './spec-diff.js';

export function renderAnnotations(report: GateReport): string[] {
  const out: string[] = [];
  for (const spec of report.specs) {
    for (const line of changeLines(spec.changes)) {
      const bySpecLine = new Map<number | undefined, SpecChange[]>();
      for (const change of line.changes) bySpecLine.set(change.line, [...(bySpecLine.get(change.line) ?? []), change]);
      for (const [specLine, changes] of bySpecLine) {
        const [first] = changes;
        if (!first) continue;
        const statuses = changes.flatMap((change) => (change.status === undefined ? [] : [change.status]));
        const where = [line.operation, statuses.join(','), line.path].filter(Boolean).join(' ');
        // Several findings merged (a bound and a pattern) read best in their own words; one, as before → after.
        const what =
          first.instances > 1 || first.detail.includes('→')
            ? first.detail
            : `${first.expected} → ${first.actual}${first.detail ? ` (${first.detail})` : ''}`;
        const hint = first.hint ? `; ${first.hint}` : '';
        const message = `${where}: ${first.kind} change: ${what}${hint} [${changes.map((change) => change.fingerprint).join(' ')}]`;
        // A removed spec has no line to point at.
        const file = spec.status === 'removed' ? {} : { file: spec.file, line: specLine };
        out.push(workflowCommand(annotationLevel(first), { ...file, title: line.rule }, message));
      }
    }
  }
  return out;
}

/** Whether to print annotations: GitHub Actions sets `GITHUB_ACTIONS=true` in every step. */
export const inGitHubActions = (env: NodeJS.ProcessEnv = process.env) => env.GITHUB_ACTIONS === 'true';
