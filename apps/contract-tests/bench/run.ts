/**
 * Wall time of `pnpm contracts` for both APIs, cold (turbo cache bypassed with --force) and cached, plus
 * Prism's start-up time. Targets on this 2-core machine: cold <= 20 s, cached <= 2 s.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { specPath } from '@api-contracts/specs';
import { startPrism } from '../src/prism.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

function time(args: string[]): number {
  const started = performance.now();
  execFileSync('pnpm', args, { cwd: root, stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

console.log('contract suite benchmarks\n');
const startups: number[] = [];
for (let run = 0; run < 3; run++) {
  const prism = await startPrism(specPath('vectara'));
  startups.push(prism.startupMs);
  await prism.stop();
}
console.log(`Prism start-up (spawn to listening), 3 runs: ${startups.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`);

const cold = time(['exec', 'turbo', 'run', 'contracts', '--force']);
console.log(
  `pnpm contracts, cold (--force: pacts, Prism and static checks rerun; builds too): ${cold.toFixed(1)} s (target <= 20 s: ${verdict(cold <= 20)})`,
);
const cached = time(['contracts']);
console.log(
  `pnpm contracts, turbo-cached:                                               ${cached.toFixed(2)} s (target <= 2 s: ${verdict(cached <= 2)})`,
);
