import { defineConfig } from 'tsdown';

export default defineConfig({
  // Each validators module its own entry point, so a bundle that does not import it does not carry it.
  entry: {
    verisoul: 'src/verisoul.ts',
    vectara: 'src/vectara.ts',
    'verisoul/validators': 'src/verisoul-validators.ts',
    'vectara/validators': 'src/vectara-validators.ts',
  },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  // Build fails when the package would not resolve for consumers.
  publint: true,
  attw: { profile: 'esm-only', level: 'error' },
});
