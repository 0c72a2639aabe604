import { defineConfig } from 'vitest/config';

// One file, steps in order, one cache server; clones and cold pipeline runs take their time on 2 cores, and in
// CI every other suite runs beside them: bounds for a busy machine, not a speed target.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], fileParallelism: false, testTimeout: 600_000, hookTimeout: 600_000 },
});
