/** `pnpm bench`: prints the client's figures against its targets. Not a test: it never fails a build. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { iterate } from './iterate.js';
import { throughput } from './throughput.js';
import { validationCost } from './validation.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

console.log('@api-contracts/client benchmarks\n');

const rps = await throughput();
const ours = rps['@api-contracts/client'] ?? 0;
const bare = rps['bare openapi-fetch'] ?? 1;
const raw = rps['raw fetch'] ?? 1;
console.log('listAgentSessions throughput (keep-alive server on 127.0.0.1, 8 in flight, median of 5 rounds of 4,000)');
for (const [name, value] of Object.entries(rps)) console.log(`  ${name.padEnd(24)} ${value.toFixed(0).padStart(7)} req/s`);
console.log(`  ratio to bare openapi-fetch ${(ours / bare).toFixed(3)} (target >= 0.95: ${verdict(ours / bare >= 0.95)})`);
console.log(`  ratio to raw fetch          ${(ours / raw).toFixed(3)}`);
const untimed = rps['client, timeoutMs: false'] ?? 0;
console.log(`  without the timeout: ratio to bare openapi-fetch ${(untimed / bare).toFixed(3)} (the rest is the timeout's cost)\n`);

console.log('checking responses against the spec (responseValidators + onDrift), listAgentSessions, median of 5 rounds of 2,000');
for (const row of await validationCost()) {
  const plainUs = 1e6 / row.plainRps;
  const validatedUs = 1e6 / row.validatedRps;
  console.log(
    `  ${String(row.perPage).padStart(3)} sessions a page: validator alone ${row.validatorUs.toFixed(1).padStart(6)} µs a page;` +
      ` plain client ${row.plainRps.toFixed(0).padStart(6)} req/s, validated ${row.validatedRps.toFixed(0).padStart(6)} req/s` +
      ` (${plainUs.toFixed(0)} vs ${validatedUs.toFixed(0)} µs a request, ratio ${(row.validatedRps / row.plainRps).toFixed(3)})`,
  );
}
console.log('');

console.log('iterateAgentSessions, 100 sessions a page, each run in a fresh process');
const rows = await iterate();
for (const row of rows) {
  console.log(
    `  ${String(row.pages).padStart(5)} pages ${String(row.count).padStart(7)} sessions  ${row.ms.toFixed(0).padStart(6)} ms  peak RSS ${row.peakRssMiB.toFixed(1)} MiB  heap retained ${row.retainedHeapMiB.toFixed(1)} MiB`,
  );
}
const heapGrowth = (rows.at(-1)?.retainedHeapMiB ?? 0) - (rows[0]?.retainedHeapMiB ?? 0);
const rssGrowth = (rows.at(-1)?.peakRssMiB ?? 0) - (rows[0]?.peakRssMiB ?? 0);
// Flat memory = nothing accumulates: the heap retained after a full GC must not grow with the page count.
// Peak RSS is printed too; it grows with V8's heap sizing under a high allocation rate, not with retention.
console.log(`  heap retained, 10 -> 1,000 pages: +${heapGrowth.toFixed(1)} MiB (target: flat, < 5 MiB: ${verdict(heapGrowth < 5)})`);
console.log(`  peak RSS, 10 -> 1,000 pages: +${rssGrowth.toFixed(1)} MiB\n`);

console.log('bundle size (size-limit: esbuild bundle, openapi-fetch included, min+gzip)');
const sizeJson = execFileSync('pnpm', ['exec', 'size-limit', '--json'], { cwd: packageDir, encoding: 'utf8' });
for (const entry of JSON.parse(sizeJson) as { name: string; size: number; passed: boolean }[]) {
  console.log(`  ${(entry.size / 1000).toFixed(2)} kB ${entry.name.replace(/^@api-contracts\/client /, '')} (${verdict(entry.passed)})`);
}
