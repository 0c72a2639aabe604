import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The packages with a build: the client, the types it depends on, and the mock. Their builds (tsdown) do not run
// publint and attw: every `pnpm contracts` and every copy of the repository in the end-to-end suites builds them,
// while the packed packages only need checking once, here (and by publint --strict before each publish).
const packageDirs = {
  '@api-contracts/client': fileURLToPath(new URL('..', import.meta.url)),
  '@api-contracts/types': fileURLToPath(new URL('../../types', import.meta.url)),
  '@api-contracts/mock': fileURLToPath(new URL('../../mock', import.meta.url)),
};
const devTool = { preferLocal: true, localDir: fileURLToPath(new URL('..', import.meta.url)), reject: false } as const; // the client's dev dependencies
// An ESM-only package does not resolve for node10 or a CommonJS require; attw's esm-only profile skips those.
const ignoredResolutions = new Set(['node10', 'node16-cjs']);

// Packed into a folder of this run's own, not by `attw --pack`: that writes the tarball into the package folder
// and deletes it after, so two runs at once (turbo, a second suite beside this one) deleted each other's tarball.
let packDir: string;
beforeAll(async () => {
  packDir = await mkdtemp(join(tmpdir(), 'api-contracts-pack-'));
});
afterAll(() => rm(packDir, { recursive: true, force: true }));

const tarballs = new Map<string, Promise<string>>();
/** Each package packed once, for every check of it. */
const packed = (packageDir: string) => {
  if (!tarballs.has(packageDir)) tarballs.set(packageDir, pack(packageDir));
  return tarballs.get(packageDir) as Promise<string>;
};

async function pack(packageDir: string): Promise<string> {
  const destination = await mkdtemp(join(packDir, 'pkg-'));
  // pnpm pack, as the release does: workspace ranges become real versions in the packed manifest.
  await execa('pnpm', ['pack', '--pack-destination', destination], { cwd: packageDir });
  const [tarball] = await readdir(destination);
  if (!tarball) throw new Error(`pnpm pack wrote nothing for ${packageDir}`);
  return join(destination, tarball);
}

describe('the packed packages', () => {
  it.each(Object.entries(packageDirs))(
    '%s resolves with correct types for ESM consumers (attw on the packed tarball, esm-only profile)',
    // Two child processes (pnpm pack, attw) that take seconds each on a busy machine: a generous limit.
    { timeout: 120_000 },
    async (_name, packageDir) => {
      const result = await execa('attw', [await packed(packageDir), '--profile', 'esm-only', '--format', 'json'], devTool);
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

  it.each(Object.entries(packageDirs))(
    '%s passes publint --strict (on the packed tarball: what the registry gets)',
    { timeout: 120_000 },
    async (_name, packageDir) => {
      const result = await execa('publint', ['run', await packed(packageDir), '--strict'], devTool);
      expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    },
  );
});
