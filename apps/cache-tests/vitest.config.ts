import { defineConfig } from 'vitest/config';

// One file, steps in order, one cache server; clones and cold pipeline runs take their time on 2 cores.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], fileParallelism: false, testTimeout: 180_000, hookTimeout: 180_000 },
});
