import type { DriftFinding, RouteResult } from './model.js';

/**
 * A live result with its pact mismatches and schema findings classified into drift, as a new result. Breaking
 * drift fails the interaction; additive drift (a field or header the spec does not mention) is a warning
 * unless `strict`.
 */
export function classifyDrift(result: RouteResult, strict: boolean): RouteResult {
  const pactFailed = result.outcome === 'fail';
  const fromPact: DriftFinding[] = pactFailed
    ? (result.mismatches?.length ? result.mismatches : [{ path: '(interaction)', message: result.reason ?? 'pact failed' }]).map(
        (mismatch) => ({
          severity: 'breaking',
          source: 'pact',
          path: mismatch.path,
          keyword: 'pact',
          expected: mismatch.expected ?? '(see message)',
          actual: mismatch.actual ?? '(see message)',
          message: mismatch.message,
        }),
      )
    : [];
  const drift = [...fromPact, ...(result.schemaFindings ?? []).map((finding) => ({ ...finding, source: 'schema' as const }))];
  const breaking = drift.filter((finding) => finding.severity === 'breaking');
  const additive = drift.filter((finding) => finding.severity === 'additive');
  const describe = (findings: DriftFinding[]) =>
    findings.map((finding) => `${finding.path}: expected ${finding.expected}, got ${finding.actual}`).join('; ');
  const reasons = [
    breaking.length > 0 && `breaking: ${describe(breaking)}`,
    additive.length > 0 && `additive${strict ? '' : ' (warning)'}: ${describe(additive)}`,
  ].filter(Boolean);
  const { reason: _replaced, ...unchanged } = result;
  return {
    ...unchanged,
    drift,
    outcome: breaking.length > 0 || (strict && additive.length > 0) ? 'fail' : 'pass',
    ...(reasons.length > 0 && { reason: reasons.join('; ') }),
  };
}
