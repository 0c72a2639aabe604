/** Vectara `GET /v2/agents/{agent_key}/sessions`: the generated types and the names users reach for. */
import type { components, operations } from './generated/vectara.js';

export type { components, operations, paths } from './generated/vectara.js';
export { parameterRules, securitySchemes, servers } from './generated/vectara.js';

/** One conversational session of an agent. */
export type AgentSession = components['schemas']['AgentSession'];
/** Lifecycle status of a session. */
export type AgentSessionStatus = NonNullable<AgentSession['status']>;
/** 200 body: a page of sessions and the pagination metadata. */
export type ListAgentSessionsResponse = components['schemas']['ListAgentSessionsResponse'];
/** Pagination metadata: `page_key` for the next page, absent on the last. */
export type ListMetadata = components['schemas']['ListMetadata'];
/** Body of the 401, 403 and 429 responses: the provider's messages and request id. */
export type VectaraError = components['schemas']['Error'];
/** Body of a 404: the id that was not found, the messages and the request id. */
export type VectaraNotFoundError = components['schemas']['NotFoundError'];
/** Body of a 400: messages per request field, the messages and the request id. */
export type VectaraBadRequestError = components['schemas']['BadRequestError'];
/** Query parameters of `listAgentSessions`. */
export type ListAgentSessionsQuery = NonNullable<operations['listAgentSessions']['parameters']['query']>;
