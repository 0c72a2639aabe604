import { defineConfig } from 'vitest/config';

// The type tests (test/**/*.test-d.ts) are compiled by the workspace's one tsc program (`pnpm typecheck`, a task
// of `pnpm test`), where a failed expectTypeOf is a type error: vitest's typecheck mode ran a second tsc for them.
// Files share their worker and its imported modules (isolate: false): a fresh module graph per file cost 0.7 CPU-s
// a file. No file keeps state another reads; faked timers are restored after each test (afterEach).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The timeout tests force garbage collection (see test/transport/timeout-and-abort.test.ts).
    execArgv: ['--expose-gc'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    isolate: false,
  },
});
