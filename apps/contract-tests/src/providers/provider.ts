/**
 * What a provider descriptor holds: one file per provider (`vectara.ts`, `verisoul.ts`) says everything the
 * suite needs to know about it. A third provider is one new file here plus its spec.
 */
import { type Api, loadSpec } from '@api-contracts/specs';
import type { SetupOutcome } from '../model.js';
import { idNameOf, pathOfOperation, pathValuesOf } from '../probe/links.js';
import { operationLabel, pathParametersOf, specOperations } from '../spec-operation.js';

/** The pact consumer: this repo's client. */
export const consumer = 'api-contracts-client';

/** A placeholder written into pacts as the x-api-key example; the header is matched by type only. */
export const placeholderApiKey = 'placeholder-api-key';

/**
 * The environment variables of a live run, by what they hold. Each API's are named in
 * `../live-variables.mjs` (plain JavaScript: `pnpm contracts:live` checks them before anything is built).
 */
export interface LiveVariables {
  /** The API key, sent as `x-api-key`. */
  apiKey: string;
  /** OAuth2 client credentials, used when the API key is not set (token URL from the spec unless `tokenUrl` is set). */
  oauth?: { clientId: string; clientSecret: string; tokenUrl: string };
  /** Overrides the default base URL (the spec's first server). */
  baseUrl: string;
  /** Existing ids at the provider, required, keyed like the pacts' provider-state parameters. */
  ids: Record<string, string>;
  /** Optional ids; a state that needs a missing one is skipped with the variable to set. */
  optionalIds: Record<string, string>;
}

/** Request headers that carry credentials; `undefined` removes a header from the replayed request. */
export type AuthHeaders = Record<string, string | undefined>;

