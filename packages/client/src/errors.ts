/**
 * Every error the clients throw. None of them holds the API key, a Request or request headers,
 * so printing, logging or serialising an error can never leak the key.
 */

/** Base class: `instanceof ApiContractsError` catches every error of this package. */
export class ApiContractsError extends Error {
  override name = 'ApiContractsError';
}

export type ValidationRule = 'required' | 'type' | 'pattern' | 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'path-segment';

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

export interface ApiErrorDetails {
  operation: string;
  status: number;
  /** The provider's error code, e.g. `agent_not_found`, when its body carries one. */
  code?: string;
  /** The provider's request id, from the body or the `x-request-id` header. */
  requestId?: string;
  /** The response body, parsed as JSON when it is JSON, else the text. */
  body: unknown;
  message: string;
}

/** The provider answered with a non-2xx status (after any retries). */
export class ApiError extends ApiContractsError {
  override name = 'ApiError';
  readonly operation: string;
  readonly status: number;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;
  constructor(details: ApiErrorDetails) {
    const parts = [`${details.operation} failed with HTTP ${details.status}`, details.code, details.message].filter(Boolean);
    super(parts.join(': ') + (details.requestId ? ` (request id ${details.requestId})` : ''));
    this.operation = details.operation;
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.body = details.body;
  }
}

/** A single request took longer than `timeoutMs`. */
export class TimeoutError extends ApiContractsError {
  override name = 'TimeoutError';
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`Request to ${url} timed out after ${timeoutMs} ms`);
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends ApiContractsError {
  override name = 'AbortError';
  constructor(readonly url: string) {
    super(`Request to ${url} was aborted by the caller`);
  }
}

/** The request never got an HTTP response (DNS, refused connection, reset socket...). */
export class NetworkError extends ApiContractsError {
  override name = 'NetworkError';
  constructor(
    readonly url: string,
    options: { cause: unknown },
  ) {
    super(`Request to ${url} failed before a response: ${describe(options.cause)}`, options);
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

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
  return `${cause.message}${inner}`;
}
