import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    // The timeout tests force garbage collection (see test/transport/timeout-and-abort.test.ts).
    execArgv: ['--expose-gc'],
    testTimeout: 20_000,
  },
});
