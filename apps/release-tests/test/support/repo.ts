import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Options } from 'execa';
import { runCommand } from './command.js';
import { childEnv } from './env.js';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * The workspace packages a release needs installed: the root (changesets, turbo) and the fixed group with
 * the private package beside it (their build tools and publint). The apps stay in the clone, unpublished and
 * unversioned as the test checks, but nothing of theirs is installed (Verdaccio, Pact, Prism: two thirds of
 * the install).
 */
const releaseScope = ['--filter', '.', '--filter', './specs', '--filter', './packages/*'];

/**
 * A clone of this repo's committed state (uncommitted work is not in it), installed from the local pnpm
 * store, whose .npmrc sends the @api-contracts scope to `npmrc`'s registry. Nothing in the clone's tracked
 * files points at the test registry: no publishConfig, only the untracked .npmrc.
 */
export async function cloneRepo(npmrc: string) {
  const dir = await mkdtemp(join(tmpdir(), 'api-contracts-release-'));
  // npm's cache of the clone's commands, its own: on a refused connection npm answers from a cached packument of the
  // same URL, and the user's cache holds earlier runs' registries, whose ephemeral ports a closed one can reuse.
  const npmCache = await mkdtemp(join(tmpdir(), 'api-contracts-release-npm-cache-'));
  const remove = () =>
    Promise.all([rm(dir, { recursive: true, force: true }), rm(npmCache, { recursive: true, force: true })]).then(() => {});
  // A git identity of its own: changeset publish tags the release, and a CI machine may have none configured.
  const identity = {
    GIT_AUTHOR_NAME: 'release-test',
    GIT_AUTHOR_EMAIL: 'release-test@example.invalid',
    GIT_COMMITTER_NAME: 'release-test',
    GIT_COMMITTER_EMAIL: 'release-test@example.invalid',
  };
  const env = childEnv({ CI: 'true', TURBO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', npm_config_cache: npmCache, ...identity });
  /** Runs a command in the clone; `output` is stdout and stderr interleaved, without colour codes. */
  const run = (file: string, args: string[], options: Options = {}) =>
    runCommand(file, args, { cwd: dir, env, extendEnv: false, ...options });
  /** git, which must succeed: its stdout. */
  const git = async (...args: string[]) => {
    const result = await run('git', args);
    if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')} failed (${result.exitCode}) in ${dir}:\n${result.output}`);
    return result.stdout;
  };
  try {
    const clone = await run('git', ['clone', '--quiet', repoRoot, dir], { cwd: tmpdir() });
    if (clone.exitCode !== 0) throw new Error(`git clone of ${repoRoot} failed (${clone.exitCode}):\n${clone.output}`);
    await writeFile(join(dir, '.npmrc'), npmrc);
    // The .npmrc carries a token: keep it out of git's view, as a developer's would be.
    await writeFile(join(dir, '.git', 'info', 'exclude'), '.npmrc\n');
    // turbo's local cache, as a CI runner restores it: a build of unchanged packages is a hit (same input bytes);
    // after `changeset version` edits the manifests, the builds run for real.
    await cp(join(repoRoot, '.turbo', 'cache'), join(dir, '.turbo', 'cache'), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // no cache yet: every task runs
    });
    const install = await run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', ...releaseScope]);
    if (install.exitCode !== 0) throw new Error(`pnpm install failed in the clone:\n${install.output}`);
    // Changesets already pending in the repo belong to its next real release, not to this test: removed (and
    // the removal committed) in the clone, so every bump, version and changelog entry is the test's own.
    const pending = (await readdir(join(dir, '.changeset'))).filter((file) => file.endsWith('.md') && file !== 'README.md');
    if (pending.length > 0) {
      await git('rm', '--quiet', ...pending.map((file) => join('.changeset', file)));
      await git('commit', '--quiet', '-m', 'release test: start without pending changesets');
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    dir,
    run,
    pnpm: (...args: string[]) => run('pnpm', args),
    git,
    /** What a failed step must leave as it was: the working tree and the tags. */
    state: async () => ({ status: await git('status', '--porcelain'), tags: await git('tag', '--list') }),
    setNpmrc: (content: string) => writeFile(join(dir, '.npmrc'), content),
    remove,
  };
}
