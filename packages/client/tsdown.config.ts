import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'browser',
  dts: true,
  // Build fails when the package would not resolve for consumers.
  publint: true,
  attw: { profile: 'esm-only', level: 'error' },
});
