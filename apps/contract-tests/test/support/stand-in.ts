import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Api } from '@api-contracts/specs';
import type { PrismServer } from '../../src/prism.js';
import { suitePrisms } from './suite-prisms.js';

export const sentinelKey = 'sk_live_SENTINEL_do_not_leak_7f3a9c';
export const sentinelClientId = 'client_SENTINEL_id_4b1e';
export const sentinelClientSecret = 'cs_SENTINEL_secret_do_not_leak_9d2f';
/** Every token the stand-in issues starts with this, so a test can look for any of them in output. */
export const sentinelTokenPrefix = 'tok_SENTINEL_';

export const fixtures = {
  verisoul: { accountId: 'acct_fixture_1', emptyAccountId: 'acct_fixture_empty' },
  vectara: { agentKey: 'fixture_agent', emptyAgentKey: 'fixture_agent_empty' },
} as const;

export type StandInAuth = 'api-key' | 'oauth';

/** The environment a live run needs to treat the stand-in as the provider. */
export function standInEnv(api: Api, baseUrl: string, auth: StandInAuth = 'api-key', apiKey = sentinelKey): Record<string, string> {
  if (api === 'verisoul') {
    return {
      VERISOUL_API_KEY: apiKey,
      VERISOUL_BASE_URL: baseUrl,
      VERISOUL_ACCOUNT_ID: fixtures.verisoul.accountId,
      VERISOUL_EMPTY_ACCOUNT_ID: fixtures.verisoul.emptyAccountId,
    };
  }
  const credentials: Record<string, string> =
    auth === 'api-key'
      ? { VECTARA_API_KEY: apiKey }
      : { VECTARA_CLIENT_ID: sentinelClientId, VECTARA_CLIENT_SECRET: sentinelClientSecret, VECTARA_TOKEN_URL: `${baseUrl}/oauth2/token` };
  return {
    ...credentials,
    VECTARA_BASE_URL: baseUrl,
    VECTARA_AGENT_KEY: fixtures.vectara.agentKey,
    VECTARA_EMPTY_AGENT_KEY: fixtures.vectara.emptyAgentKey,
  };
}

export interface Exchange {
  status: number;
  /** The reason phrase after the status code; Node's default for the status when absent. */
  statusText?: string;
  headers: Record<string, string>;
  body: string;
}

/** How the stand-in behaves; `behave` replaces it while the stand-in runs (one server, many cases). */
export interface StandInBehaviour {
  mutate?: (exchange: Exchange, request: IncomingMessage) => Exchange;
  /** Vectara: every page holds this many sessions, whatever `limit` asks (a provider ignoring `limit`). */
  fixedPageSize?: number;
  /** Answers requests without (valid) credentials as if they had them (a provider not enforcing auth). */
  openWithoutCredentials?: boolean;
  /**
   * The answer to a request that carries no credentials at all (no `x-api-key`, no `Authorization`), before
   * Prism is asked: how real providers and their gateways refuse, e.g. Verisoul's undocumented
   * `401 {"statusCode":401,"message":"Unauthorized"}`. Wrong credentials still get the spec's own answer.
   */
  anonymous?: Exchange;
  /**
   * Every body sent compressed with this encoding (`content-encoding` set), whatever `Accept-Encoding` asked:
   * Node 20's fetch asks for gzip and deflate only, and a br body is what it gets from a provider or CDN that
   * does not ask.
   */
  compress?: 'gzip' | 'br';
  /** Vectara: `filter` accepted and ignored (a provider whose filter does nothing). */
  ignoreFilter?: boolean;
}

export interface StandInOptions extends StandInBehaviour {
  /** Vectara: how many sessions the fixture agent holds (default 3); `setSessionCount` changes it later. */
  sessions?: number;
  /** Vectara: lifetime of the tokens its OAuth2 endpoint issues, in seconds (default 3600). */
  tokenLifetimeSeconds?: number;
  /** The API key the front accepts (default `sentinelKey`), and `env()` configures. */
  apiKey?: string;
  /** The dynamic Prism mock behind the front (`startStandInPrisms`); default: the suite's (`suitePrisms`). */
  prism?: PrismServer;
}

/**
 * A local stand-in for a live provider: Prism on the spec, behind a small front that behaves like the real
 * provider for the fixture ids (wrong credentials are 401, an unknown id 404/400, a page_key it never issued
 * 400) by choosing Prism's `Prefer` header, so error answers are the spec's own. Prism validates every
 * request against the spec. Vectara's fixture agent holds a fixed number of sessions, made by Prism from the
 * schema (every optional field filled) and paged by `limit` and `page_key` as the provider pages them; its
 * OAuth2 token endpoint (`POST /oauth2/token`, client credentials) issues tokens the front then accepts.
 * `mutate` may rewrite any answer, which is how drift is simulated. Prism is the suite's (`suitePrisms`) unless
 * `options.prism` is given: `stop` closes the front.
 */
