/**
 * The environment for every command the test runs: this process's, without the npm_* / pnpm_* variables a
 * package manager's `run` exports (npm_config_registry, npm_config_omit_lockfile_registry_resolved, ...).
 * Those would override the .npmrc files the test writes, and differ between `pnpm test`, turbo and a bare
 * vitest; without them each command reads its config from the .npmrc files alone, as on a developer's machine.
 */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !/^(npm_|pnpm_|INIT_CWD$)/i.test(entry[0]),
  );
  return { ...Object.fromEntries(inherited), ...extra };
}
