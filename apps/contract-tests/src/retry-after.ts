/**
 * Waiting out a provider's transient answers, shared by the live replay's recorder and the probe: a 429, or a
 * 502/503/504 from a gateway mid-deploy, is asked once more after its `Retry-After` before it counts.
 */

/** Statuses a provider's gateway answers in an outage blip: asked once more, and if still so, an outage (never drift). */
export const unavailableStatuses: ReadonlySet<number> = new Set([502, 503, 504]);

/** The wait when a transient answer names none. */
export const defaultRetryDelayMs = 1_000;

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
