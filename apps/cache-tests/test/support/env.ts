/**
 * The environment for every command the test runs: this process's, without
 * - the npm_* / pnpm_* variables a package manager's `run` exports (they would override the clones' config), and
 * - every TURBO_* / VERCEL_* variable: an outer `turbo run test` exports TURBO_HASH and friends, and a CI runner
 *   may carry a real TURBO_API / TURBO_TOKEN / TURBO_REMOTE_CACHE_SIGNATURE_KEY. None may reach the clones' runs:
 *   each step sets exactly the remote-cache variables it is about.
 */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !/^(npm_|pnpm_|INIT_CWD$|TURBO_|VERCEL_)/i.test(entry[0]),
  );
  return {
    ...Object.fromEntries(inherited),
    CI: 'true',
    NO_COLOR: '1',
    TURBO_TELEMETRY_DISABLED: '1',
    TURBO_NO_UPDATE_NOTIFIER: '1',
    ...extra,
  };
}
