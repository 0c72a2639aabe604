import { defineConfig } from 'vitest/config';

// The type tests (test/**/*.test-d.ts) are compiled by the workspace's one tsc program (`pnpm typecheck`, a task
// of `pnpm test`), where a failed expectTypeOf is a type error: vitest's typecheck mode ran a second tsc for them.
// Files share their worker and its imported modules (isolate: false): no file keeps state another reads.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, isolate: false },
});
