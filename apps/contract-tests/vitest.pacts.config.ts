import { defineConfig } from 'vitest/config';

// The consumer tests: they drive @api-contracts/client against the Pact mock server and write pacts/.
export default defineConfig({
  test: { include: ['consumer/**/*.pact.test.ts'], fileParallelism: false, testTimeout: 30_000 },
});
