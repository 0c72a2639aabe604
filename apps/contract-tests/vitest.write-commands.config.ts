import { defineConfig } from 'vitest/config';

// `pnpm test:write-commands`: capture and api:add end to end in a copy of the repository, a turbo task of its own
// (it runs beside the rest of the suite). Its one stand-in's Prism starts in the file, beside the copy's install.
export default defineConfig({
  test: {
    include: ['test/write-commands.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