export async function startStandIn(api: Api, options: StandInOptions = {}) {
  const prism = options.prism ?? suitePrisms('standIns').get(api);
  if (!prism) throw new Error(`no stand-in Prism for ${api}`);
  return frontOf(api, options, prism);
}

/** A stand-in of each API (see `startStandIn`), each with its options. */
export function startStandIns<const Apis extends readonly Api[]>(
  apis: Apis,
  options: Partial<Record<Api, StandInOptions>> = {},
): Promise<{ [Index in keyof Apis]: StandIn }> {
  return Promise.all(apis.map((api) => startStandIn(api, options[api]))) as Promise<{ [Index in keyof Apis]: StandIn }>;
}

export type StandIn = Awaited<ReturnType<typeof startStandIn>>;

/** The front of one API's stand-in around its (dynamic, shared) Prism mock. */
async function frontOf(api: Api, options: StandInOptions, prism: PrismServer) {
  const issuedPageKeys = new Set<string>();
  const tokens = new Map<string, number>();
  let tokenRequests = 0;
  const agentSessions = api === 'vectara' ? await sessionPool(prism.url) : [];
  let sessionCount = options.sessions ?? 3;
  const apiKey = options.apiKey ?? sentinelKey;
  let behaviour: StandInBehaviour = options;
  let anonymousRequests = 0;
  let compressedResponses = 0;

  const server = createServer((request, response) => {
    answer(request).then(
      (exchange) => {
        const outgoing = Object.fromEntries(
          Object.entries(exchange.headers).filter(
            ([name]) => !['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(name),
          ),
        );
        let body: string | Buffer = exchange.body;
        if (behaviour.compress && body !== '') {
          body = behaviour.compress === 'gzip' ? gzipSync(body) : brotliCompressSync(body);
          outgoing['content-encoding'] = behaviour.compress;
          compressedResponses++;
        }
        if (exchange.statusText === undefined) response.writeHead(exchange.status, outgoing);
        else response.writeHead(exchange.status, exchange.statusText, outgoing);
        response.end(body);
      },
      (error: Error) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`stand-in failed: ${error.message} ${String(error.cause ?? '')}`);
      },
    );
  });

  async function answer(request: IncomingMessage): Promise<Exchange> {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    if (api === 'vectara' && url.pathname === '/oauth2/token') return issueToken(request);
    const anonymous = request.headers['x-api-key'] === undefined && request.headers.authorization === undefined;
    if (anonymous) anonymousRequests++;
    if (anonymous && behaviour.anonymous && behaviour.openWithoutCredentials !== true) return finish(behaviour.anonymous, request);
    const authorised =
      behaviour.openWithoutCredentials === true || request.headers['x-api-key'] === apiKey || isValidToken(request.headers.authorization);
    const prefer = choosePrefer(api, authorised, url, issuedPageKeys, sessionCount);
    // Prism checks the request's credentials are present; which ones are valid is the front's call.
    const headers = new Headers({ accept: 'application/json', 'x-api-key': String(request.headers['x-api-key'] ?? 'stand-in') });
    if (prefer) headers.set('prefer', prefer);
    for (const name of ['request-timeout', 'request-timeout-millis']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    const upstream = await fetch(new URL(`${url.pathname}${url.search}`, prism.url), { headers });
    let exchange: Exchange = { status: upstream.status, headers: Object.fromEntries(upstream.headers), body: await upstream.text() };
    if (
      api === 'vectara' &&
      exchange.status === 200 &&
      decodeURIComponent(url.pathname.split('/')[3] ?? '') === fixtures.vectara.agentKey
    ) {
      // getAgentSession: the session of that key, as the pages list it.
      const sessionKey = url.pathname.split('/')[5];
      const body =
        sessionKey === undefined ? pageOf(url) : fixtureSessions().find((session) => session.key === decodeURIComponent(sessionKey));
      exchange = { ...exchange, body: JSON.stringify(body) };
    }
    return finish(exchange, request);
  }

  function finish(exchange: Exchange, request: IncomingMessage): Exchange {
    return behaviour.mutate ? behaviour.mutate(exchange, request) : exchange;
  }

  /** A page of the fixture agent's sessions: `limit` of them from the offset its page_key names, filtered by `filter`. */
  function pageOf(url: URL) {
    const limit = behaviour.fixedPageSize ?? Number(url.searchParams.get('limit') ?? 10);
    const pageKey = url.searchParams.get('page_key');
    const offset = pageKey === null ? 0 : (JSON.parse(Buffer.from(pageKey, 'base64url').toString()) as { offset: number }).offset;
    const filter = behaviour.ignoreFilter ? null : url.searchParams.get('filter');
    // metadata_filter's SQL-like language is not modelled: the stand-in answers as if every session matched it.
    const matching = fixtureSessions().filter(
      (session) => filter === null || new RegExp(filter).test(`${session.name ?? ''}\n${session.description ?? ''}`),
    );
    const sessions = matching.slice(offset, offset + limit);
    if (offset + limit >= matching.length) return { sessions, metadata: {} };
    const next = Buffer.from(JSON.stringify({ offset: offset + limit })).toString('base64url');
    issuedPageKeys.add(next);
    return { sessions, metadata: { page_key: next } };
  }

  /** The fixture agent's sessions: copies of Prism's with their own keys, `fixture_session_1`... */
  function fixtureSessions(): Session[] {
    return Array.from({ length: sessionCount }, (_, index) => {
      const template = agentSessions[index % agentSessions.length] ?? {};
      return { ...template, key: `fixture_session_${index + 1}`, agent_key: fixtures.vectara.agentKey } as Session;
    });
  }

  async function issueToken(request: IncomingMessage): Promise<Exchange> {
    tokenRequests++;
    let text = '';
    for await (const chunk of request) text += chunk;
    const form = new URLSearchParams(text);
    const json = (status: number, body: unknown): Exchange => ({
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (
      request.method !== 'POST' ||
      form.get('grant_type') !== 'client_credentials' ||
      form.get('client_id') !== sentinelClientId ||
      form.get('client_secret') !== sentinelClientSecret
    ) {
      return json(401, { error: 'invalid_client' });
    }
    const lifetime = options.tokenLifetimeSeconds ?? 3600;
    const token = `${sentinelTokenPrefix}${randomBytes(8).toString('hex')}`;
    tokens.set(token, Date.now() + lifetime * 1000);
    return json(200, { access_token: token, token_type: 'Bearer', expires_in: lifetime });
  }

  function isValidToken(authorization: string | undefined): boolean {
    const token = authorization?.match(/^Bearer (.+)$/)?.[1];
    const expiresAt = token === undefined ? undefined : tokens.get(token);
    return expiresAt !== undefined && Date.now() < expiresAt;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    env: (auth: StandInAuth = 'api-key') => standInEnv(api, url, auth, apiKey),
    /** How many token requests the OAuth2 endpoint has answered. */
    tokenRequests: () => tokenRequests,
    /** Every token the OAuth2 endpoint has issued. */
    issuedTokens: () => [...tokens.keys()],
    setSessionCount: (count: number) => {
      sessionCount = count;
    },
    /** Replaces how the stand-in behaves (every option of `StandInBehaviour`; those not given are off). */
    behave: (next: StandInBehaviour) => {
      behaviour = next;
    },
    /** Requests that carried no credentials at all. */
    anonymousRequests: () => anonymousRequests,
    /** Responses sent with a `content-encoding`. */
    compressedResponses: () => compressedResponses,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: sessions as Prism invents them.
type Session = Record<string, any>;

/** Sessions Prism makes from the schema, a few pages' worth: the fixture agent's sessions are copies with their own keys. */
async function sessionPool(prismUrl: string): Promise<Session[]> {
  const pool: Session[] = [];
  while (pool.length < 6) {
    const response = await fetch(new URL(`/v2/agents/${fixtures.vectara.agentKey}/sessions`, prismUrl), {
      headers: { accept: 'application/json', 'x-api-key': 'stand-in', prefer: 'code=200' },
    });
    if (!response.ok) throw new Error(`Prism did not make sessions: HTTP ${response.status} ${await response.text()}`);
    pool.push(...((await response.json()) as { sessions: Session[] }).sessions);
  }
  return pool;
}

function choosePrefer(api: Api, authorised: boolean, url: URL, issuedPageKeys: Set<string>, sessionCount: number): string | undefined {
  // Error answers come from the spec's named examples (dynamic=false): a real provider sends the right body.
  if (!authorised) return api === 'vectara' ? 'code=401, dynamic=false' : 'code=400, dynamic=false';
  const id = decodeURIComponent(url.pathname.split('/')[api === 'verisoul' ? 2 : 3] ?? '');
  if (api === 'verisoul') {
    // getAccount (`/account/{id}`): the definition's example body for the fixture account, else its 400.
    if (url.pathname.split('/').length === 3)
      return id === fixtures.verisoul.accountId ? 'code=200, example=account, dynamic=false' : 'code=400, dynamic=false';
    if (id === fixtures.verisoul.emptyAccountId) return 'code=200, example=no_sessions, dynamic=false';
    return id === fixtures.verisoul.accountId ? 'code=200' : 'code=400, dynamic=false';
  }
  if (id === fixtures.vectara.emptyAgentKey) return 'code=200, example=no_sessions, dynamic=false';
  if (id !== fixtures.vectara.agentKey) return 'code=404, dynamic=false';
  // getAgentSession (`/v2/agents/{agent}/sessions/{key}`): a key the agent holds, else its 404.
  const sessionKey = url.pathname.split('/')[5];
  if (sessionKey !== undefined) {
    const index = Number(/^fixture_session_(\d+)$/.exec(decodeURIComponent(sessionKey))?.[1] ?? 0);
    return index >= 1 && index <= sessionCount ? 'code=200' : 'code=404, dynamic=false';
  }
  const pageKey = url.searchParams.get('page_key');
  if (pageKey !== null && !issuedPageKeys.has(pageKey)) return 'code=400, dynamic=false';
  return 'code=200';
}
