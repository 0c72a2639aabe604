import { defineConfig } from 'vitest/config';

// Files share their worker and its imported modules (isolate: false): no file keeps state another reads. Hooks get
// the tests' guard: the lint test's one Spectral run is its beforeAll (vitest's 10 s default failed once on a busy run).
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, isolate: false },
});
