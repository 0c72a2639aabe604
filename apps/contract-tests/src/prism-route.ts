import type { BrokerSettings } from './broker.js';
import type { ConsumerPact } from './consumers.js';
import type { PactFile, RouteResult, VerifierTranscript } from './model.js';
import type { PrismServer } from './prism.js';
import type { Provider } from './providers/provider.js';
import { routeResult, type VerifierProcess } from './verify.js';
import { type BatchVerification, type StateHeaders, verifyBrokerPacts, verifyPactsByState } from './verify-batch.js';

/** Each state as Prism's `Prefer` header, so the mock answers as the state describes (a status, a named example). */
export function prismStateHeaders(provider: Provider, state: string): StateHeaders {
  const known = (provider.states as Record<string, Provider['states'][string] | undefined>)[state];
  if (!known) return { skip: `unknown provider state "${state}": add it to src/providers/${provider.api}.ts` };
  return { headers: { prefer: known.prefer } };
}

export interface PrismRouteResult {
  results: Map<string, RouteResult>;
  transcript: VerifierTranscript;
}

/**
 * The Prism route for every pact of one provider: each replayed by the Pact Verifier against Prism serving
 * the spec, the pacts from files in one Verifier run, a broker's in another (the Verifier fetches them,
 * and publishes the results when the settings say so). Results by pact, in the order of `pacts`.
 */
export async function prismRoute(
  provider: Provider,
  pacts: ConsumerPact[],
  { prism, verifier, broker }: { prism: PrismServer; verifier: VerifierProcess; broker?: BrokerSettings | undefined },
): Promise<PrismRouteResult[]> {
  const stateOf = (state: string) => prismStateHeaders(provider, state);
  const fromFiles = pacts.filter((entry) => entry.origin !== 'broker');
  const fromBroker = pacts.filter((entry) => entry.origin === 'broker');
  const pactOf = (entry: ConsumerPact) => entry.pact as PactFile;
  const [files, brokered] = await Promise.all([
    fromFiles.length > 0 ? verifyPactsByState({ pacts: fromFiles.map(pactOf), baseUrl: prism.url, stateOf, verifier }) : [],
    fromBroker.length > 0 && broker
      ? verifyBrokerPacts({
          provider: provider.name,
          pacts: fromBroker.map(pactOf),
          baseUrl: prism.url,
          broker,
          stateOf,
          verifier,
        })
      : [],
  ]);
  const byEntry = new Map<ConsumerPact, BatchVerification>();
  for (const [index, entry] of fromFiles.entries()) byEntry.set(entry, files[index] as BatchVerification);
  for (const [index, entry] of fromBroker.entries()) byEntry.set(entry, brokered[index] as BatchVerification);
  return pacts.map((entry) => {
    const verified = byEntry.get(entry) ?? { results: [], transcript: { lines: [], failures: {} } };
    return {
      results: new Map(verified.results.map((result) => [result.description, routeResult(result)])),
      transcript: verified.transcript,
    };
  });
}
