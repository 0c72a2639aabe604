// @ts-check
/**
 * `pnpm test`: Biome over the repo, then every package's lint and test tasks and the workspace's one typecheck through turbo, and one
 * total line at the end. Turbo runs with `--continue`, so one failing suite is one failure: the others finish
 * and are counted instead of being stopped (each stopped task used to print an ELIFECYCLE error of its own).
 * Output streams as it comes; the total sums vitest's "Tests N passed | M failed | K skipped" lines.
 * Exit code: 0 when everything passed, else the first failing step's.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const tasks = ['lint', 'typecheck:workspace', 'test', 'test:write-commands'];

/**
 * Runs a command in the repository root, streaming its output, and resolves with its exit code and output.
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<{ code: number, output: string }>}
 */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    const keep = (/** @type {NodeJS.WriteStream} */ stream) => (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('error', (error) => resolve({ code: 2, output: `${command}: ${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 2, output }));
  });
}

/**
 * The sums of vitest's per-suite totals and the tasks turbo names as failed.
 * @param {string} output
 */
export function summarize(output) {
  const text = stripVTControlCharacters(output);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let suites = 0;
  for (const line of text.split('\n')) {
    const counts = line.match(/\bTests\s+(.*)\(\d+\)\s*$/)?.[1];
    if (counts === undefined) continue;
    suites++;
    passed += Number(counts.match(/(\d+) passed/)?.[1] ?? 0);
    failed += Number(counts.match(/(\d+) failed/)?.[1] ?? 0);
    skipped += Number(counts.match(/(\d+) skipped/)?.[1] ?? 0);
  }
  const failedTasks = (text.match(/^\s*Failed:\s+(.+?)\s*$/m)?.[1] ?? '').split(/,\s*/).filter(Boolean);
  return { passed, failed, skipped, suites, failedTasks };
}

async function main() {
  const biome = await run('pnpm', ['exec', 'biome', 'check', '.']);
  if (biome.code !== 0) {
    console.log('\ntests: not run, Biome found problems (fix them, or `pnpm format`)');
    return biome.code;
  }
  const turbo = await run('pnpm', ['exec', 'turbo', 'run', ...tasks, '--continue']);
  const { passed, failed, skipped, suites, failedTasks } = summarize(turbo.output);
  const tail = failedTasks.length > 0 ? `; failed: ${failedTasks.join(', ')} (its output is above)` : '';
  console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped in ${suites} suites${tail}`);
  return turbo.code;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
