/**
 * `@api-contracts/client/vectara`: the Vectara client (generated from specs/vectara/openapi.yaml into
 * src/generated/vectara.ts) and what every client shares, without the Verisoul client.
 */
export type {
  AgentSession,
  AgentSessionStatus,
  ListAgentSessionsResponse,
  VectaraBadRequestError,
  VectaraError,
  VectaraNotFoundError,
} from '@api-contracts/types/vectara';
export * from './common.js';
export * from './generated/vectara.js';
