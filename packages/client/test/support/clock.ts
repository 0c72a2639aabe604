import { vi } from 'vitest';

// Captured when this module loads, before any test fakes setTimeout: polling must run on the real clock.
// (vi.waitFor would advance a faked clock itself, firing the very timers a test holds back.)
const realSetTimeout = globalThis.setTimeout;

/** Resolves once `condition()` holds, polling on the real clock every 5 ms. */
export async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await pause();
}

/** A few real milliseconds, whatever the test did to setTimeout. */
export const pause = () => new Promise((resolve) => realSetTimeout(resolve, 5));

/**
 * Fakes setTimeout alone: sockets and intervals stay real, and a request's timer fires when the test advances
 * the clock, after the event it waits for, however slowly a busy machine got there. Undo with vi.useRealTimers().
 */
export function fakeTimeouts(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}
