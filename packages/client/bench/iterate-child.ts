/** Child process: iterates every session of the server given in argv, then prints time, peak RSS and the heap still
 * retained after a full GC (run with --expose-gc) as JSON. */
import { createVectaraClient } from '../src/index.js';

const [url, limit] = process.argv.slice(2);
const client = createVectaraClient({ apiKey: 'bench-key', baseUrl: url ?? '' });
const started = performance.now();
let count = 0;
for await (const _session of client.iterateAgentSessions('bench_agent', { limit: Number(limit) })) count++;
const ms = performance.now() - started;
// maxRSS is in KiB on Linux: the peak resident set of this process over its whole life.
(globalThis as { gc?: () => void }).gc?.();
const retainedHeapMiB = process.memoryUsage().heapUsed / 2 ** 20;
console.log(JSON.stringify({ count, ms, peakRssMiB: process.resourceUsage().maxRSS / 1024, retainedHeapMiB }));
