import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  // A server: node:http, node:crypto.
  platform: 'node',
  // `.js`/`.d.ts` like the other packages (tsdown's default for node is `.mjs`); the package is ESM-only.
  fixedExtension: false,
  dts: true,
  // publint and attw check the packed package in the client's test/package.test.ts, once, not on every build.
});
