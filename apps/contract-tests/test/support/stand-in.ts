import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { specPath } from '../../src/paths.js';
import { startPrism } from '../../src/prism.js';
import type { ApiName } from '../../src/states.js';

export const sentinelKey = 'sk_live_SENTINEL_do_not_leak_7f3a9c';

export const fixtures = {
  verisoul: { accountId: 'acct_fixture_1', emptyAccountId: 'acct_fixture_empty' },
  vectara: { agentKey: 'agt_fixture_1', emptyAgentKey: 'agt_fixture_empty' },
} as const;

/** The environment a live run needs to treat the stand-in as the provider. */
export function standInEnv(api: ApiName, baseUrl: string): Record<string, string> {
  return api === 'verisoul'
    ? {
        VERISOUL_API_KEY: sentinelKey,
        VERISOUL_BASE_URL: baseUrl,
        VERISOUL_ACCOUNT_ID: fixtures.verisoul.accountId,
        VERISOUL_EMPTY_ACCOUNT_ID: fixtures.verisoul.emptyAccountId,
      }
    : {
        VECTARA_API_KEY: sentinelKey,
        VECTARA_BASE_URL: baseUrl,
        VECTARA_AGENT_KEY: fixtures.vectara.agentKey,
        VECTARA_EMPTY_AGENT_KEY: fixtures.vectara.emptyAgentKey,
      };
}

export interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A local stand-in for a live provider: Prism in dynamic mode on the spec, behind a small front that
 * behaves like the real provider for the fixture ids (a wrong key is 401, an unknown id 404/400, a
 * page_key it never issued 400) by choosing Prism's `Prefer` header. `mutate` may rewrite any answer,
 * which is how drift is simulated.
 */
export async function startStandIn(api: ApiName, options: { mutate?: (exchange: Exchange, request: IncomingMessage) => Exchange } = {}) {
  // json-schema-faker settings travel in the spec: always fill optional fields, invent no others, never return an empty list,
  // so dynamic answers carry everything the pacts rely on.
  const workDir = await mkdtemp(join(tmpdir(), 'api-contracts-stand-in-'));
  const spec = parse(await readFile(specPath(api), 'utf8'));
  spec['x-json-schema-faker'] = { alwaysFakeOptionals: true, fillProperties: false, minItems: 1, maxItems: 3 };
  const specFile = join(workDir, 'openapi.yaml');
  await writeFile(specFile, stringify(spec));
  const prism = await startPrism(specFile, { dynamic: true });
  const issuedPageKeys = new Set<string>();

  const server = createServer((request, response) => {
    answer(request).then(
      (exchange) => {
        const outgoing = Object.fromEntries(
          Object.entries(exchange.headers).filter(
            ([name]) => !['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(name),
          ),
        );
        response.writeHead(exchange.status, outgoing);
        response.end(exchange.body);
      },
      (error: Error) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`stand-in failed: ${error.message} ${String(error.cause ?? '')}`);
      },
    );
  });
  async function answer(request: IncomingMessage): Promise<Exchange> {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const prefer = choosePrefer(api, request, url, issuedPageKeys);
    const headers = new Headers({ accept: 'application/json', 'x-api-key': String(request.headers['x-api-key'] ?? '') });
    if (prefer) headers.set('prefer', prefer);
    const upstream = await fetch(new URL(`${url.pathname}${url.search}`, prism.url), { headers });
    const exchange: Exchange = { status: upstream.status, headers: Object.fromEntries(upstream.headers), body: await upstream.text() };
    const pageKey = safeJson(exchange.body)?.metadata?.page_key;
    if (typeof pageKey === 'string') issuedPageKeys.add(pageKey);
    return options.mutate ? options.mutate(exchange, request) : exchange;
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    env: () => standInEnv(api, `http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await prism.stop();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

function choosePrefer(api: ApiName, request: IncomingMessage, url: URL, issuedPageKeys: Set<string>): string | undefined {
  // Error answers come from the spec's named examples (dynamic=false): a real provider sends the right code.
  if (request.headers['x-api-key'] !== sentinelKey) return api === 'vectara' ? 'code=401, dynamic=false' : 'code=400, dynamic=false';
  const id = decodeURIComponent(url.pathname.split('/')[api === 'verisoul' ? 2 : 3] ?? '');
  if (api === 'verisoul') {
    if (id === fixtures.verisoul.emptyAccountId) return 'code=200, example=no_sessions, dynamic=false';
    return id === fixtures.verisoul.accountId ? 'code=200' : 'code=400, dynamic=false';
  }
  if (id === fixtures.vectara.emptyAgentKey) return 'code=200, example=no_sessions, dynamic=false';
  if (id !== fixtures.vectara.agentKey) return 'code=404, dynamic=false';
  const pageKey = url.searchParams.get('page_key');
  if (pageKey !== null && !issuedPageKeys.has(pageKey)) return 'code=400, dynamic=false';
  return 'code=200';
}

function safeJson(text: string): { metadata?: { page_key?: unknown } } | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
