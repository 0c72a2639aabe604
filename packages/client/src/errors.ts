/**
 * Every error the clients throw. None of them holds the API key, the OAuth client secret, a token,
 * a Request or request headers, so printing, logging or serialising an error can never leak a secret.
 * `ApiError` lives in api-error.ts, `ContractDriftError` in drift.ts.
 */

/** Base class: `instanceof ApiContractsError` catches every error of this package. */
export class ApiContractsError extends Error {
  override name = 'ApiContractsError';
}

export type ValidationRule =
  | 'required'
  | 'oneOf'
  | 'type'
  | 'format'
  | 'pattern'
  | 'minimum'
  | 'maximum'
  | 'minLength'
  | 'maxLength'
  | 'path-segment';

/** Input refused before any request was sent. `field` is the spec's name for it; `rule` the rule broken. */
export class ValidationError extends ApiContractsError {
  override name = 'ValidationError';
  constructor(
    readonly field: string,
    readonly rule: ValidationRule,
    detail: string,
  ) {
    super(`Invalid ${field}: ${detail} (rule: ${rule})`);
  }
}

/** Where a request went: its URL, and the spec operation when a client method sent it (not for `raw` calls). */
export interface RequestTarget {
  url: string;
  operation?: string | undefined;
}

/** A request that got no usable HTTP response: it names where the request went and, when a client method sent it, the operation. */
export class RequestError extends ApiContractsError {
  override name = 'RequestError';
  readonly url: string;
  readonly operation: string | undefined;
  constructor(target: RequestTarget, what: string, options?: { cause: unknown }) {
    super(`${target.operation ? `${target.operation}: request to` : 'Request to'} ${target.url} ${what}`, options);
    this.url = target.url;
    this.operation = target.operation;
  }
}

/** A single request took longer than `timeoutMs`. */
export class TimeoutError extends RequestError {
  override name = 'TimeoutError';
  constructor(
    target: RequestTarget,
    readonly timeoutMs: number,
  ) {
    super(target, `timed out after ${timeoutMs} ms`);
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends RequestError {
  override name = 'AbortError';
  constructor(target: RequestTarget) {
    super(target, 'was aborted by the caller');
  }
}

/** The request never got a whole HTTP response (DNS, refused connection, reset socket...). */
export class NetworkError extends RequestError {
  override name = 'NetworkError';
  constructor(target: RequestTarget, options: { cause: unknown }) {
    super(target, `failed before a response: ${describe(options.cause)}`, options);
  }
}

/** A 2xx response whose body is not the JSON the spec promises. */
export class UnparseableBodyError extends ApiContractsError {
  override name = 'UnparseableBodyError';
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly contentType: string | null,
    options: { cause: unknown },
  ) {
    super(`${operation}: HTTP ${status} body (content-type ${contentType ?? 'none'}) is not valid JSON`, options);
  }
}

/** The provider sent a `page_key` it had already sent: following it would loop for ever. */
export class PaginationError extends ApiContractsError {
  override name = 'PaginationError';
  constructor(
    readonly pageKey: string,
    readonly page: number,
  ) {
    super(`Pagination loop: page ${page} returned page_key ${JSON.stringify(pageKey)}, which an earlier page already returned`);
  }
}

/**
 * No OAuth token could be obtained: the token endpoint refused the client credentials, answered
 * without a token, or could not be reached. Carries the token URL (without any user info) and the
 * status, never the client secret, a token or the endpoint's body.
 */
export class AuthenticationError extends ApiContractsError {
  override name = 'AuthenticationError';
  constructor(
    readonly tokenUrl: string,
    /** The token endpoint's HTTP status; undefined when it gave no response. */
    readonly status: number | undefined,
    /** The OAuth error code of RFC 6749 section 5.2 (`invalid_client`...) when the endpoint sent one, or what was wrong. */
    readonly reason: string,
    options?: { cause: unknown },
  ) {
    super(`OAuth token request to ${tokenUrl} failed${status === undefined ? '' : ` with HTTP ${status}`}: ${reason}`, options);
  }
}

/** An error's message, with its cause's message when it has one. */
export function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
  return `${cause.message}${inner}`;
}
