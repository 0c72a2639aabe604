import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { apis, specFile } from './support/openapi.js';

const ruleset = fileURLToPath(new URL('../.spectral.yaml', import.meta.url));
const noSummary = fileURLToPath(new URL('./fixtures/no-summary.yaml', import.meta.url));

interface Finding {
  code: string;
  path: string[];
  source: string;
}

// Spectral is run as its CLI, exactly as the `lint` task runs it, so the test and the task cannot disagree. One run
// over both specs and the failing fixture (each Spectral start costs about a CPU-second); its JSON names each
// finding's file.
let findings: Finding[];
let exitCode: number | undefined;
beforeAll(async () => {
  const result = await execa(
    'spectral',
    ['lint', '--ruleset', ruleset, '--fail-severity=warn', '--format=json', '--quiet', ...apis.map(specFile), noSummary],
    { preferLocal: true, reject: false },
  );
  exitCode = result.exitCode;
  findings = JSON.parse(result.stdout) as Finding[];
});

describe('spectral lint', () => {
  it.each(apis)('passes the %s spec with no findings', (api) => {
    // Every finding names one of the files linted (so a spec's own cannot go unattributed).
    const linted = [...apis.map(specFile), noSummary];
    expect(findings.filter((finding) => !linted.includes(finding.source))).toEqual([]);
    expect(findings.filter((finding) => finding.source === specFile(api))).toEqual([]);
  });

  it('fails a spec whose operation has no summary, naming the rule', () => {
    // The fixture's finding alone fails the run.
    expect(exitCode).toBe(1);
    expect(findings.filter((finding) => finding.source === noSummary).map((finding) => finding.code)).toContain('operation-summary');
  });
});
