export type { AgentSession, ListAgentSessionsResponse, VectaraError, VectaraErrorCode } from '@api-contracts/types/vectara';
export type { AccountError, AccountSessionsResponse } from '@api-contracts/types/verisoul';
export {
  AbortError,
  ApiContractsError,
  ApiError,
  NetworkError,
  PaginationError,
  TimeoutError,
  UnparseableBodyError,
  ValidationError,
  type ValidationRule,
} from './errors.js';
export type { RetryOptions } from './retry.js';
export type { TransportOptions } from './transport.js';
export {
  createVectaraClient,
  type IterateAgentSessionsOptions,
  type ListAgentSessionsOptions,
  type VectaraClient,
  type VectaraClientOptions,
} from './vectara.js';
export { createVerisoulClient, type VerisoulClient, type VerisoulClientOptions, type VerisoulEnvironment } from './verisoul.js';
