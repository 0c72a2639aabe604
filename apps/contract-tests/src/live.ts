import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVectaraClient } from '@api-contracts/client';
import { classifyDrift } from './drift.js';
import { specPath } from './paths.js';
import type { RouteResult } from './run.js';
import { ResponseValidator } from './schema-check.js';
import { type ApiName, stateDefinition } from './states.js';
import { type InteractionResult, routeResult, type StateSetup, verifyPact } from './verify.js';

/** What a live run of one API needs, read from the environment. */
export interface LiveSettings {
  apiKey: string;
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
    required: ['VECTARA_API_KEY', 'VECTARA_AGENT_KEY'],
    optional: ['VECTARA_BASE_URL', 'VECTARA_EMPTY_AGENT_KEY'],
    defaultBaseUrl: 'https://api.vectara.io',
  },
};

/** The settings, or the names of the variables that are missing. */
export function readLiveSettings(api: ApiName, env: NodeJS.ProcessEnv): LiveSettings | { missing: string[] } {
  const { required, defaultBaseUrl } = liveVariables[api];
  const missing = required.filter((name) => !env[name]?.trim());
  if (missing.length > 0) return { missing };
  const value = (name: string) => env[name]?.trim() ?? '';
  if (api === 'verisoul') {
    return {
      apiKey: value('VERISOUL_API_KEY'),
      baseUrl: value('VERISOUL_BASE_URL') || defaultBaseUrl,
      ids: { accountId: value('VERISOUL_ACCOUNT_ID') },
      optionalIds: { emptyAccountId: env.VERISOUL_EMPTY_ACCOUNT_ID?.trim() || undefined },
    };
  }
  return {
    apiKey: value('VECTARA_API_KEY'),
    baseUrl: value('VECTARA_BASE_URL') || defaultBaseUrl,
    ids: { agentKey: value('VECTARA_AGENT_KEY') },
    optionalIds: { emptyAgentKey: env.VECTARA_EMPTY_AGENT_KEY?.trim() || undefined },
  };
}

/** Ids no provider has: random, so that a live "not found" state is never met by chance. */
export const missingId = (prefix: string) => `${prefix}api_contracts_missing_${randomBytes(6).toString('hex')}`;

/** A first page fetched with the real key, to hand its page_key to the "next page" interaction. Read-only. */
export async function livePageKey(settings: LiveSettings, agentKey: string): Promise<string | undefined> {
  const client = createVectaraClient({ apiKey: settings.apiKey, baseUrl: settings.baseUrl, retry: false });
  const page = await client.listAgentSessions(agentKey, { limit: 1 });
  return page.metadata?.page_key || undefined;
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

  const validator = await ResponseValidator.load(specPath(api));
  const recorder = await startRecorder(settings.baseUrl);
  const described = new Map<number, string>();
  log(`${api}: replaying the pact against ${settings.baseUrl}`);
  let results: InteractionResult[];
  try {
    results = await verifyPact({
      pactFile,
      baseUrl: recorder.url,
      setup: (state) => liveSetup(api, state, settings),
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

async function liveSetup(api: ApiName, state: string, settings: LiveSettings): Promise<StateSetup | { skip: string }> {
  const known = stateDefinition(api, state);
  if (!known) return { skip: `unknown provider state "${state}": add it to src/states.ts` };
  if (known.liveSkipReason) return { skip: known.liveSkipReason };
  const key = { 'x-api-key': settings.apiKey };
  if (api === 'verisoul') {
    if (state === 'an account without sessions') {
      const emptyAccountId = settings.optionalIds.emptyAccountId;
      return emptyAccountId
        ? { params: { accountId: emptyAccountId }, headers: key }
        : { skip: 'set VERISOUL_EMPTY_ACCOUNT_ID (an account without sessions) to verify this state' };
    }
    if (state === 'no account with that id') return { params: { accountId: missingId('acct_') }, headers: key };
    return { params: { accountId: settings.ids.accountId ?? '' }, headers: key };
  }
  const agentKey = settings.ids.agentKey ?? '';
  switch (state) {
    case 'an agent without sessions': {
      const emptyAgentKey = settings.optionalIds.emptyAgentKey;
      return emptyAgentKey
        ? { params: { agentKey: emptyAgentKey }, headers: key }
        : { skip: 'set VECTARA_EMPTY_AGENT_KEY (an agent without sessions) to verify this state' };
    }
    case 'no agent with that key':
      return { params: { agentKey: missingId('agt_') }, headers: key };
    case 'an API key the provider does not accept':
      return { params: { agentKey }, headers: { 'x-api-key': `invalid-${missingId('')}` } };
    case 'an agent with more than one page of sessions': {
      const pageKey = await livePageKey(settings, agentKey).catch(() => undefined);
      return pageKey
        ? { params: { agentKey, pageKey }, headers: key }
        : { skip: `VECTARA_AGENT_KEY's first page of 1 returned no page_key: use an agent with at least two sessions` };
    }
    default:
      return { params: { agentKey }, headers: key };
  }
}
