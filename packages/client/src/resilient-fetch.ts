import { AbortError, type ApiContractsError, NetworkError, type RequestTarget } from './errors.js';
import { backoffDelay, parseRetryAfter, type RetryPolicy, sleep } from './retry.js';
import { holdDeadline, requestFailure, settle, startTimeout } from './timeout.js';

/** How requests prove who sends them, beyond headers fixed at creation (the API key rides in those). */
export interface Authenticator {
  /** Sets the credentials on `request` before each attempt (may fetch a token first). */
  authorize(request: Request, target: RequestTarget): Promise<void>;
  /** After a 401: obtains fresh credentials for `request`, which is then sent once more. */
  renew(request: Request, target: RequestTarget): Promise<void>;
}

/** The transport's settings, defaults resolved once by `createTransport`. */
export interface FetchSettings {
  send: typeof fetch;
  timeoutMs: number | false;
  policy: RetryPolicy;
  authenticator: Authenticator | undefined;
}

/**
 * Wraps `fetch` with what openapi-fetch leaves out: a per-request timeout that also follows the
 * caller's signal; retries of GET requests on network errors and retryable statuses, with full-jitter
 * backoff, Retry-After honoured, and both the attempts and the total wait bounded; credentials renewed
 * once on a 401. Failures surface as this package's typed errors naming the URL and `operation`.
 * The body of a final non-2xx response is read here, under the timeout, so that openapi-fetch's read
 * of it cannot fail untyped; a 2xx body is read by whoever called, who then calls `settle`.
 */
export function resilientFetch(settings: FetchSettings, operation?: string): (input: Request) => Promise<Response> {
  const { send, timeoutMs, policy, authenticator } = settings;
  const retryable = new Set(policy.statuses);

  return async (request) => {
    const caller = request.signal;
    const target = { url: request.url, operation };
    const attempts = request.method === 'GET' ? policy.maxAttempts : 1;
    let renewed = false;
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      if (authenticator) await untilAborted(authenticator.authorize(request, target), caller, target);
      const deadline = startTimeout(timeoutMs, caller, target);
      let response: Response | undefined;
      let failure: ApiContractsError | undefined;
      try {
        // The signal goes in init, never in a new Request: fetch follows a Request's signal through a weak
        // reference, and on Node 20 a collected link meant the abort never arrived.
        response = await send(request, { signal: deadline?.signal ?? caller });
        holdDeadline(response, deadline);
      } catch (error) {
        deadline?.clear();
        failure = requestFailure(error, target, caller);
      }
      // A renewed token is not a retry: it does not count against maxAttempts. Only a body-less request can be sent again.
      if (response?.status === 401 && authenticator && !renewed && request.body === null) {
        renewed = true;
        await discard(response);
        await untilAborted(authenticator.renew(request, target), caller, target);
        attempt--;
        continue;
      }
      const shouldRetry =
        attempt < attempts && (failure instanceof NetworkError || (response !== undefined && retryable.has(response.status)));
      const delay = shouldRetry ? (parseRetryAfter(response?.headers.get('retry-after') ?? null) ?? backoffDelay(policy, attempt)) : 0;
      if (!shouldRetry || waited + delay > policy.maxTotalWaitMs) {
        if (failure) throw failure;
        return finalResponse(response as Response, target, caller);
      }
      if (response) await discard(response);
      try {
        await sleep(delay, caller);
      } catch {
        throw new AbortError(target);
      }
      waited += delay;
    }
  };
}

/** Frees the connection of a response we drop. */
async function discard(response: Response): Promise<void> {
  settle(response);
  await response.body?.cancel().catch(() => {});
}

// Statuses whose Response may not carry a body, even an empty one.
const nullBodyStatuses = new Set([204, 205, 304]);

/** A 2xx response as it is; any other with its body read now, typed errors on failure, into a fresh Response. */
async function finalResponse(response: Response, target: RequestTarget, caller: AbortSignal): Promise<Response> {
  if (response.ok) return response;
  try {
    const body = await response.arrayBuffer();
    return new Response(nullBodyStatuses.has(response.status) ? null : body, response);
  } catch (error) {
    throw requestFailure(error, target, caller);
  } finally {
    settle(response);
  }
}

/** `promise`, or an AbortError as soon as the caller aborts: waiting on a shared token must not outlive the caller. */
function untilAborted<T>(promise: Promise<T>, caller: AbortSignal, target: RequestTarget): Promise<T> {
  if (caller.aborted) return Promise.reject(new AbortError(target));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new AbortError(target));
    caller.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => caller.removeEventListener('abort', onAbort));
  });
}
