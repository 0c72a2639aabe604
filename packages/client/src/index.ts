export type {
  AgentSession,
  AgentSessionStatus,
  ListAgentSessionsResponse,
  VectaraBadRequestError,
  VectaraError,
  VectaraNotFoundError,
} from '@api-contracts/types/vectara';
export type { AccountError, AccountSessionsResponse } from '@api-contracts/types/verisoul';
export { ApiError, type ApiOperation, type ErrorBody, type ErrorStatus, isApiError } from './api-error.js';
export type { ApiKeyCredentials, OAuthCredentials } from './credentials.js';
export { ContractDriftError, type DriftMismatch, type DriftReport, type ResponseValidation } from './drift.js';
export {
  AbortError,
  ApiContractsError,
  AuthenticationError,
  NetworkError,
  PaginationError,
  RequestError,
  type RequestTarget,
  TimeoutError,
  UnparseableBodyError,
  ValidationError,
  type ValidationRule,
} from './errors.js';
export type { OAuthClientCredentials } from './oauth.js';
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
