/** Retry policy for idempotent requests. Every bound is configurable; `retry: false` turns retries off. */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number;
  /** First backoff step; doubles on each retry. Default 200 ms. */
  baseDelayMs?: number;
  /** Cap on one backoff step. Default 5,000 ms. */
  maxDelayMs?: number;
  /** Cap on the time spent waiting between attempts, Retry-After included. Default 15,000 ms. */
  maxTotalWaitMs?: number;
  /** Statuses worth another try. Default 429, 502, 503, 504. */
  statuses?: readonly number[];
}

export type RetryPolicy = Required<RetryOptions>;

export function retryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  const defaults: RetryPolicy = {
    maxAttempts: 3,
    baseDelayMs: 200,
    maxDelayMs: 5_000,
    maxTotalWaitMs: 15_000,
    statuses: [429, 502, 503, 504],
  };
  return options === false ? { ...defaults, maxAttempts: 1 } : { ...defaults, ...options };
}

/** Full-jitter exponential backoff: a random wait in [0, min(maxDelay, base * 2^(retry-1))). */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1)));
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
