import { defineConfig } from 'vitest/config';

// Tests of the app itself. Files run one at a time (the machine has 2 cores); each file in a fresh worker, whose
// Verifier process and Prism mocks (test/support/shared-run.ts, stand-in.ts) its tests share. One worker for every
// file saved about 10 CPU-s but let one file's HTTP state reach another (billing-service's pact recording lost a
// request in 2 of 4 CI runs). Hooks start shared runs (a CLI run several tests read), so they get the tests' guard.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], fileParallelism: false, testTimeout: 120_000, hookTimeout: 120_000 },
});