/** What a state handler gets to set a live state up: read-only means, never a way to change the provider. */
export interface LiveStateContext {
  /** The parameters the pact gives this state (the consumer's example values). */
  params: Record<string, unknown>;
  /** The descriptor's variables, to name one in a skip reason. */
  variables: LiveVariables;
  ids: Record<string, string>;
  optionalIds: Record<string, string | undefined>;
  /** Headers that authenticate as the configured credentials. */
  headers: AuthHeaders;
  /** Headers with credentials the provider cannot accept. */
  refusedHeaders(): AuthHeaders;
  /** An id no provider has: random, so a "not found" state is never met by chance. */
  missingId(prefix?: string): string;
  /** A read-only GET of `path` at the provider with the configured credentials: status and JSON body (undefined when not JSON). */
  get(path: string, query?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  /** The value of `make`, computed once per live run of the provider (for probes several states share). */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
}

/**
 * What the live probe needs to know that the spec says only in words (how pages chain is the spec's own
 * `x-paging`, and where an operation's ids come from its OpenAPI `links`): regular-expression filters, and
 * values to send for parameters the spec gives no example (a path parameter too, when neither the run's ids
 * nor a link give it).
 */
export interface ProbeHints {
  /**
   * Query parameters the spec says keep only the items where a regular expression matches one of `fields`
   * (e.g. `filter` over `name` and `description`). The probe derives a value from items it has seen (one
   * that matches exactly one `fields[0]` value) and requires every returned item to match it.
   */
  regexFilters?: { parameter: string; fields: [string, ...string[]] }[];
  values?: Record<string, string>;
}

export interface StateDefinition {
  /** The Prism `Prefer` header that makes the mock answer as the state describes (a status and/or a named example). */
  prefer: string;
  /** How a live provider is put in this state, or why it cannot be. */
  live: { skip: string } | ((context: LiveStateContext) => SetupOutcome | Promise<SetupOutcome>);
}

export interface Provider<State extends string = string> {
  api: Api;
  /** The pact's provider name. */
  name: string;
  /**
   * Every operation of the spec, as the reports name them, e.g. `GET /v2/agents/{agent_key}/sessions (listAgentSessions)`,
   * in spec order: derived from the spec, never listed by hand.
   */
  operations: string[];
  /**
   * The provider's own published OpenAPI definition, which the vendor route compares the spec with: its `url`,
   * and the `variable` that points elsewhere (a URL or a local file).
   */
  definition: { url: string; variable: string };
  /** Where the live provider is unless the base-URL variable says otherwise: the spec's first server. */
  defaultBaseUrl: string;
  variables: LiveVariables;
  /** Ids the consumer pacts use; they are the spec examples' ids, so Prism's example answers agree with them. */
  examples: Record<string, string>;
  /**
   * A read-only request that needs valid credentials and the configured ids, sent once before any interaction:
   * a refusal (401/403) means the credentials are wrong, not that the provider drifted.
   */
  accessCheck(ids: Record<string, string>): { path: string; query?: Record<string, string> };
  /** The live probe's hints (filters in words, values); without them it probes parameters, credentials and paging only. */
  probe?: ProbeHints;
  /**
   * Every provider state the pacts use, keyed by name (as pact-js keys its state handlers). A state may belong
   * to any operation: the pact's interaction says which request it makes.
   */
  states: Record<State, StateDefinition>;
  /** A state's name, checked: a typo in a consumer test's `.given(provider.state('…'))` fails typecheck. */
  state(name: State): State;
}

/**
 * A descriptor from what only the provider knows; the rest comes from its spec: the default URL is the first of
 * the spec's `servers` (as `@api-contracts/types` generates them), the operations every operation of the spec.
 */
export function defineProvider<const State extends string, const Examples extends Record<string, string>>(
  descriptor: Omit<Provider<State>, 'state' | 'examples' | 'operations' | 'defaultBaseUrl'> & {
    examples: Examples;
    servers: readonly { url: string }[];
  },
): Provider<State> & { examples: Examples } {
  const { servers, ...rest } = descriptor;
  return {
    ...rest,
    operations: specOperations(loadSpec(descriptor.api)).map(operationLabel),
    defaultBaseUrl: servers[0]?.url ?? '',
    state: (name) => {
      if (!Object.hasOwn(descriptor.states, name)) throw new TypeError(`${descriptor.api} has no provider state ${JSON.stringify(name)}`);
      return name;
    },
  };
}

// Live set-ups most states share. `id` names a value of the descriptor's `ids`/`optionalIds`, `param` the
// pact's provider-state parameter it fills.

/** The state of an id the run's settings name (required). */
export const existingId =
  (id: string, param = id) =>
  ({ ids, headers }: LiveStateContext): SetupOutcome => ({ params: { [param]: ids[id] ?? '' }, headers });

/** The state of an optional id: skipped, naming its variable, when it is not set. */
export const optionalId =
  (id: string, param: string, meaning: string) =>
  ({ optionalIds, variables, headers }: LiveStateContext): SetupOutcome => {
    const value = optionalIds[id];
    return value ? { params: { [param]: value }, headers } : { skip: `set ${variables.optionalIds[id]} (${meaning}) to verify this state` };
  };

/** The state of an id the provider does not have. */
export const unknownId =
  (param: string, prefix = '') =>
  ({ missingId, headers }: LiveStateContext): SetupOutcome => ({ params: { [param]: missingId(prefix) }, headers });

/**
 * The state of an operation whose path parameters the run's ids and the spec's OpenAPI `links` give (a session
 * key from the first page of listAgentSessions), as the probe obtains them: read-only, once per live run.
 * Skipped with the reason when they give none (an agent without sessions).
 */
export const linkedIds =
  (api: Api, operationId: string) =>
  async (context: LiveStateContext): Promise<SetupOutcome> => {
    const spec = loadSpec(api);
    const operations = specOperations(spec);
    const operation = operations.find((candidate) => candidate.operationId === operationId);
    if (!operation) return { skip: `the ${api} spec has no operation ${operationId}` };
    const found = await context.once(`links of ${operationId}`, () =>
      pathOfOperation(spec, operation, {
        operations,
        values: pathValuesOf(context.ids),
        fallback: {},
        answerOf: async (_source, path) => ({ url: new URL(path, 'http://provider').toString(), ...(await context.get(path)) }),
      }),
    );
    if ('skip' in found) return found;
    const values = pathParametersOf(operation, found.path);
    return { params: Object.fromEntries(Object.entries(values).map(([name, value]) => [idNameOf(name), value])), headers: context.headers };
  };
