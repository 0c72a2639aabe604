/**
 * The cost of checking responses against the spec (`responseValidators` + `onDrift`), per page of 10 and of
 * 100 sessions: the validator alone (microseconds a page, in a tight loop), and listAgentSessions end to end
 * with and without it (a keep-alive server in a worker thread, rounds interleaved as in throughput.ts).
 */
import { responseValidators } from '@api-contracts/types/vectara/validators';
import { createVectaraClient } from '../src/index.js';
import { measure, median, startServerWorker } from './throughput.js';

const rounds = 5;
const requestsPerRound = 2_000;

export interface ValidationCost {
  perPage: number;
  /** The validator alone, microseconds a page. */
  validatorUs: number;
  plainRps: number;
  validatedRps: number;
}

async function validatorMicroseconds(perPage: number, url: string): Promise<number> {
  const page = await (await fetch(`${url}/v2/agents/bench_agent/sessions`)).json();
  if (page.sessions.length !== perPage) throw new Error(`expected ${perPage} sessions, got ${page.sessions.length}`);
  const validate = responseValidators.listAgentSessions['200'];
  if (!validate(page)) throw new Error(`the bench page does not match the spec: ${JSON.stringify(validate.errors)}`);
  const iterations = 200_000 / perPage;
  for (let warm = 0; warm < iterations / 10; warm++) validate(page);
  const started = performance.now();
  for (let index = 0; index < iterations; index++) validate(page);
  return ((performance.now() - started) * 1000) / iterations;
}

export async function validationCost(): Promise<ValidationCost[]> {
  const rows: ValidationCost[] = [];
  for (const perPage of [10, 100]) {
    const { url, worker } = await startServerWorker(perPage);
    let drifted = 0;
    const plain = createVectaraClient({ apiKey: 'bench-key', baseUrl: url });
    const validated = createVectaraClient({ apiKey: 'bench-key', baseUrl: url, responseValidators, onDrift: () => drifted++ });
    const contenders = {
      plain: () => plain.listAgentSessions('bench_agent', { limit: perPage }),
      validated: () => validated.listAgentSessions('bench_agent', { limit: perPage }),
    };
    const results: Record<keyof typeof contenders, number[]> = { plain: [], validated: [] };
    for (const call of Object.values(contenders)) await measure(call, requestsPerRound / 4); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (const [name, call] of Object.entries(contenders))
        results[name as keyof typeof contenders].push(await measure(call, requestsPerRound));
    }
    const validatorUs = await validatorMicroseconds(perPage, url);
    await worker.terminate();
    if (drifted > 0) throw new Error(`the bench pages drifted ${drifted} times: the comparison would measure reporting, not validation`);
    rows.push({
      perPage,
      validatorUs,
      plainRps: median(results.plain),
      validatedRps: median(results.validated),
    });
  }
  return rows;
}
