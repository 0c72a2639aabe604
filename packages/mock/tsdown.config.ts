import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  // A server: node:http, node:crypto.
  platform: 'node',
  // `.js`/`.d.ts` like the other packages (tsdown's default for node is `.mjs`); the package is ESM-only.
  fixedExtension: false,
  dts: true,
  // Build fails when the package would not resolve for consumers.
  publint: true,
  attw: { profile: 'esm-only', level: 'error' },
});
