import { defineConfig } from 'vitest/config';

// Tests of the app itself. Files run one at a time, in one worker (`isolate: false`): the machine has 2 cores, and
// the worker's modules, the Verifier process and the Prism mocks (test/support/shared-run.ts, stand-in.ts) are
// loaded or started once for the suite rather than once per file. Hooks start shared runs (a CLI run several
// tests read), so they get the tests' generous guard.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], fileParallelism: false, isolate: false, testTimeout: 120_000, hookTimeout: 120_000 },
});
