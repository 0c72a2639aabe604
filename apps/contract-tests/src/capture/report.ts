/** What a capture tells: a few lines for the terminal, capture.json for the workflow, capture.md as the pull request body. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaptureResult } from './capture.js';

export function renderCaptureLines(result: CaptureResult): string[] {
  const head = {
    captured: `capture: ${result.applied.length} change(s) captured in ${result.files.join(', ')}`,
    'nothing-to-capture': `capture: nothing to capture (${result.reason ?? ''})`,
    refused: `capture: refused, ${result.reason ?? ''}`,
    failed: `capture: FAILED after writing ${result.files.join(', ') || 'nothing'}: ${result.reason ?? ''}`,
  }[result.outcome];
  return [
    head,
    ...result.applied.map((entry) => `  + ${entry.api} ${entry.summary} [${entry.fingerprint}]`),
    ...result.refused.map((entry) => `  - ${entry.api} ${entry.rule} not captured: ${entry.reason} [${entry.fingerprint}]`),
    ...(result.pullRequest ? [`  pull request: ${result.pullRequest.branch} (${result.bump} release)`] : []),
  ];
}

/**
 * `capture-<route>.json` always; `capture-<route>.md` (the pull request's body) when something was captured.
 * Named by route: the nightly job captures the vendor route's drift and the live route's into one pull request.
 */
export async function writeCaptureReports(result: CaptureResult, directory: string, route: 'live' | 'vendor'): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const json = join(directory, `capture-${route}.json`);
  await writeFile(json, `${JSON.stringify({ schemaVersion: 1, ...result }, null, 2)}\n`);
  if (!result.pullRequest) return [json];
  const markdown = join(directory, `capture-${route}.md`);
  await writeFile(markdown, `${result.pullRequest.body}\n`);
  return [json, markdown];
}

/**
 * The exit code with a capture: the run's verdict stands (drift stays drift until the pull request merges);
 * a capture that failed after writing is "could not run" when the run itself found nothing to fail on.
 */
export function exitCodeWithCapture(runExitCode: number, result: CaptureResult): number {
  if (result.outcome === 'refused') return Math.max(runExitCode, 1);
  if (result.outcome === 'failed' && runExitCode === 0) return 2;
  return runExitCode;
}
