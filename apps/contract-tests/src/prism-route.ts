import { specPath } from '@api-contracts/specs';
import type { RouteResult, SetupOutcome } from './model.js';
import { startPrism } from './prism.js';
import type { Provider } from './providers/provider.js';
import { routeResult, verifyPact } from './verify.js';

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
  log: (line: string) => void,
): Promise<{ results: Map<string, RouteResult>; startupMs: number }> {
  const prism = await startPrism(specPath(provider.api));
  log(`${provider.api}: Prism listening after ${prism.startupMs.toFixed(0)} ms; replaying the pact`);
  try {
    const verified = await verifyPact({
      pactFile,
      baseUrl: prism.url,
      setup: async (state, params) => prismSetup(provider, state, params),
    });
    return {
      results: new Map(verified.map((result) => [result.description, routeResult(result)])),
      startupMs: Math.round(prism.startupMs),
    };
  } finally {
    await prism.stop();
  }
}
