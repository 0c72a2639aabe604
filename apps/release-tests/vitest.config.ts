import { defineConfig } from 'vitest/config';

// One file, steps in order, one registry; clones, builds and installs take their time on 2 cores, and in CI
// every other suite runs beside them (a versioning step measured 71 s alone, over 180 s under that load).
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], fileParallelism: false, testTimeout: 600_000, hookTimeout: 600_000 },
});
