import type { AgentSession, ListAgentSessionsResponse, paths } from '@api-contracts/types/vectara';
import { parameterRules, securitySchemes, servers } from '@api-contracts/types/vectara';
import type { responseValidators } from '@api-contracts/types/vectara/validators';
import type { Client } from 'openapi-fetch';
import type { ApiKeyCredentials, OAuthCredentials } from './credentials.js';
import type { ResponseValidation } from './drift.js';
import { PaginationError } from './errors.js';
import { checkParameters } from './input.js';
import { createTransport, type TransportOptions } from './transport.js';

/** Transport options, exactly one of `apiKey` and `oauth`, and the opt-in check of responses against the spec. */
export type VectaraClientOptions = TransportOptions &
  (ApiKeyCredentials | OAuthCredentials) &
  ResponseValidation<typeof responseValidators>;

export interface ListAgentSessionsOptions {
  /** Sessions per page, 1..100 (the spec's bounds; the provider's default is 10). */
  limit?: number;
  /** `metadata.page_key` of the previous page. */
  pageKey?: string;
  /** A regular expression over session names and descriptions. */
  filter?: string;
  /** An SQL-WHERE-like expression over session metadata, e.g. `user_role = 'premium' AND tier >= 2` (at most 8,000 characters). */
  metadataFilter?: string;
  signal?: AbortSignal;
}

export type IterateAgentSessionsOptions = Omit<ListAgentSessionsOptions, 'pageKey'>;

export interface VectaraClient {
  /** One page of an agent's sessions. */
  listAgentSessions(agentKey: string, options?: ListAgentSessionsOptions): Promise<ListAgentSessionsResponse>;
  /** Every session of an agent, page after page, until a page comes back without `page_key`. */
  iterateAgentSessions(agentKey: string, options?: IterateAgentSessionsOptions): AsyncGenerator<AgentSession, void, undefined>;
  /** The underlying openapi-fetch client (credentials, timeout and retries included) for anything else. */
  raw: Client<paths>;
}

const operation = 'listAgentSessions';
// The spec's header for the time the provider should give a request: the client sends its own timeout in it.
const timeoutHeader = 'Request-Timeout-Millis' satisfies keyof (typeof parameterRules)[typeof operation];

export function createVectaraClient(options: VectaraClientOptions): VectaraClient {
  const { raw, call } = createTransport<paths>(options, {
    baseUrl: servers[0].url,
    oauthTokenUrl: securitySchemes.OAuth2.flows.clientCredentials.tokenUrl,
    timeoutHeader,
  });

  async function listAgentSessions(agentKey: string, { limit, pageKey, filter, metadataFilter, signal }: ListAgentSessionsOptions = {}) {
    const query = { limit, page_key: pageKey, filter, metadata_filter: metadataFilter };
    checkParameters(parameterRules.listAgentSessions, { agent_key: agentKey, ...query });
    return call<ListAgentSessionsResponse>(operation, signal, (fetch) =>
      raw.GET('/v2/agents/{agent_key}/sessions', { params: { path: { agent_key: agentKey }, query }, parseAs: 'stream', signal, fetch }),
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
