/**
 * `CONTRACTS_PRISM_URLS`: Prism mocks of the specs that are already running, for the Prism route instead of the ones a
 * run starts (`verisoul=http://127.0.0.1:4010,vectara=http://127.0.0.1:4011`; an API not named gets its own). Prism's
 * start is most of a short run's cost (2 to 4 CPU-seconds): a mock kept up while iterating on pacts saves it each run,
 * and the contract suite's CLI runs share the suite's mocks this way. They must serve this checkout's specs, with
 * Prism's `--errors` as `startPrisms` runs it. Each named mock of a selected API must answer before anything is
 * verified: an unreachable one makes the run "could not run" (exit 2), never drift.
 */
import { type Api, apis as allApis } from '@api-contracts/specs';
import type { PrismServer } from './prism.js';

export const runningMocksVariable = 'CONTRACTS_PRISM_URLS';

/** A value of CONTRACTS_PRISM_URLS that breaks its rule, or a named mock that does not answer. */
export class RunningMocksError extends Error {}

/** The mocks CONTRACTS_PRISM_URLS names, by API; the rule of each entry is checked, nothing is contacted. */
export function parseRunningMocks(value: string | undefined): Map<Api, string> {
  const mocks = new Map<Api, string>();
  for (const [index, entry] of (value ?? '').split(',').map((text, at) => [at, text.trim()] as const)) {
    if (entry === '') continue;
    const at = entry.indexOf('=');
    const api = entry.slice(0, Math.max(at, 0)).trim();
    const url = entry.slice(at + 1).trim();
    // A URL may carry credentials: an entry is named by its place, never quoted.
    const fail = (rule: string) => new RunningMocksError(`${runningMocksVariable}, entry ${index + 1}: ${rule}`);
    if (at <= 0 || url === '') throw fail('expected api=url, entries separated by commas');
    if (!allApis.includes(api as Api)) throw fail(`unknown API "${api}" (expected ${allApis.join(' or ')})`);
    if (mocks.has(api as Api)) throw fail(`${api} is named twice`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw fail('the URL is not an absolute http(s) URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw fail('the URL is not an absolute http(s) URL');
    mocks.set(api as Api, url);
  }
  return mocks;
}

/**
 * The running mocks of `apis` that CONTRACTS_PRISM_URLS names, each checked to answer (any HTTP status: Prism answers
 * an unknown path with a 404). `timeoutMs` is a guard for a mock that accepts and never answers, not an estimate.
 */
export async function runningMocks(env: NodeJS.ProcessEnv, apis: readonly Api[], timeoutMs = 30_000): Promise<Map<Api, PrismServer>> {
  const named = parseRunningMocks(env[runningMocksVariable]);
  const servers = new Map<Api, PrismServer>();
  for (const api of apis) {
    const url = named.get(api);
    if (url === undefined) continue;
    const { origin, pathname } = new URL(url);
    const shown = `${origin}${pathname}`.replace(/\/$/, '');
    try {
      const answer = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      await answer.body?.cancel();
    } catch (error) {
      const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new RunningMocksError(`${runningMocksVariable}: the ${api} mock at ${shown} does not answer (${reason})`);
    }
    // Started by someone else, who stops it.
    servers.set(api, { url, startupMs: 0, stop: async () => {} });
  }
  return servers;
}
