import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSpec } from '@api-contracts/specs';
import { classifyDrift } from './drift.js';
import { type ClientCredentials, TokenError, tokenSource } from './oauth.js';
import { specPath } from './paths.js';
import type { RouteResult } from './run.js';
import { ResponseValidator } from './schema-check.js';
import { type ApiName, stateDefinition } from './states.js';
import { type InteractionResult, type Mismatch, routeResult, type SetupOutcome, verifyPact } from './verify.js';

/** How a live run authenticates: the API key, or OAuth2 client credentials (Vectara). */
export type LiveAuth = { kind: 'api-key'; apiKey: string } | ({ kind: 'oauth' } & ClientCredentials);

/** What a live run of one API needs, read from the environment. */
export interface LiveSettings {
  auth: LiveAuth;
  baseUrl: string;
  /** Existing ids at the provider, keyed like the pacts' provider-state parameters. */
  ids: Record<string, string>;
  /** Optional ids; a state that needs a missing one is skipped with the variable to set. */
  optionalIds: Record<string, string | undefined>;
}

export const liveVariables: Record<ApiName, { required: string[]; optional: string[]; defaultBaseUrl: string }> = {
  verisoul: {
    required: ['VERISOUL_API_KEY', 'VERISOUL_ACCOUNT_ID'],
    optional: ['VERISOUL_BASE_URL', 'VERISOUL_EMPTY_ACCOUNT_ID'],
    defaultBaseUrl: 'https://api.sandbox.verisoul.ai',
  },
  vectara: {
    required: ['VECTARA_API_KEY or VECTARA_CLIENT_ID and VECTARA_CLIENT_SECRET', 'VECTARA_AGENT_KEY'],
    optional: ['VECTARA_TOKEN_URL', 'VECTARA_BASE_URL', 'VECTARA_EMPTY_AGENT_KEY'],
    defaultBaseUrl: 'https://api.vectara.io',
  },
};

/** The token URL of the spec's OAuth2 client-credentials scheme: the default unless VECTARA_TOKEN_URL says otherwise. */
export function specTokenUrl(api: ApiName): string | undefined {
  const schemes = (loadSpec(api) as { components?: { securitySchemes?: Record<string, SecurityScheme> } }).components?.securitySchemes;
  return Object.values(schemes ?? {}).find((scheme) => scheme.type === 'oauth2')?.flows?.clientCredentials?.tokenUrl;
}
interface SecurityScheme {
  type: string;
  flows?: { clientCredentials?: { tokenUrl?: string } };
}

/** The settings, or the names of the variables that are missing. */
export function readLiveSettings(api: ApiName, env: NodeJS.ProcessEnv): LiveSettings | { missing: string[] } {
  const value = (name: string) => env[name]?.trim() ?? '';
  const { defaultBaseUrl } = liveVariables[api];
  if (api === 'verisoul') {
    const missing = ['VERISOUL_API_KEY', 'VERISOUL_ACCOUNT_ID'].filter((name) => !value(name));
    if (missing.length > 0) return { missing };
    return {
      auth: { kind: 'api-key', apiKey: value('VERISOUL_API_KEY') },
      baseUrl: value('VERISOUL_BASE_URL') || defaultBaseUrl,
      ids: { accountId: value('VERISOUL_ACCOUNT_ID') },
      optionalIds: { emptyAccountId: value('VERISOUL_EMPTY_ACCOUNT_ID') || undefined },
    };
  }
  // The API key wins when it is set; OAuth needs both halves of the client credentials.
  const oauth = !value('VECTARA_API_KEY') && value('VECTARA_CLIENT_ID') && value('VECTARA_CLIENT_SECRET');
  const missing = [
    ...(value('VECTARA_API_KEY') || oauth ? [] : ['VECTARA_API_KEY (or VECTARA_CLIENT_ID and VECTARA_CLIENT_SECRET)']),
    ...(value('VECTARA_AGENT_KEY') ? [] : ['VECTARA_AGENT_KEY']),
  ];
  const tokenUrl = value('VECTARA_TOKEN_URL') || specTokenUrl(api);
  if (oauth && !tokenUrl) missing.push('VECTARA_TOKEN_URL (the spec names no OAuth2 token URL)');
  if (missing.length > 0) return { missing };
  return {
    auth: oauth
      ? { kind: 'oauth', clientId: value('VECTARA_CLIENT_ID'), clientSecret: value('VECTARA_CLIENT_SECRET'), tokenUrl: tokenUrl ?? '' }
      : { kind: 'api-key', apiKey: value('VECTARA_API_KEY') },
    baseUrl: value('VECTARA_BASE_URL') || defaultBaseUrl,
    ids: { agentKey: value('VECTARA_AGENT_KEY') },
    optionalIds: { emptyAgentKey: value('VECTARA_EMPTY_AGENT_KEY') || undefined },
  };
}

