import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/verisoul.ts', 'src/vectara.ts'],
  format: 'esm',
  platform: 'neutral',
  dts: true,
  // Build fails when the package would not resolve for consumers.
  publint: true,
  attw: { profile: 'esm-only', level: 'error' },
});
