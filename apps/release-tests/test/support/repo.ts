import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type Options } from 'execa';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * A clone of this repo's committed state, installed from the local pnpm store, whose .npmrc sends the
 * @api-contracts scope to `npmrc`'s registry. npm's retries are off so an unreachable registry fails fast.
 */
export async function cloneRepo(npmrc: string) {
  const dir = await mkdtemp(join(tmpdir(), 'api-contracts-release-'));
  await execa('git', ['clone', '--quiet', repoRoot, dir]);
  const env = { npm_config_fetch_retries: '0', CI: 'true', TURBO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
  const run = (file: string, args: string[], options: Options = {}) =>
    execa(file, args, { cwd: dir, reject: false, all: true, env, ...options });
  await writeFile(join(dir, '.npmrc'), npmrc);
  // The .npmrc carries a token: keep it out of git's view, as a developer's would be.
  await writeFile(join(dir, '.git', 'info', 'exclude'), '.npmrc\n');
  const install = await run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline']);
  if (install.exitCode !== 0) throw new Error(`pnpm install failed in the clone:\n${install.all}`);
  return {
    dir,
    run,
    pnpm: (...args: string[]) => run('pnpm', args),
    git: async (...args: string[]) => (await execa('git', args, { cwd: dir })).stdout,
    setNpmrc: (content: string) => writeFile(join(dir, '.npmrc'), content),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
