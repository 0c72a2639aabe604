import { defineConfig } from 'vitest/config';

// Files share their worker and its imported modules (isolate: false): no file keeps state another reads.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, isolate: false },
});
