import { ApiError } from './api-error.js';
import type { DriftCheck } from './drift.js';
import { UnparseableBodyError } from './errors.js';
import { redact } from './redact.js';
import { requestFailure, settle } from './timeout.js';

/** What an openapi-fetch call made with `parseAs: 'stream'` resolves to. */
export interface RawResult {
  error?: unknown;
  response: Response;
}

export interface CallContext {
  signal: AbortSignal | undefined;
  /** The secrets in use, kept out of an ApiError built from the provider's body. */
  secrets(): string[];
  /** Checks each body against the spec, when the client opted in. */
  checkDrift: DriftCheck | undefined;
}

/**
 * Runs one openapi-fetch call and returns the parsed 2xx body. The body is read and parsed here rather
 * than by openapi-fetch so that a read that fails is a typed error naming URL and operation, a body that
 * is not JSON an UnparseableBodyError carrying the status, and a non-2xx response an ApiError.
 */
export async function expectJson<T>(operation: string, call: () => Promise<RawResult>, context: CallContext): Promise<T> {
  // The operation's fetch throws only typed errors (see resilient-fetch.ts), and reads non-2xx bodies itself.
  const { response, error } = await call();
  if (!response.ok) {
    const failure = apiError(operation, response, error, context.secrets());
    context.checkDrift?.(operation, response.status, error, failure);
    throw failure;
  }
  let text: string;
  try {
    text = await response.text();
  } catch (failure) {
    throw requestFailure(failure, { url: response.url, operation }, context.signal);
  } finally {
    settle(response);
  }
  let data: T;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new UnparseableBodyError(operation, response.status, response.headers.get('content-type'), { cause });
  }
  context.checkDrift?.(operation, response.status, data);
  return data;
}

function apiError(operation: string, response: Response, providerBody: unknown, secrets: string[]): ApiError {
  const body = redact(providerBody, secrets);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  // Vectara sends `messages`, Verisoul one `message`.
  const messages = Array.isArray(fields.messages) ? fields.messages.filter((item): item is string => typeof item === 'string') : [];
  if (messages.length === 0 && text(fields.message)) messages.push(fields.message as string);
  return new ApiError({
    operation,
    status: response.status,
    messages,
    requestId: text(fields.request_id) ?? redact(text(response.headers.get('x-request-id')), secrets),
    id: response.status === 404 ? text(fields.id) : undefined,
    body,
    fallback: (typeof body === 'string' ? body.slice(0, 200) : '') || response.statusText,
  });
}
