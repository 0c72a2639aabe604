import { loadSpec } from '@api-contracts/specs';
import { type Answer, outage, refusedCredentials } from './access.js';
import { type LiveCredentials, liveCredentials, missingId } from './credentials.js';
import { groupLiveDrift } from './drift-changes.js';
import type { ContractChange, RouteResult, SetupOutcome, VerifierTranscript } from './model.js';
import { TokenError } from './oauth.js';
import { readPact } from './pact-file.js';
import type { AuthHeaders, LiveStateContext, Provider } from './providers/provider.js';
import { interactionHeader, startRecorder } from './recorder.js';
import { ResponseValidator } from './schema-check.js';
import { type LiveSettings, readLiveSettings, variablesOf } from './settings.js';
import { operationName, operationOfRequest, specOperations } from './spec-operation.js';
import { routeResult, type Verification, type VerifierProcess, verifyPact } from './verify.js';

/** Whether anything answers HTTP at `baseUrl`; any status counts, only a network failure does not. */
export async function reachable(baseUrl: string, timeoutMs = 10_000): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const response = await fetch(baseUrl, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return { ok: true };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return { ok: false, reason: `provider unreachable at ${baseUrl}: ${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}

/** A read-only GET at the provider with the run's credentials: status and JSON body (undefined when not JSON). */
async function readOnlyGet(baseUrl: string, headers: AuthHeaders, path: string, query: Record<string, string> = {}) {
  const url = new URL(`${baseUrl.replace(/\/$/, '')}${path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const sent = Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const response = await fetch(url, { headers: { ...sent, accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  try {
    return { status: response.status, contentType, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, contentType, body: text };
  }
}

/** Sets a state up at the live provider with the descriptor's handler, or says why it cannot be. */
async function liveSetup(
  provider: Provider,
  state: string,
  params: Record<string, unknown>,
  settings: LiveSettings,
  credentials: LiveCredentials,
  memo: Map<string, Promise<unknown>>,
): Promise<SetupOutcome> {
  const known = (provider.states as Record<string, Provider['states'][string] | undefined>)[state];
  if (!known) return { skip: `unknown provider state "${state}": add it to src/providers/${provider.api}.ts` };
  if (!(typeof known.live === 'function')) return known.live;
  const headers = await credentials.valid();
  const context: LiveStateContext = {
    params,
    variables: provider.variables,
    ids: settings.ids,
    optionalIds: settings.optionalIds,
    headers,
    refusedHeaders: credentials.refused,
    missingId,
    get: (path, query) => readOnlyGet(settings.baseUrl, headers, path, query),
    once: <T>(key: string, make: () => Promise<T>) => {
      if (!memo.has(key)) memo.set(key, make());
      return memo.get(key) as Promise<T>;
    },
  };
  try {
    return await known.live(context);
  } catch (error) {
    return { fail: { path: '(state)', message: `could not set the state up: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

/** The live route for one API: settings, reachability, the pact replayed through the recorder, drift grouped into changes. */
export async function liveRoute(
  provider: Provider,
  pactFile: string,
  {
    env,
    strict,
    verifier,
    credentialsOf = liveCredentials,
  }: {
    env: NodeJS.ProcessEnv;
    strict: boolean;
    verifier: VerifierProcess;
    /** Where the credentials come from: shared by the run's live routes (one token for all), or made here. */
    credentialsOf?: (auth: LiveSettings['auth']) => LiveCredentials;
  },
): Promise<
  | { notRun: string }
  | {
      results: Map<string, RouteResult>;
      changes: ContractChange[];
      transcript: VerifierTranscript;
      /** Every response the provider gave the replay: status and body (for `--capture`'s schema inference). */
      responses: { status: number; body: unknown }[];
    }
> {
  const settings = readLiveSettings(provider, env);
  if ('missing' in settings) {
    const { required, optional } = variablesOf(provider);
    return { notRun: `skipped: set ${settings.missing.join(', ')} (required: ${required.join(', ')}; optional: ${optional.join(', ')})` };
  }
  const reach = await reachable(settings.baseUrl);
  if (!reach.ok) return { notRun: reach.reason };

  const credentials = credentialsOf(settings.auth);
  let headers: AuthHeaders;
  try {
    headers = await credentials.valid();
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    // A 4xx from the token endpoint is a refusal of the client credentials; anything else, the endpoint's failure.
    const refused = error.status !== undefined && error.status >= 400 && error.status < 500;
    return {
      notRun: refused
        ? `${settings.auth.variables} were refused by the token endpoint (HTTP ${error.status})`
        : `${settings.auth.variables}: ${error.message}`,
    };
  }
  // Before any interaction is judged: do the credentials open the configured ids' own request?
  let check: ReturnType<Provider['accessCheck']>;
  try {
    check = provider.accessCheck(settings.ids);
  } catch (error) {
    // A descriptor `pnpm api:add` wrote says its access check is not yet written: the API cannot be run live.
    return { notRun: `${provider.api}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const access = await readOnlyGet(settings.baseUrl, headers, check.path, check.query).catch((error: unknown) => error);
  if (access instanceof Error) return { notRun: `${provider.api}'s access check failed: ${access.message}` };
  const refused = refusedCredentials(settings.auth, access as Answer);
  if (refused) return { notRun: refused };

  const validator = new ResponseValidator(loadSpec(provider.api));
  const recorder = await startRecorder(settings.baseUrl);
  const memo = new Map<string, Promise<unknown>>();
  let verified: Verification;
  try {
    verified = await verifyPact({
      pactFile,
      baseUrl: recorder.url,
      setup: (state, params) => liveSetup(provider, state, params, settings, credentials, memo),
      verifier,
      tagHeader: interactionHeader,
    });
  } finally {
    await recorder.close();
  }
  const down = outage(settings.baseUrl, [access as Answer, ...recorder.exchanges]);
  if (down) return { notRun: down };
  const results = new Map(verified.results.map((result) => [result.description, routeResult(result)]));
  for (const exchange of recorder.exchanges) {
    const description = exchange.interaction;
    const result = description === undefined ? undefined : results.get(description);
    if (description !== undefined && result && result.outcome !== 'skip') {
      results.set(description, {
        ...result,
        schemaFindings: validator.check(
          validator.pathTemplate(exchange.path),
          exchange.method,
          exchange.status,
          exchange.contentType,
          exchange.body,
          exchange.headers,
        ),
      });
    }
  }
  const { api } = provider;
  const spec = loadSpec(api);
  const operations = specOperations(spec);
  // Each interaction's operation: the request it made at the provider, else the request its pact describes.
  const requested = new Map(
    (await readPact(pactFile))?.interactions.map((interaction) => [interaction.description, interaction.request]) ?? [],
  );
  const operationOf = (description: string): string => {
    const sent = recorder.exchanges.find((exchange) => exchange.interaction === description);
    const request = sent ?? requested.get(description);
    const operation = operationOfRequest(operations, request?.method ?? 'GET', request?.path ?? '');
    return operation ? operationName(operation) : `${request?.method ?? 'GET'} ${request?.path ?? '(no request)'}`;
  };
  const judged = groupLiveDrift({ api, operationOf, spec, results, responses: recorder.exchanges, strict });
  const responses = recorder.exchanges.map(({ status, body }) => ({ status, body }));
  return { ...judged, transcript: verified.transcript, responses };
}
