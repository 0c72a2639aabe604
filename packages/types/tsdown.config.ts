import { apis } from '@api-contracts/specs';
import { defineConfig } from 'tsdown';
import { buildEntries } from './scripts/entry-points.js';

export default defineConfig({
  // Each validators module its own entry point, so a bundle that does not import it does not carry it.
  // One per spec under specs/ (scripts/entry-points.ts).
  entry: buildEntries(apis),
  format: 'esm',
  platform: 'neutral',
  // Declarations file by file with Oxc (isolatedDeclarations: exports carry their types), not a TypeScript program:
  // a fraction of the CPU, and every pipeline of the end-to-end suites builds.
  dts: { oxc: true },
  // publint and attw check the packed package in the client's test/package.test.ts, once, not on every build.
});
