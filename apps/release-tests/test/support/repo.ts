import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { execa, type Options } from 'execa';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * A clone of this repo's committed state, installed from the local pnpm store, whose .npmrc sends the
 * @api-contracts scope to `npmrc`'s registry.
 */
export async function cloneRepo(npmrc: string) {
  const dir = await mkdtemp(join(tmpdir(), 'api-contracts-release-'));
  await execa('git', ['clone', '--quiet', repoRoot, dir]);
  const env = { CI: 'true', TURBO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  /** Runs a command in the clone; `output` is stdout and stderr interleaved, without colour codes. */
  const run = async (file: string, args: string[], options: Options = {}) => {
    const result = await execa(file, args, { cwd: dir, reject: false, all: true, env, ...options });
    return { exitCode: result.exitCode, output: stripVTControlCharacters(String(result.all ?? '')) };
  };
  await writeFile(join(dir, '.npmrc'), npmrc);
  // The .npmrc carries a token: keep it out of git's view, as a developer's would be.
  await writeFile(join(dir, '.git', 'info', 'exclude'), '.npmrc\n');
  const install = await run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline']);
  if (install.exitCode !== 0) throw new Error(`pnpm install failed in the clone:\n${install.output}`);
  return {
    dir,
    run,
    pnpm: (...args: string[]) => run('pnpm', args),
    git: async (...args: string[]) => (await execa('git', args, { cwd: dir })).stdout,
    setNpmrc: (content: string) => writeFile(join(dir, '.npmrc'), content),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
