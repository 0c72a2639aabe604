// Generated from specs/vectara/openapi.yaml by packages/client/scripts/generate.ts. Do not edit: run `pnpm generate`.
import type { operations, paths } from '@api-contracts/types/vectara';
import { parameterRules, securitySchemes, servers } from '@api-contracts/types/vectara';
import type { responseValidators } from '@api-contracts/types/vectara/validators';
import type { Client } from 'openapi-fetch';
import type { ApiKeyCredentials, OAuthCredentials } from '../credentials.js';
import type { ResponseValidation } from '../drift.js';
import { checkParameters } from '../input.js';
import { oauthAuthenticator } from '../oauth.js';
import type { ParametersIn, SuccessBody } from '../operation-types.js';
import { iteratePages } from '../paging.js';
import { createTransport, type TransportOptions, type TransportSpec } from '../transport.js';

/** What the spec says about reaching the API: its server, its security, its timeout header. */
const transportSpec = {
  baseUrl: servers[0].url,
  apiKeyHeader: securitySchemes.ApiKeyAuth.name,
  oauth: { tokenUrl: securitySchemes.OAuth2.flows.clientCredentials.tokenUrl, authenticator: oauthAuthenticator },
  timeoutHeader: "Request-Timeout-Millis",
} satisfies TransportSpec;

/** How a client proves who it is, as the spec's `security` allows: exactly one of `apiKey` and `oauth`. */
export type VectaraCredentials = ApiKeyCredentials | OAuthCredentials;

type OptionsWith<Credentials> = TransportOptions &
  Credentials &
  ResponseValidation<typeof responseValidators>;

/** Transport options, credentials, and the opt-in check of responses against the spec. */
export type VectaraClientOptions = OptionsWith<VectaraCredentials>;

/** Query and header parameters of `listAgentSessions`, camel-cased, and the caller's `signal`. */
export interface ListAgentSessionsOptions {
  /** The maximum number of sessions to return in the list. */
  limit?: ParametersIn<operations["listAgentSessions"], 'query'>["limit"];
  /** Used to retrieve the next page of sessions after the limit has been reached. */
  pageKey?: ParametersIn<operations["listAgentSessions"], 'query'>["page_key"];
  /** The API will make a best effort to complete the request in the specified seconds or time out. */
  requestTimeout?: ParametersIn<operations["listAgentSessions"], 'header'>["Request-Timeout"];
  /** A regular expression against session names and descriptions to filter the results. */
  filter?: ParametersIn<operations["listAgentSessions"], 'query'>["filter"];
  /** A filter expression over the session's `metadata`, with a syntax similar to a SQL WHERE clause (the `metadata_filter` of query requests), e.g. `tier >= 2 AND region = 'us'`. */
  metadataFilter?: ParametersIn<operations["listAgentSessions"], 'query'>["metadata_filter"];
  signal?: AbortSignal;
}

/** `listAgentSessions`'s options but the cursor, which `iterateAgentSessions` fills page after page. */
export type IterateAgentSessionsOptions = Omit<ListAgentSessionsOptions, 'pageKey'>;

/** Query and header parameters of `getAgentSession`, camel-cased, and the caller's `signal`. */
export interface GetAgentSessionOptions {
  /** The API will make a best effort to complete the request in the specified seconds or time out. */
  requestTimeout?: ParametersIn<operations["getAgentSession"], 'header'>["Request-Timeout"];
  signal?: AbortSignal;
}

/** One method per operation of specs/vectara/openapi.yaml, named by its operationId. */
export interface VectaraClient {
  /** List agent sessions: `GET /v2/agents/{agent_key}/sessions`. */
  listAgentSessions(agentKey: ParametersIn<operations["listAgentSessions"], 'path'>["agent_key"], options?: ListAgentSessionsOptions): Promise<SuccessBody<operations["listAgentSessions"]>>;
  /** Every item of `listAgentSessions`, page after page (`page_key` from `metadata.page_key`), until a page carries no `page_key`. */
  iterateAgentSessions(agentKey: ParametersIn<operations["listAgentSessions"], 'path'>["agent_key"], options?: IterateAgentSessionsOptions): AsyncGenerator<NonNullable<SuccessBody<operations["listAgentSessions"]>["sessions"]>[number], void, undefined>;
  /** Get agent session: `GET /v2/agents/{agent_key}/sessions/{session_key}`. */
  getAgentSession(agentKey: ParametersIn<operations["getAgentSession"], 'path'>["agent_key"], sessionKey: ParametersIn<operations["getAgentSession"], 'path'>["session_key"], options?: GetAgentSessionOptions): Promise<SuccessBody<operations["getAgentSession"]>>;
  /** The underlying openapi-fetch client (credentials, timeout and retries included) for anything else. */
  raw: Client<paths>;
}

/** A client of every operation of specs/vectara/openapi.yaml, with an API key or OAuth client credentials. */
export function createVectaraClient(options: OptionsWith<ApiKeyCredentials>): VectaraClient;
export function createVectaraClient(options: OptionsWith<OAuthCredentials>): VectaraClient;
export function createVectaraClient(options: VectaraClientOptions): VectaraClient;
export function createVectaraClient(options: VectaraClientOptions): VectaraClient {
  const { raw, call } = createTransport<paths>(options, transportSpec);

  async function listAgentSessions(agentKey: ParametersIn<operations["listAgentSessions"], 'path'>["agent_key"], { limit, pageKey, requestTimeout, filter, metadataFilter, signal }: ListAgentSessionsOptions = {}) {
    const path = { agent_key: agentKey };
    const query = { limit, page_key: pageKey, filter, metadata_filter: metadataFilter };
    const header = { "Request-Timeout": requestTimeout };
    checkParameters(parameterRules.listAgentSessions, { ...path, ...query, ...header });
    return call<SuccessBody<operations["listAgentSessions"]>>("listAgentSessions", signal, (fetch) =>
      raw.GET("/v2/agents/{agent_key}/sessions", { params: { path, query, header }, parseAs: 'stream', signal, fetch }),
    );
  }

  function iterateAgentSessions(agentKey: ParametersIn<operations["listAgentSessions"], 'path'>["agent_key"], options: IterateAgentSessionsOptions = {}) {
    return iteratePages(
      (cursor) => listAgentSessions(agentKey, { ...options, ...(cursor !== undefined && { pageKey: cursor }) }),
      (page) => page.sessions,
      (page) => page.metadata?.page_key,
    );
  }

  async function getAgentSession(agentKey: ParametersIn<operations["getAgentSession"], 'path'>["agent_key"], sessionKey: ParametersIn<operations["getAgentSession"], 'path'>["session_key"], { requestTimeout, signal }: GetAgentSessionOptions = {}) {
    const path = { agent_key: agentKey, session_key: sessionKey };
    const header = { "Request-Timeout": requestTimeout };
    checkParameters(parameterRules.getAgentSession, { ...path, ...header });
    return call<SuccessBody<operations["getAgentSession"]>>("getAgentSession", signal, (fetch) =>
      raw.GET("/v2/agents/{agent_key}/sessions/{session_key}", { params: { path, header }, parseAs: 'stream', signal, fetch }),
    );
  }

  return { listAgentSessions, iterateAgentSessions, getAgentSession, raw };
}
