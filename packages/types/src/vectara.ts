/** Vectara `GET /v2/agents/{agent_key}/sessions`: the generated types and the names users reach for. */
import type { components, operations } from './generated/vectara.js';

export type { components, operations, paths } from './generated/vectara.js';
export { parameterRules, servers } from './generated/vectara.js';

/** One conversational session of an agent. */
export type AgentSession = components['schemas']['AgentSession'];
/** 200 body: a page of sessions and the pagination metadata. */
export type ListAgentSessionsResponse = components['schemas']['ListAgentSessionsResponse'];
/** Pagination metadata: `page_key` for the next page, absent on the last. */
export type ListMetadata = components['schemas']['ListMetadata'];
/** Body of every documented error response (400, 401, 403, 404, 429). */
export type VectaraError = components['schemas']['Error'];
/** The error codes the spec documents. */
export type VectaraErrorCode = VectaraError['code'];
/** Query parameters of `listAgentSessions`. */
export type ListAgentSessionsQuery = NonNullable<operations['listAgentSessions']['parameters']['query']>;
