// @ts-check
/**
 * `pnpm contracts`: `turbo run contracts` (arguments passed on to turbo), announced. The tasks it depends on
 * (generate, build, pacts) print nothing unless they fail, so on a fresh clone the first half minute would be
 * silent; this says what is being built first, from what is missing on disk (a stat each: no turbo dry run,
 * which would ask a remote cache too). Exit code: turbo's.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the contract suite needs built, and where its result lands. */
const prerequisites = [
  { name: 'types', output: 'packages/types/dist' },
  { name: 'client', output: 'packages/client/dist' },
  { name: 'mock', output: 'packages/mock/dist' },
  { name: 'consumer pacts', output: 'apps/contract-tests/pacts' },
];

/**
 * The line announcing what will be built first, or undefined when everything is there (turbo then checks
 * its cache and, usually, replays nothing).
 * @param {string} dir the repository root
 */
export function buildAnnouncement(dir) {
  const missing = prerequisites.filter(({ output }) => !existsSync(join(dir, output))).map(({ name }) => name);
  if (missing.length === 0) return undefined;
  return `· not built yet: ${missing.join(', ')}. turbo builds them first (about half a minute on a fresh clone), or restores them from its cache`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const announcement = buildAnnouncement(root);
  if (announcement) console.log(announcement);
  const turbo = spawn('turbo', ['run', 'contracts', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  turbo.on('error', (error) => {
    console.error(`pnpm contracts could not start turbo: ${error.message}`);
    process.exitCode = 2;
  });
  turbo.on('close', (code, signal) => {
    process.exitCode = code ?? (signal ? 2 : 0);
  });
}
