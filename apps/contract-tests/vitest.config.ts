import { defineConfig } from 'vitest/config';

// Tests of the app itself. Each file in a fresh worker, whose Verifier process and Prism mocks
// (test/support/shared-run.ts, stand-in.ts) its tests share; two files at a time: in `pnpm test` this is the
// longest suite, and one file at a time left a core idle for its last minute or two. (One worker for every file
// saved about 10 CPU-s but let one file's HTTP state reach another: billing-service's pact recording lost a
// request in 2 of 4 CI runs.) Hooks start shared runs (a CLI run several tests read), so they get the tests' guard.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], maxWorkers: 2, testTimeout: 120_000, hookTimeout: 120_000 },
});
