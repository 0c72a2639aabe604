import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

interface SizeResult {
  name: string;
  passed: boolean;
  size: number;
  sizeLimit: number;
}

// The budgets live in .size-limit.json (8 kB for each API's client without validation, 8.5 kB for both, 15 kB
// with both APIs' validators); this runs them on the built dist as a test, so a regression fails CI, not only `pnpm bench`.
describe('bundle size (size-limit, min+gzip)', () => {
  it('keeps every budget, and each API’s client that does not validate responses under 8 kB', async () => {
    const result = await execa('size-limit', ['--json'], { cwd: packageDir, preferLocal: true, reject: false });
    const sizes = JSON.parse(result.stdout) as SizeResult[];
    for (const entry of sizes)
      expect(entry.size, `${entry.name}: ${entry.size} B > ${entry.sizeLimit} B`).toBeLessThanOrEqual(entry.sizeLimit);
    expect(result.exitCode, result.stderr).toBe(0);
    const plain = sizes.filter((entry) => entry.name.includes('without response validation'));
    expect(plain.map((entry) => [entry.name.split(' ')[0], entry.sizeLimit])).toEqual([
      ['@api-contracts/client/vectara', 8000],
      ['@api-contracts/client/verisoul', 8000],
    ]);
  }, 120_000);
});
