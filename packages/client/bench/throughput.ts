/**
 * Requests per second of listAgentSessions against bare openapi-fetch and raw fetch, in one process,
 * interleaved round by round so drift on a busy machine hits all three alike. The server runs in a
 * worker thread so it does not share the client's event loop.
 */
import { Worker } from 'node:worker_threads';
import type { paths } from '@api-contracts/types/vectara';
import createClient from 'openapi-fetch';
import { createVectaraClient } from '../src/index.js';

const concurrency = 8;
const requestsPerRound = 4_000;
const rounds = 5;

/** The bench server in a worker thread, answering pages of `perPage` sessions. */
export function startServerWorker(perPage = 10): Promise<{ url: string; worker: Worker }> {
  const worker = new Worker(new URL('./server-worker.mjs', import.meta.url), { workerData: { perPage } });
  return new Promise((resolve, reject) => {
    worker.once('message', (url: string) => resolve({ url, worker }));
    worker.once('error', reject);
  });
}

/** Requests per second of `call`, 8 in flight, `requests` in all. */
export async function measure(call: () => Promise<unknown>, requests = requestsPerRound): Promise<number> {
  let remaining = requests;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (remaining-- > 0) await call();
    }),
  );
  return requests / ((performance.now() - started) / 1000);
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function throughput() {
  const { url, worker } = await startServerWorker();
  const ours = createVectaraClient({ apiKey: 'bench-key', baseUrl: url });
  const oursWithoutTimeout = createVectaraClient({ apiKey: 'bench-key', baseUrl: url, timeoutMs: false });
  const bare = createClient<paths>({ baseUrl: url, headers: { 'x-api-key': 'bench-key' } });
  const contenders: Record<string, () => Promise<unknown>> = {
    'raw fetch': async () =>
      (await fetch(`${url}/v2/agents/bench_agent/sessions?limit=10`, { headers: { 'x-api-key': 'bench-key' } })).json(),
    'bare openapi-fetch': () =>
      bare.GET('/v2/agents/{agent_key}/sessions', { params: { path: { agent_key: 'bench_agent' }, query: { limit: 10 } } }),
    '@api-contracts/client': () => ours.listAgentSessions('bench_agent', { limit: 10 }),
    // The same without the per-request timeout (bare openapi-fetch has none): what the wrapper itself costs.
    'client, timeoutMs: false': () => oursWithoutTimeout.listAgentSessions('bench_agent', { limit: 10 }),
  };
  const results: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (const call of Object.values(contenders)) await measure(call); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [name, call] of Object.entries(contenders)) results[name]?.push(await measure(call));
  }
  await worker.terminate();
  return Object.fromEntries(Object.entries(results).map(([name, values]) => [name, median(values)]));
}
