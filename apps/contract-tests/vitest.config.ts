import { defineConfig } from 'vitest/config';

// Tests of the app itself. Files run one at a time: each starts Prism processes, and the machine has 2 cores.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], fileParallelism: false, testTimeout: 120_000, hookTimeout: 60_000 },
});
