import { defineConfig } from 'vitest/config';

// One file, steps in order, one registry; clones, builds and installs take their time on 2 cores.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], fileParallelism: false, testTimeout: 180_000, hookTimeout: 180_000 },
});