/** Ids no provider has: random, so that a live "not found" state is never met by chance. */
export const missingId = (prefix: string) => `${prefix}api_contracts_missing_${randomBytes(6).toString('hex')}`;

/** Request headers that authenticate, or replace the credentials with ones the provider refuses. `undefined` removes a header. */
export type AuthHeaders = Record<string, string | undefined>;

/**
 * The credentials of a live run as request headers. With OAuth, one token serves the whole run while it
 * is valid, and the pacts' `x-api-key` placeholder is removed so that only the token speaks.
 */
export function liveAuthHeaders(auth: LiveAuth) {
  const tokens = auth.kind === 'oauth' ? tokenSource(auth) : undefined;
  return {
    valid: async (): Promise<AuthHeaders> =>
      auth.kind === 'api-key' ? { 'x-api-key': auth.apiKey } : { 'x-api-key': undefined, authorization: `Bearer ${await tokens?.token()}` },
    refused: (): AuthHeaders =>
      auth.kind === 'api-key'
        ? { 'x-api-key': `invalid-${missingId('')}` }
        : { 'x-api-key': undefined, authorization: `Bearer invalid-${missingId('')}` },
    tokenRequests: () => tokens?.requests ?? 0,
  };
}
export type LiveAuthHeaders = ReturnType<typeof liveAuthHeaders>;

/** What a read-only look at an agent's sessions says about the paging states. */
type PagingProbe = { skip: string } | { pageKey: string } | { fail: Mismatch };

/**
 * Whether VECTARA_AGENT_KEY has a second page, and the page_key that leads to it. The count comes from a
 * page of two, independent of page_key, so a provider that stops sending page_key fails the paging
 * interactions rather than skipping them; only an agent that positively holds fewer than two sessions skips.
 */
