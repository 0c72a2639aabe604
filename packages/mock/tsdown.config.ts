import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  // A server: node:http, node:crypto.
  platform: 'node',
  // `.js`/`.d.ts` like the other packages (tsdown's default for node is `.mjs`); the package is ESM-only.
  fixedExtension: false,
  // Declarations file by file with Oxc (isolatedDeclarations: exports carry their types), not a TypeScript program:
  // a fraction of the CPU, and every pipeline of the end-to-end suites builds.
  dts: { oxc: true },
  // publint and attw check the packed package in the client's test/package.test.ts, once, not on every build.
});
