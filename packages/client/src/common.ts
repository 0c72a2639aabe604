/** What every API's entry point exports: the errors the clients throw and the options they share. */
export { ApiError, type ApiOperation, type ErrorBody, type ErrorStatus, isApiError } from './api-error.js';
export type { ApiKeyCredentials, OAuthCredentials } from './credentials.js';
export {
  ContractDriftError,
  type DriftMismatch,
  type DriftReport,
  type ResponseValidation,
  type ResponseValidationSettings,
} from './drift.js';
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
export type { ServerChoice } from './operation-types.js';
export type { RetryOptions } from './retry.js';
export type { TransportOptions } from './transport.js';