export async function probePaging(baseUrl: string, agentKey: string, headers: AuthHeaders): Promise<PagingProbe> {
  const read = async (limit: number) => {
    const url = new URL(`${baseUrl.replace(/\/$/, '')}/v2/agents/${encodeURIComponent(agentKey)}/sessions`);
    url.searchParams.set('limit', String(limit));
    const sent = Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const response = await fetch(url, { headers: { ...sent, accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as { sessions?: unknown; metadata?: { page_key?: unknown } } };
    } catch {
      return { status: response.status, body: undefined };
    }
  };
  const two = await read(2);
  const sessions = two.body?.sessions;
  if (two.status === 200 && Array.isArray(sessions) && sessions.length < 2) {
    return {
      skip: `VECTARA_AGENT_KEY holds ${sessions.length} session(s), so there is no second page: use an agent with at least two to verify paging`,
    };
  }
  const one = await read(1);
  const pageKey = one.body?.metadata?.page_key;
  if (typeof pageKey === 'string' && pageKey !== '') return { pageKey };
  return {
    fail: {
      path: '$.metadata.page_key',
      expected: 'a page_key (the agent holds more than one session)',
      actual: pageKey === undefined ? `absent (HTTP ${one.status})` : JSON.stringify(pageKey),
      message: 'the first page of one session carried no usable page_key, so the next page could not be requested',
    },
  };
}

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

export interface RecordedExchange {
  method: string;
  /** Path without the query, as sent. */
  path: string;
  status: number;
  headers: IncomingHttpHeaders;
  contentType: string | null;
  /** Parsed as JSON when it is JSON, else the text. */
  body: unknown;
}

/**
 * A reverse proxy on 127.0.0.1 between the Pact Verifier and a live provider that records every
 * response, so each can also be validated against the spec. It forwards requests as they come (the
 * request filter has already set the key) and never logs headers.
 */
export async function startRecorder(upstream: string) {
  const exchanges: RecordedExchange[] = [];
  const base = new URL(upstream);
  const server = createServer(async (request, response) => {
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value === undefined || ['host', 'connection', 'content-length', 'accept-encoding'].includes(name)) continue;
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const target = new URL(request.url ?? '/', base);
      target.pathname = base.pathname.replace(/\/$/, '') + target.pathname;
      const upstreamResponse = await fetch(target, { method: request.method ?? 'GET', headers, redirect: 'manual' });
      const text = await upstreamResponse.text();
      const contentType = upstreamResponse.headers.get('content-type');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      exchanges.push({
        method: request.method ?? 'GET',
        path: new URL(request.url ?? '/', 'http://x').pathname,
        status: upstreamResponse.status,
        headers: Object.fromEntries(upstreamResponse.headers),
        contentType,
        body,
      });
      const outgoing: Record<string, string> = {};
      upstreamResponse.headers.forEach((value, name) => {
        if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) outgoing[name] = value;
      });
      response.writeHead(upstreamResponse.status, outgoing);
      response.end(text);
    } catch (error) {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`recorder could not reach the provider: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The live route for one API: settings, reachability, the pact replayed through the recorder, drift classified. */
export async function verifyLive(
  api: ApiName,
  pactFile: string,
  env: NodeJS.ProcessEnv,
  strict: boolean,
  log: (line: string) => void,
): Promise<{ notRun: string } | { results: Map<string, RouteResult> }> {
  const settings = readLiveSettings(api, env);
  if ('missing' in settings) {
    const { required, optional } = liveVariables[api];
    return { notRun: `skipped: set ${settings.missing.join(', ')} (required: ${required.join(', ')}; optional: ${optional.join(', ')})` };
  }
  log(`${api}: checking that ${settings.baseUrl} answers`);
  const reach = await reachable(settings.baseUrl);
  if (!reach.ok) return { notRun: reach.reason };

  const auth = liveAuthHeaders(settings.auth);
  try {
    await auth.valid();
  } catch (error) {
    if (error instanceof TokenError) return { notRun: `VECTARA_CLIENT_ID/VECTARA_CLIENT_SECRET: ${error.message}` };
    throw error;
  }

  const validator = await ResponseValidator.load(specPath(api));
  const recorder = await startRecorder(settings.baseUrl);
  const described = new Map<number, string>();
  let paging: Promise<PagingProbe> | undefined;
  const context: LiveContext = {
    settings,
    auth,
    paging: async () => {
      paging ??= probePaging(settings.baseUrl, settings.ids.agentKey ?? '', await auth.valid());
      return paging;
    },
  };
  log(`${api}: replaying the pact against ${settings.baseUrl}`);
  let results: InteractionResult[];
  try {
    results = await verifyPact({
      pactFile,
      baseUrl: recorder.url,
      setup: (state, params) => liveSetup(api, state, params, context),
      onReplay: (description) => described.set(recorder.exchanges.length, description),
    });
  } finally {
    await recorder.close();
  }
  const byDescription = new Map<string, RouteResult>();
  for (const result of results) byDescription.set(result.description, routeResult(result));
  recorder.exchanges.forEach((exchange, index) => {
    const description = described.get(index);
    const result = description ? byDescription.get(description) : undefined;
    if (result && result.outcome !== 'skip') {
      result.schemaFindings = validator.check(
        validator.pathTemplate(exchange.path),
        exchange.method,
        exchange.status,
        exchange.contentType,
        exchange.body,
        exchange.headers,
      );
    }
  });
  for (const result of byDescription.values()) if (result.outcome !== 'skip') classifyDrift(result, strict);
  return { results: byDescription };
}

interface LiveContext {
  settings: LiveSettings;
  auth: LiveAuthHeaders;
  paging(): Promise<PagingProbe>;
}

async function liveSetup(
  api: ApiName,
  state: string,
  params: Record<string, unknown>,
  { settings, auth, paging }: LiveContext,
): Promise<SetupOutcome> {
  const known = stateDefinition(api, state);
  if (!known) return { skip: `unknown provider state "${state}": add it to src/states.ts` };
  if (known.liveSkipReason) return { skip: known.liveSkipReason };
  const headers = await auth.valid();
  if (api === 'verisoul') {
    if (state === 'an account without sessions') {
      const emptyAccountId = settings.optionalIds.emptyAccountId;
      return emptyAccountId
        ? { params: { accountId: emptyAccountId }, headers }
        : { skip: 'set VERISOUL_EMPTY_ACCOUNT_ID (an account without sessions) to verify this state' };
    }
    if (state === 'no account with that id') return { params: { accountId: missingId('acct_') }, headers };
    return { params: { accountId: settings.ids.accountId ?? '' }, headers };
  }
  const agentKey = settings.ids.agentKey ?? '';
  switch (state) {
    case 'an agent without sessions': {
      const emptyAgentKey = settings.optionalIds.emptyAgentKey;
      return emptyAgentKey
        ? { params: { agentKey: emptyAgentKey }, headers }
        : { skip: 'set VECTARA_EMPTY_AGENT_KEY (an agent without sessions) to verify this state' };
    }
    case 'no agent with that key':
      return { params: { agentKey: missingId('') }, headers };
    case 'credentials the provider does not accept':
      return { params: { agentKey }, headers: auth.refused() };
    case 'an agent with more than one page of sessions': {
      const probe = await paging().catch(
        (error: unknown): PagingProbe => ({
          fail: { path: '(state)', message: `could not read the first page: ${error instanceof Error ? error.message : String(error)}` },
        }),
      );
      if ('skip' in probe) return probe;
      if ('pageKey' in probe) return { params: { agentKey, pageKey: probe.pageKey }, headers };
      // The page of one needs no page_key and shows the drift itself; the next page cannot be asked for.
      return 'pageKey' in params ? probe : { params: { agentKey }, headers };
    }
    default:
      return { params: { agentKey }, headers };
  }
}
