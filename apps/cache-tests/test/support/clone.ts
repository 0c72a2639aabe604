import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { execa } from 'execa';
import { childEnv } from './env.js';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/** What `pnpm contracts` leaves behind besides the committed generated files: the task outputs turbo caches. */
const outputs = [
  'packages/types/dist',
  'packages/client/dist',
  'packages/mock/dist',
  'apps/contract-tests/pacts',
  'apps/contract-tests/reports',
];

/**
 * The workspace packages `pnpm contracts` needs installed: the root (turbo), the specs, the packages and the
 * contract suite. The other apps (Verdaccio and Node runtimes of the release suite, this suite's cache server,
 * the spec gate) stay in the clone, in turbo's graph and hashes as on a runner, but nothing of theirs is
 * installed: a third of the install. turbo hashes the lockfile, not node_modules, so hashes do not depend on it.
 */
const contractsScope = ['--filter', '.', '--filter', './specs', '--filter', './packages/*', '--filter', './apps/contract-tests'];

interface SummaryTask {
  taskId: string;
  hash: string;
  command: string;
  cache: { status: 'HIT' | 'MISS'; source?: 'LOCAL' | 'REMOTE' };
  execution?: { exitCode?: number };
}

export interface TaskResult {
  hash: string;
  /** turbo's own verdict: HIT or MISS, and where a hit came (or, in a dry run, would come) from. */
  status: 'HIT' | 'MISS';
  source: 'LOCAL' | 'REMOTE' | undefined;
  exitCode: number | undefined;
}

export interface Run {
  exitCode: number | undefined;
  /** stdout and stderr interleaved, without colour codes. */
  output: string;
  /** Every task of the run, by task id, from turbo's `--summarize` (or `--dry=json`) JSON. */
  tasks: Record<string, TaskResult>;
}

const tasksOf = (summary: { tasks: SummaryTask[] }): Record<string, TaskResult> =>
  Object.fromEntries(
    summary.tasks
      .filter((task) => task.command !== '<NONEXISTENT>')
      .map((task) => [
        task.taskId,
        { hash: task.hash, status: task.cache.status, source: task.cache.source, exitCode: task.execution?.exitCode },
      ]),
  );

/**
 * A copy of one runner's installed dependencies into another clone, made as pnpm makes them from its store:
 * files hard-linked, symlinks (relative) recreated. pnpm writes the clone's own path into a few files (the
 * `.bin` shims' NODE_PATH, its workspace state): those are written anew with the other clone's path, so the
 * copy points at nothing of the first clone. A fifth of a `pnpm install`'s CPU, and the same tree.
 */
function linkInstalledTree(from: string, to: string, fromRoot: string, toRoot: string) {
  mkdirSync(to);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isSymbolicLink()) {
      const link = readlinkSync(source);
      symlinkSync(link.startsWith(fromRoot) ? toRoot + link.slice(fromRoot.length) : link, target);
    } else if (entry.isDirectory()) {
      linkInstalledTree(source, target, fromRoot, toRoot);
    } else if (basename(from) === '.bin' || entry.name.startsWith('.pnpm-workspace-state')) {
      writeFileSync(target, readFileSync(source, 'utf8').replaceAll(fromRoot, toRoot), { mode: statSync(source).mode });
    } else {
      linkFile(source, target);
    }
  }
}

/**
 * A hard link, or a copy where the file has as many links as the file system allows (EMLINK: ext4 stops at 65,000,
 * which a store file shared by many identical files reaches on a machine that installs often), as pnpm falls back.
 */
