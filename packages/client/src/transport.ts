import { AbortError, ApiContractsError, NetworkError, TimeoutError, ValidationError } from './errors.js';
import { backoffDelay, parseRetryAfter, type RetryOptions, retryPolicy, sleep } from './retry.js';

/** Options every client takes. */
export interface TransportOptions {
  /** Sent as `x-api-key` on every request. Never logged, never put in an error. */
  apiKey: string;
  /** Overrides the server taken from the spec. */
  baseUrl?: string;
  /** The fetch to send requests with. Default: globalThis.fetch. */
  fetch?: typeof fetch;
  /** Time limit of each HTTP request, body included. Default 10,000 ms; `false` for none. */
  timeoutMs?: number | false;
  /** Retry policy for GET requests, or `false` for a single attempt. */
  retry?: RetryOptions | false;
}

export function requireApiKey(apiKey: unknown): asserts apiKey is string {
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new ValidationError('apiKey', 'required', 'is required: pass the provider API key as `apiKey`');
  }
}

/**
 * Wraps `fetch` with what openapi-fetch leaves out: a per-request timeout that also follows the
 * caller's signal, and retries of GET requests on network errors and retryable statuses, with
 * full-jitter backoff, Retry-After honoured, and both the attempts and the total wait bounded.
 * Failures surface as this package's typed errors.
 */
export function resilientFetch(options: Pick<TransportOptions, 'fetch' | 'timeoutMs' | 'retry'>): typeof fetch {
  const send = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs === undefined ? 10_000 : options.timeoutMs;
  const policy = retryPolicy(options.retry);
  const retryable = new Set(policy.statuses);

  return async (input, init) => {
    // openapi-fetch hands over a ready Request; building another would cost a copy per call.
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const caller = request.signal;
    const attempts = request.method === 'GET' ? policy.maxAttempts : 1;
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const timeout = startTimeout(timeoutMs, caller);
      let response: Response | undefined;
      let failure: ApiContractsError | undefined;
      try {
        // The signal goes in init, never in a new Request: fetch follows a Request's signal through a weak
        // reference, and on Node 20 a collected link meant the abort never arrived.
        response = await send(request, { signal: timeout?.signal ?? caller });
      } catch (error) {
        timeout?.clear();
        failure = requestFailure(error, request.url, caller, timeout?.signal, timeoutMs);
      }
      // The timer stays armed while the body is read; whoever reads it calls `settle`.
      if (response && timeout) timeoutClearers.set(response, timeout.clear);
      const shouldRetry =
        attempt < attempts && (failure instanceof NetworkError || (response !== undefined && retryable.has(response.status)));
      if (!shouldRetry) {
        if (failure) throw failure;
        return response as Response;
      }
      const retryAfter = parseRetryAfter(response?.headers.get('retry-after') ?? null);
      const delay = retryAfter ?? backoffDelay(policy, attempt);
      if (waited + delay > policy.maxTotalWaitMs) {
        if (failure) throw failure;
        return response as Response;
      }
      // Free the connection of the response we are about to drop.
      if (response) settle(response);
      await response?.body?.cancel().catch(() => {});
      try {
        await sleep(delay, caller);
      } catch {
        throw new AbortError(request.url);
      }
      waited += delay;
    }
  };
}

const timeoutClearers = new WeakMap<Response, () => void>();

/** Disarms the timeout of a response whose body has been read. Responses without one are ignored. */
export function settle(response: Response): void {
  timeoutClearers.get(response)?.();
  timeoutClearers.delete(response);
}

/**
 * One attempt's signal: aborted by the caller's signal or by a timer, whichever comes first.
 * A plain controller rather than AbortSignal.any/AbortSignal.timeout, so that the timer and the
 * caller's listener hold it strongly until `clear`.
 * The timer is unref'd so a pending one keeps no process alive.
 */
function startTimeout(ms: number | false, caller: AbortSignal): { signal: AbortSignal; clear: () => void } | undefined {
  if (ms === false) return undefined;
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(caller.reason);
  if (caller.aborted) onCallerAbort();
  else caller.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new DOMException(`timed out after ${ms} ms`, 'TimeoutError')), ms);
  (timer as { unref?: () => void }).unref?.();
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      caller.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** Maps whatever a fetch or a body read threw to this package's typed errors. */
export function requestFailure(
  error: unknown,
  url: string,
  caller: AbortSignal | undefined,
  timeout: AbortSignal | undefined,
  timeoutMs: number | false,
): ApiContractsError {
  if (error instanceof ApiContractsError) return error;
  if (caller?.aborted) return new AbortError(url);
  if (timeout?.aborted || (error instanceof Error && error.name === 'TimeoutError')) return new TimeoutError(url, timeoutMs || 0);
  return new NetworkError(url, { cause: error });
}
