/** The probe for a person: one line per API, and one per check that did not pass. */
import type { Report } from '../model.js';

export function renderProbeLines(report: Report): string[] {
  const lines: string[] = [];
  for (const api of report.apis) {
    const probe = api.probe;
    if (!probe) continue;
    const count = (outcome: string) => probe.checks.filter((check) => check.outcome === outcome).length;
    const tally = [
      `${count('pass')} pass`,
      ...(count('fail') > 0 ? [`${count('fail')} FAIL`] : []),
      ...(count('skip') > 0 ? [`${count('skip')} skip`] : []),
    ];
    lines.push(`probe ${probe.api}: ${probe.requests} of ${probe.budget} requests, ${probe.checks.length} checks: ${tally.join(', ')}`);
    for (const check of probe.checks.filter((entry) => entry.outcome !== 'pass'))
      lines.push(`  ${check.outcome === 'fail' ? 'FAIL' : 'skip'} ${check.name}: ${check.reason ?? ''}`);
    if (probe.har) lines.push(`  the failed checks' exchanges: ${probe.har}`);
  }
  return lines;
}

/** The probe on the job's summary page: per API its counts, and each check that did not pass. */
export function renderProbeMarkdown(report: Report): string {
  const probed = report.apis.flatMap((api) => (api.probe ? [api.probe] : []));
  if (probed.length === 0) return '';
  const lines = ['### Live probe', '', '| API | requests | checks | not passed |', '| --- | --- | --- | --- |'];
  for (const probe of probed) {
    const others = probe.checks.filter((check) => check.outcome !== 'pass');
    lines.push(
      `| ${probe.api} | ${probe.requests} of ${probe.budget} | ${probe.checks.length} | ${others.map((check) => `${check.outcome === 'fail' ? 'FAIL' : 'skip'} ${check.name}: ${check.reason ?? ''}`.replaceAll('|', '\\|')).join('<br>') || 'none'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
