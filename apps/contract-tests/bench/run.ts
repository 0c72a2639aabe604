/**
 * Wall time of `pnpm contracts` for both APIs, cold (turbo cache bypassed with --force) and cached, each task
 * of the cold chain (from turbo's run summary), the lines it prints, and Prism's start-up time. Targets on this
 * 2-core machine: cold <= 18 s, cached <= 2 s.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specPath } from '@api-contracts/specs';
import { startPrisms } from '../src/prism.js';
import { benchConsumers } from './consumers.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function time(args: string[]): { ms: number; output: string } {
  const started = performance.now();
  const result = spawnSync('pnpm', args, { cwd: root, encoding: 'utf8' });
  return { ms: performance.now() - started, output: `${result.stdout}${result.stderr}` };
}

interface TurboSummary {
  tasks: { taskId: string; execution?: { startTime: number; endTime: number } }[];
}

console.log('contract suite benchmarks\n');
const startups: string[] = [];
for (let run = 0; run < 3; run++) {
  const prisms = await startPrisms([specPath('verisoul'), specPath('vectara')]);
  startups.push(prisms.map((prism) => `${prism.startupMs.toFixed(0)}`).join('/'));
  await prisms[0]?.stop();
}
console.log(`Prism start-up, both specs in one process (spawn to listening, verisoul/vectara ms), 3 runs: ${startups.join(', ')}`);

// Cold: every task of the chain reruns; turbo's run summary says when each one started and ended.
const runs = join(root, '.turbo', 'runs');
rmSync(runs, { recursive: true, force: true });
const cold = time(['exec', 'turbo', 'run', 'contracts', '--force', '--summarize']);
const summaryFile = readdirSync(runs).find((name) => name.endsWith('.json'));
const summary = summaryFile ? (JSON.parse(readFileSync(join(runs, summaryFile), 'utf8')) as TurboSummary) : { tasks: [] };
const timed = summary.tasks.flatMap(({ taskId, execution }) => (execution ? [{ taskId, ...execution }] : []));
const origin = Math.min(...timed.map((task) => task.startTime));
console.log(
  `\npnpm contracts, cold (--force: generate, builds, pacts, contracts all rerun): ${seconds(cold.ms)} (target <= 18 s: ${verdict(cold.ms <= 18_000)})`,
);
for (const task of timed.sort((a, b) => a.startTime - b.startTime)) {
  console.log(
    `  ${task.taskId.padEnd(42)} ${seconds(task.startTime - origin).padStart(7)} -> ${seconds(task.endTime - origin).padStart(7)}  ${seconds(task.endTime - task.startTime)}`,
  );
}

const cached = time(['contracts']);
const lines = cached.output.split('\n').filter((line) => line.trim() !== '').length;
console.log(`\npnpm contracts, turbo-cached: ${(cached.ms / 1000).toFixed(2)} s (target <= 2 s: ${verdict(cached.ms <= 2_000)})`);
console.log(
  `lines printed by pnpm contracts: cold ${cold.output.split('\n').filter((line) => line.trim() !== '').length}, cached ${lines}`,
);

// The cost of many consumers: 12, 120 and 600 interactions.
await benchConsumers();
