/**
 * The cost of many consumers: the contract CLI (what `pnpm contracts` runs once its pacts are built) on 1, 10
 * and 50 consumers' pacts, 12 interactions each (12, 120 and 600 interactions, our pacts' interactions
 * multiplied with distinct descriptions, `--pacts <dir>`): wall time and lines printed. Target here (2
 * cores): 600 interactions in <= 12 s, printing no more than one consumer's run plus a line per consumer.
 *   tsx bench/consumers.ts            (also the last part of `pnpm bench`)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeMultipliedPacts } from '../test/support/multiplied-pacts.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

export async function benchConsumers(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'api-contracts-bench-consumers-'));
  try {
    console.log('\nmany consumers: the contract CLI on --pacts <dir> (mock routes: Prism and static)');
    let linesOfOne = 0;
    for (const consumers of [1, 10, 50]) {
      const dir = join(work, `${consumers}`);
      const { interactions } = await writeMultipliedPacts(dir, { consumers });
      const started = performance.now();
      const run = spawnSync('pnpm', ['exec', 'tsx', 'src/cli.ts', '--pacts', dir, '--reports', join(work, `reports-${consumers}`)], {
        cwd: appDir,
        encoding: 'utf8',
      });
      const seconds = (performance.now() - started) / 1000;
      const lines = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('npm warn')).length;
      if (consumers === 1) linesOfOne = lines;
      const stage = /· (\d+ interactions verified .*)/.exec(run.stderr)?.[1] ?? '';
      const target =
        interactions === 600
          ? ` (target <= 12 s: ${verdict(seconds <= 12)}; lines <= ${linesOfOne + consumers}: ${verdict(lines <= linesOfOne + consumers)})`
          : '';
      console.log(
        `  ${String(interactions).padStart(3)} interactions, ${String(consumers).padStart(2)} consumers: ${seconds.toFixed(1)} s, ${lines} lines, exit ${run.status}; ${stage}${target}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchConsumers();
