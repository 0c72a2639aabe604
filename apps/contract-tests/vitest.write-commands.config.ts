import { defineConfig } from 'vitest/config';

// `pnpm test:write-commands`: capture and api:add end to end in a copy of the repository, a turbo task of its own
// (it runs beside the rest of the suite). It needs the stand-ins' Prism only (test/support/stand-in-prisms.ts).
export default defineConfig({
  test: {
    include: ['test/write-commands.test.ts'],
    globalSetup: ['test/support/stand-in-prisms.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
