import { apis } from '@api-contracts/specs';
import { defineConfig } from 'tsdown';
import { buildEntries } from './scripts/entry-points.js';

export default defineConfig({
  // One entry point per API besides the root, so a consumer importing one API's client does not bundle the other's.
  // (scripts/entry-points.ts: one per spec under specs/).
  entry: buildEntries(apis),
  format: 'esm',
  platform: 'browser',
  // Declarations file by file with Oxc (isolatedDeclarations: exports carry their types), not a TypeScript program:
  // a fraction of the CPU, and every pipeline of the end-to-end suites builds.
  dts: { oxc: true },
  // publint and attw check the packed package in the client's test/package.test.ts, once, not on every build.
});
