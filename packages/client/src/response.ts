import { ApiError, UnparseableBodyError } from './errors.js';
import { requestFailure, settle } from './transport.js';

interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Runs one openapi-fetch call made with `parseAs: 'text'` and returns the parsed 2xx body.
 * The body is parsed here rather than by openapi-fetch so that a body that is not JSON becomes an
 * UnparseableBodyError carrying the status, and a non-2xx response becomes an ApiError.
 */
export async function expectJson<T>(
  operation: string,
  call: () => Promise<RawResult>,
  context: { signal: AbortSignal | undefined; timeoutMs: number | false },
): Promise<T> {
  let result: RawResult;
  try {
    result = await call();
  } catch (error) {
    // Errors while reading the body (timeout, abort, reset) arrive here rather than from fetch.
    throw requestFailure(error, operation, context.signal, undefined, context.timeoutMs);
  }
  const { response } = result;
  settle(response);
  if (!response.ok) throw apiError(operation, response, result.error);
  try {
    return JSON.parse(String(result.data ?? '')) as T;
  } catch (cause) {
    throw new UnparseableBodyError(operation, response.status, response.headers.get('content-type'), { cause });
  }
}

function apiError(operation: string, response: Response, body: unknown): ApiError {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const messages = Array.isArray(fields.messages) ? fields.messages : [];
  const code = text(fields.code) ?? text(fields.error_code);
  const requestId = text(fields.request_id) ?? text(response.headers.get('x-request-id'));
  return new ApiError({
    operation,
    status: response.status,
    ...(code && { code }),
    ...(requestId && { requestId }),
    body,
    message: text(fields.message) ?? text(messages[0]) ?? (typeof body === 'string' ? body.slice(0, 200) : '') ?? response.statusText,
  });
}