function linkFile(source: string, target: string) {
  try {
    linkSync(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EMLINK') throw error;
    copyFileSync(source, target);
  }
}

/** The workspace folders of a clone that hold a node_modules folder. */
const installedFolders = (root: string) =>
  ['.', 'specs', ...['packages', 'apps'].flatMap((group) => readdirSync(join(root, group)).map((name) => join(group, name)))].filter(
    (folder) => existsSync(join(root, folder, 'node_modules')),
  );

/** The commit every clone checks out: this repo's HEAD when the suite starts (later commits do not move it). */
export async function headCommit() {
  return (await execa('git', ['rev-parse', 'HEAD'], { cwd: repoRoot })).stdout.trim();
}

/**
 * A runner: a clone of this repo at `commit` (committed state only) in a temp folder, installed from the local
 * pnpm store (or, given `installedLike`, a runner at the same commit, with a copy of its install), with its own
 * empty local turbo cache. Nothing is added to the clone: remote-cache signing is whatever the committed
 * turbo.json says, exactly as on a CI runner.
 */
export async function cloneRepo(commit: string, installedLike?: { dir: string }) {
  const dir = await mkdtemp(join(tmpdir(), 'api-contracts-cache-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const env = childEnv();
  const exec = async (file: string, args: string[], extra: Record<string, string> = {}) => {
    const result = await execa(file, args, { cwd: dir, reject: false, all: true, env: { ...env, ...extra }, extendEnv: false });
    return { exitCode: result.exitCode, stdout: String(result.stdout ?? ''), output: stripVTControlCharacters(String(result.all ?? '')) };
  };
  /** A set-up step that must succeed; its failure says what ran, its exit code and its output. */
  const setUp = async (file: string, args: string[], cwd = dir) => {
    const result = await execa(file, args, { cwd, reject: false, all: true, env, extendEnv: false });
    if (result.exitCode !== 0) {
      throw new Error(`${[file, ...args].join(' ')} failed in ${cwd} (exit ${result.exitCode ?? result.signal}):\n${result.all ?? ''}`);
    }
  };
  try {
    await setUp('git', ['clone', '--quiet', repoRoot, dir], tmpdir());
    await setUp('git', ['-c', 'advice.detachedHead=false', 'checkout', '--quiet', commit]);
    if (installedLike) {
      for (const folder of installedFolders(installedLike.dir)) {
        linkInstalledTree(join(installedLike.dir, folder, 'node_modules'), join(dir, folder, 'node_modules'), installedLike.dir, dir);
      }
    } else {
      await setUp('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', ...contractsScope]);
    }
  } catch (error) {
    await remove();
    throw error;
  }

  /** The clone's own turbo, called directly (what `pnpm exec turbo` would start, without pnpm's start-up). */
  const turboBin = join(dir, 'node_modules', '.bin', 'turbo');
  /** Reads back the run summary a `--summarize` run printed the path of. */
  const summarized = async ({ exitCode, output }: { exitCode: number | undefined; output: string }): Promise<Run> => {
    const summaryPath = /Summary:\s+(\S+\.json)/.exec(output)?.[1];
    if (!summaryPath) throw new Error(`turbo wrote no run summary (exit ${exitCode}):\n${output}`);
    return { exitCode, output, tasks: tasksOf(JSON.parse(await readFile(summaryPath, 'utf8')) as { tasks: SummaryTask[] }) };
  };

  return {
    dir,
    path: (file: string) => join(dir, file),
    read: (file: string) => readFile(join(dir, file), 'utf8'),
    write: (file: string, content: string) => writeFile(join(dir, file), content),
    /** `pnpm contracts` (turbo run contracts), as a runner would, with the given remote-cache variables. */
    contracts: async (remote: Record<string, string>) => summarized(await exec('pnpm', ['contracts', '--summarize'], remote)),
    /** `turbo <args> --summarize` through the clone's own turbo: what ran, and each task's cache verdict. */
    turbo: async (args: string[], remote: Record<string, string>) => summarized(await exec(turboBin, [...args, '--summarize'], remote)),
    /**
     * `turbo run <args> --dry=json`: each task's hash and cache verdict (a local hit, or the remote holding it),
     * computed as a real run computes them, without running, restoring or uploading anything.
     */
    async dryRun(args: string[], remote: Record<string, string>): Promise<Run> {
      const { exitCode, stdout, output } = await exec(turboBin, ['run', ...args, '--dry=json'], remote);
      if (exitCode !== 0) throw new Error(`turbo's dry run failed (exit ${exitCode}):\n${output}`);
      return { exitCode, output, tasks: tasksOf(JSON.parse(stdout) as { tasks: SummaryTask[] }) };
    },
    git: async (...args: string[]) => (await execa('git', args, { cwd: dir, env, extendEnv: false })).stdout,
    /** A runner that starts from nothing: no local cache, no task outputs on disk. */
    async reset() {
      await rm(join(dir, '.turbo', 'cache'), { recursive: true, force: true });
      for (const output of outputs) await rm(join(dir, output), { recursive: true, force: true });
    },
    exists: (file: string) => existsSync(join(dir, file)),
    remove,
  };
}
