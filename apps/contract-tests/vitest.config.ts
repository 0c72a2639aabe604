import { defineConfig } from 'vitest/config';

// Tests of the app itself. Each file in a fresh worker, whose Verifier process (test/support/shared-run.ts) its
// tests share; the Prism mocks are the whole run's (test/support/suite-prisms.ts, one start instead of one per
// file). Two files at a time: in `pnpm test` this is the longest suite, and one file at a time left a core idle
// for its last minute or two. (One worker for every file saved about 10 CPU-s; the lost request of billing-service's
// pact recording then blamed on it, in 2 of 4 CI runs, was most likely Pact's mock-server race: consumers.test.ts.)
// Hooks start shared runs (a CLI run several tests read), so they get the tests' guard. write-commands.test.ts has
// a config of its own.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/write-commands.test.ts', '**/node_modules/**'],
    globalSetup: ['test/support/suite-prisms.ts'],
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
