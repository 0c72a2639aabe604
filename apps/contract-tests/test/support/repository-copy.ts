/**
 * A copy of this repository with its own install, for tests that run real commands which write to the tree
 * (`pnpm contracts:live --capture`, `pnpm api:add`). The smallest copy that runs them: the working tree as it is
 * (tracked and new files, no node_modules or build output) without the apps those commands never touch, so the
 * offline install links fewer packages and `turbo run contracts` builds nothing only they need (the mock package is
 * a dependency of release-tests alone). The copy builds for itself, with a turbo cache of its own: the suite starts
 * beside the builds of `pnpm test` instead of after them (it was the run's last minute), and reads none of their
 * output while it is written. The generated files are tracked, so it waits for the generators alone (turbo.json).
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa, type Result } from 'execa';
import { repositoryRoot } from '../../src/paths.js';

/** Apps no command under test reads or builds: the release and remote-cache suites (each with servers of its own). */
const leftOut = ['apps/release-tests/', 'apps/cache-tests/'];

export const git = (cwd: string, ...args: string[]) => execa('git', args, { cwd }).then((run) => run.stdout);

export interface RepositoryCopy {
  /** A temporary folder holding the copy (`repo`), free for reports. */
  work: string;
  /** The copy's root: a git repository whose one commit is the copied tree. */
  root: string;
  /** `pnpm <args>` in the copy, never rejecting (a step's output goes with its failure). */
  pnpm: (args: string[], env?: Record<string, string>) => Promise<Result<{ all: true; reject: false }>>;
  remove: () => Promise<void>;
}

/** Copies the repository (`dropFiles` says which other copied files to leave out), commits it, installs offline. */
export async function copyRepository(name: string, dropFiles: (file: string) => boolean = () => false): Promise<RepositoryCopy> {
  const work = await mkdtemp(join(tmpdir(), `api-contracts-${name}-`));
  const root = join(work, 'repo');
  // Not GitHub Actions, whatever runs the test: no annotations or step summaries from the copy's commands.
  const pnpm: RepositoryCopy['pnpm'] = (args, env = {}) =>
    execa('pnpm', args, { cwd: root, reject: false, all: true, env: { GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', ...env } });
  const files = (await git(repositoryRoot, 'ls-files', '--cached', '--others', '--exclude-standard', '-z'))
    .split('\0')
    .filter((file) => file !== '' && !leftOut.some((prefix) => file.startsWith(prefix)) && !dropFiles(file));
  for (const file of files) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await cp(join(repositoryRoot, file), join(root, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // deleted in the working tree
    });
  }
  await git(root, 'init', '--quiet', '--initial-branch=main');
  await git(root, 'add', '--all');
  await commit(root, 'base');
  // From the store the CI install filled: no network. The lockfile's entries of the left-out apps are not installed.
  const install = await pnpm(['install', '--offline', '--frozen-lockfile']);
  if (install.exitCode !== 0) throw new Error(`pnpm install --offline in the copy failed (exit ${install.exitCode}):\n${install.all}`);
  return { work, root, pnpm, remove: () => rm(work, { recursive: true, force: true }) };
}

/** Commits everything in the copy (as a merged pull request would land it). */
export async function commit(root: string, message: string): Promise<void> {
  await git(root, 'add', '--all');
  await git(root, '-c', 'user.name=copy-test', '-c', 'user.email=copy-test@example.invalid', 'commit', '--quiet', '-m', message);
}
