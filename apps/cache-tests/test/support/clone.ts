import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { execa } from 'execa';
import { childEnv } from './env.js';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/** What `pnpm contracts` leaves behind besides the committed generated types: the task outputs turbo caches. */
const outputs = ['packages/types/dist', 'packages/client/dist', 'apps/contract-tests/pacts', 'apps/contract-tests/reports'];

export interface TaskResult {
  hash: string;
  /** turbo's own verdict: HIT or MISS, and where a hit came from. */
  status: 'HIT' | 'MISS';
  source: 'LOCAL' | 'REMOTE' | undefined;
  exitCode: number | undefined;
}

export interface Run {
  exitCode: number | undefined;
  /** stdout and stderr interleaved, without colour codes. */
  output: string;
  /** Every task of the run, by task id, from turbo's `--summarize` JSON. */
  tasks: Record<string, TaskResult>;
}

/** The commit every clone checks out: this repo's HEAD when the suite starts (later commits do not move it). */
export async function headCommit() {
  return (await execa('git', ['rev-parse', 'HEAD'], { cwd: repoRoot })).stdout.trim();
}

/**
 * A runner: a clone of this repo at `commit` (committed state only) in a temp folder, installed from the local
 * pnpm store, with its own empty local turbo cache. Nothing is added to the clone: remote-cache signing is
 * whatever the committed turbo.json says, exactly as on a CI runner.
 */
export async function cloneRepo(commit: string) {
  const dir = await mkdtemp(join(tmpdir(), 'api-contracts-cache-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const env = childEnv();
  const exec = async (file: string, args: string[], extra: Record<string, string> = {}) => {
    const result = await execa(file, args, { cwd: dir, reject: false, all: true, env: { ...env, ...extra }, extendEnv: false });
    return { exitCode: result.exitCode, output: stripVTControlCharacters(String(result.all ?? '')) };
  };
  try {
    await execa('git', ['clone', '--quiet', repoRoot, dir], { env, extendEnv: false });
    await execa('git', ['-c', 'advice.detachedHead=false', 'checkout', '--quiet', commit], { cwd: dir, env, extendEnv: false });
    const install = await exec('pnpm', ['install', '--frozen-lockfile', '--prefer-offline']);
    if (install.exitCode !== 0) throw new Error(`pnpm install failed in the clone:\n${install.output}`);
  } catch (error) {
    await remove();
    throw error;
  }

  /** Runs turbo with `--summarize` (given through `pnpm <script>` or directly) and reads the summary back. */
  const turbo = async (args: string[], extra: Record<string, string>): Promise<Run> => {
    const { exitCode, output } = await exec('pnpm', [...args, '--summarize'], extra);
    const summaryPath = /Summary:\s+(\S+\.json)/.exec(output)?.[1];
    if (!summaryPath) throw new Error(`turbo wrote no run summary (exit ${exitCode}):\n${output}`);
    const summary = JSON.parse(await readFile(summaryPath, 'utf8')) as {
      tasks: {
        taskId: string;
        hash: string;
        command: string;
        cache: { status: 'HIT' | 'MISS'; source?: 'LOCAL' | 'REMOTE' };
        execution?: { exitCode?: number };
      }[];
    };
    const tasks = Object.fromEntries(
      summary.tasks
        .filter((task) => task.command !== '<NONEXISTENT>')
        .map((task) => [
          task.taskId,
          { hash: task.hash, status: task.cache.status, source: task.cache.source, exitCode: task.execution?.exitCode },
        ]),
    );
    return { exitCode, output, tasks };
  };

  return {
    dir,
    path: (file: string) => join(dir, file),
    read: (file: string) => readFile(join(dir, file), 'utf8'),
    write: (file: string, content: string) => writeFile(join(dir, file), content),
    /** `pnpm contracts` (turbo run contracts), as a runner would, with the given remote-cache variables. */
    contracts: (remote: Record<string, string>) => turbo(['contracts'], remote),
    /** Any turbo invocation through the clone's own turbo. */
    turbo: (args: string[], remote: Record<string, string>) => turbo(['exec', 'turbo', ...args], remote),
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
