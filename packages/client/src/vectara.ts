import type { AgentSession, ListAgentSessionsResponse, paths } from '@api-contracts/types/vectara';
import { parameterRules, servers } from '@api-contracts/types/vectara';
import createClient, { type Client } from 'openapi-fetch';
import { PaginationError } from './errors.js';
import { checkParameters } from './input.js';
import { expectJson } from './response.js';
import { requireApiKey, resilientFetch, type TransportOptions } from './transport.js';

export type VectaraClientOptions = TransportOptions;

export interface ListAgentSessionsOptions {
  /** Sessions per page, 1..100 (the spec's bounds). */
  limit?: number;
  /** `metadata.page_key` of the previous page. */
  pageKey?: string;
  /** Only sessions with this enabled status. */
  enabled?: boolean;
  signal?: AbortSignal;
}

export type IterateAgentSessionsOptions = Omit<ListAgentSessionsOptions, 'pageKey'>;

export interface VectaraClient {
  /** One page of an agent's sessions. */
  listAgentSessions(agentKey: string, options?: ListAgentSessionsOptions): Promise<ListAgentSessionsResponse>;
  /** Every session of an agent, page after page, until a page comes back without `page_key`. */
  iterateAgentSessions(agentKey: string, options?: IterateAgentSessionsOptions): AsyncGenerator<AgentSession, void, undefined>;
  /** The underlying openapi-fetch client (API key, timeout and retries included) for anything else. */
  raw: Client<paths>;
}

const operation = 'listAgentSessions';

export function createVectaraClient(options: VectaraClientOptions): VectaraClient {
  requireApiKey(options?.apiKey);
  const raw = createClient<paths>({
    baseUrl: options.baseUrl ?? servers[0].url,
    fetch: resilientFetch(options),
    // The key rides in the base headers rather than a middleware: same effect on every request, raw ones
    // included, without openapi-fetch's per-request middleware bookkeeping.
    headers: { 'x-api-key': options.apiKey },
  });
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function listAgentSessions(agentKey: string, { limit, pageKey, enabled, signal }: ListAgentSessionsOptions = {}) {
    checkParameters(parameterRules.listAgentSessions, { agent_key: agentKey, limit, page_key: pageKey, enabled });
    return expectJson<ListAgentSessionsResponse>(
      operation,
      () =>
        raw.GET('/v2/agents/{agent_key}/sessions', {
          params: { path: { agent_key: agentKey }, query: { limit, page_key: pageKey, enabled } },
          parseAs: 'text',
          signal,
        }),
      { signal, timeoutMs },
    );
  }

  async function* iterateAgentSessions(agentKey: string, pageOptions: IterateAgentSessionsOptions = {}) {
    const seen = new Set<string>();
    let pageKey: string | undefined;
    for (let page = 1; ; page++) {
      const response = await listAgentSessions(agentKey, { ...pageOptions, ...(pageKey !== undefined && { pageKey }) });
      yield* response.sessions;
      pageKey = response.metadata?.page_key || undefined;
      if (pageKey === undefined) return;
      if (seen.has(pageKey)) throw new PaginationError(pageKey, page);
      seen.add(pageKey);
    }
  }

  return { listAgentSessions, iterateAgentSessions, raw };
}
