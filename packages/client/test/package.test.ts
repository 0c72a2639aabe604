import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

// The client and the types package it depends on: the two packages with a build.
const packageDirs = {
  '@api-contracts/client': fileURLToPath(new URL('..', import.meta.url)),
  '@api-contracts/types': fileURLToPath(new URL('../../types', import.meta.url)),
};
// An ESM-only package does not resolve for node10 or a CommonJS require; attw's esm-only profile skips those.
const ignoredResolutions = new Set(['node10', 'node16-cjs']);

describe('the packed packages', () => {
  it.each(Object.entries(packageDirs))(
    '%s resolves with correct types for ESM consumers (attw --pack, esm-only profile)',
    async (_name, packageDir) => {
      const result = await execa('attw', ['--pack', '.', '--profile', 'esm-only', '--format', 'json'], {
        cwd: packageDir,
        preferLocal: true,
        localDir: packageDirs['@api-contracts/client'], // attw is the client's dev dependency
        reject: false,
      });
      expect(result.stdout, `${result.message ?? ''}\n${result.stderr}`).not.toBe('');
      const report = JSON.parse(result.stdout) as {
        problems: Record<string, { kind: string; entrypoint: string; resolutionKind?: string }[]>;
        analysis: { entrypoints: Record<string, unknown> };
      };
      const problems = Object.values(report.problems)
        .flat()
        .filter((problem) => !ignoredResolutions.has(problem.resolutionKind ?? ''));
      expect(problems).toEqual([]);
      expect(Object.keys(report.analysis.entrypoints).length).toBeGreaterThan(0);
      expect(result.exitCode).toBe(0);
    },
  );
});
