/**
 * iterateAgentSessions over 10, 100 and 1,000 pages of 100 sessions, each in a fresh child process so
 * that its peak RSS is its own. Flat memory means the peak does not grow with the page count.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startPageServer } from './server.js';

const child = fileURLToPath(new URL('./iterate-child.ts', import.meta.url));

export async function iterate() {
  const rows = [];
  for (const pages of [10, 100, 1_000]) {
    const server = await startPageServer(pages, 100);
    try {
      // Async, so this process keeps serving while the child iterates.
      const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx/esm', child, server.url, '100']);
      rows.push({ pages, ...(JSON.parse(stdout) as { count: number; ms: number; peakRssMiB: number; retainedHeapMiB: number }) });
    } finally {
      await server.close();
    }
  }
  return rows;
}
