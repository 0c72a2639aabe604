import type { RouteResult, SetupOutcome, VerifierTranscript } from './model.js';
import type { PrismServer } from './prism.js';
import type { Provider } from './providers/provider.js';
import { routeResult, type VerifierProcess, verifyPact } from './verify.js';

/** Each state as Prism's `Prefer` header, so the mock answers as the state describes (a status, a named example). */
function prismSetup(provider: Provider, state: string, params: Record<string, unknown>): SetupOutcome {
  const known = (provider.states as Record<string, Provider['states'][string] | undefined>)[state];
  if (!known) return { skip: `unknown provider state "${state}": add it to src/providers/${provider.api}.ts` };
  return {
    params: Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)])),
    headers: { prefer: known.prefer },
  };
}

/** The Prism route: the pact replayed by the Pact Verifier against Prism serving the spec. */
export async function prismRoute(
  provider: Provider,
  pactFile: string,
  { prism, verifier }: { prism: PrismServer; verifier: VerifierProcess },
): Promise<{ results: Map<string, RouteResult>; transcript: VerifierTranscript }> {
  const verified = await verifyPact({
    pactFile,
    baseUrl: prism.url,
    verifier,
    setup: async (state, params) => prismSetup(provider, state, params),
  });
  return { results: new Map(verified.results.map((result) => [result.description, routeResult(result)])), transcript: verified.transcript };
}
