import { defineConfig } from 'vitest/config';

// One file, steps in order, one registry. Each command and request has its own guard (test/support/command.ts,
// verdaccio.ts) that fails naming what hung and what it printed; vitest's own timeouts sit far above the sum of
// a hook's guards, so a step that is merely slow (a busy CI machine) never ends in a bare "timed out".
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], fileParallelism: false, testTimeout: 3_600_000, hookTimeout: 3_600_000 },
});
