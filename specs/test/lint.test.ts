import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { apis, specFile } from './support/openapi.js';

const ruleset = fileURLToPath(new URL('../.spectral.yaml', import.meta.url));

// Spectral is run as its CLI, exactly as the `lint` task runs it, so the test and the task cannot disagree.
function spectral(file: string) {
  return execa('spectral', ['lint', '--ruleset', ruleset, '--fail-severity=warn', '--format=json', '--quiet', file], {
    preferLocal: true,
    reject: false,
  });
}

describe('spectral lint', () => {
  it.each(apis)('passes the %s spec with no findings', async (api) => {
    const result = await spectral(specFile(api));
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  });

  it('fails a spec whose operation has no summary, naming the rule', async () => {
    const result = await spectral(fileURLToPath(new URL('./fixtures/no-summary.yaml', import.meta.url)));
    expect(result.exitCode).toBe(1);
    const findings = JSON.parse(result.stdout) as { code: string; path: string[] }[];
    expect(findings.map((finding) => finding.code)).toContain('operation-summary');
  });
});
