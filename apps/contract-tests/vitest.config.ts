import { defineConfig } from 'vitest/config';

// Tests of the app itself. Two workers, each running file after file with the modules it imported kept
// (isolate: false, about 28 CPU-s less than a fresh worker per file) and one Verifier process
// (test/support/shared-run.ts) for all of them; the Prism mocks are the whole run's (test/support/suite-prisms.ts).
// No file keeps state another reads: servers and temp folders are each file's, closed in its afterAll. Two files at
// a time: in `pnpm test` this is the longest suite, and one at a time left a core idle for its last minute or two.
// Hooks start shared runs (a CLI run several tests read), so they get the tests' guard. write-commands.test.ts has
// a config of its own.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/write-commands.test.ts', '**/node_modules/**'],
    globalSetup: ['test/support/suite-prisms.ts'],
    maxWorkers: 2,
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
