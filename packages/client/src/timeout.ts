import { AbortError, ApiContractsError, NetworkError, type RequestTarget, TimeoutError } from './errors.js';

export interface Deadline {
  /** Aborted by the caller's signal or by the timer, whichever comes first, with this package's typed error as reason. */
  signal: AbortSignal;
  clear(): void;
}

/**
 * One request's deadline. A plain controller rather than AbortSignal.any/AbortSignal.timeout, so that the
 * timer and the caller's listener hold it strongly until `clear`. Its abort reason is the typed error
 * itself, which fetch and body reads reject with, so a timeout is a TimeoutError wherever it strikes.
 * The timer is unref'd so a pending one keeps no process alive.
 */
export function startTimeout(ms: number | false, caller: AbortSignal | undefined, target: RequestTarget): Deadline | undefined {
  if (ms === false) return undefined;
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(new AbortError(target));
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new TimeoutError(target, ms)), ms);
  (timer as { unref?: () => void }).unref?.();
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}

const deadlines = new WeakMap<Response, () => void>();

/** Keeps a response's deadline armed while its body is read; `settle` disarms it. */
export function holdDeadline(response: Response, deadline: Deadline | undefined): void {
  if (deadline) deadlines.set(response, deadline.clear);
}

/** Disarms the deadline of a response whose body has been read. Responses without one are ignored. */
export function settle(response: Response): void {
  deadlines.get(response)?.();
  deadlines.delete(response);
}

/** Maps whatever a fetch or a body read threw to this package's typed errors. */
export function requestFailure(error: unknown, target: RequestTarget, caller: AbortSignal | null | undefined): ApiContractsError {
  if (error instanceof ApiContractsError) return error;
  if (caller?.aborted) return new AbortError(target);
  return new NetworkError(target, { cause: error });
}
