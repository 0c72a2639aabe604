import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const dist = new URL('../dist/', import.meta.url);

/** The text of a built entry point and of every chunk it imports, transitively. */
async function bundled(entry: string, seen = new Set<string>()): Promise<string> {
  if (seen.has(entry)) return '';
  seen.add(entry);
  const text = await readFile(new URL(entry, dist), 'utf8');
  const chunks = [...text.matchAll(/from "\.\/([^"]+)"/g)].map((match) => match[1] as string);
  return [text, ...(await Promise.all(chunks.map((chunk) => bundled(chunk, seen))))].join('\n');
}

// Runs on the build (turbo's test task depends on it), as a consumer's bundler would see the package.
describe('one entry point per API', () => {
  it('@api-contracts/client/verisoul carries nothing of Vectara, OAuth included', async () => {
    const code = await bundled('verisoul.js');
    expect(code).toContain('createVerisoulClient');
    expect(code).not.toMatch(/createVectaraClient|@api-contracts\/types\/vectara|grant_type/);
  });

  it('@api-contracts/client/vectara carries nothing of Verisoul', async () => {
    const code = await bundled('vectara.js');
    expect(code).toContain('createVectaraClient');
    expect(code).not.toMatch(/createVerisoulClient|@api-contracts\/types\/verisoul/);
  });

  it('the root re-exports both', async () => {
    // The built root, as a consumer imports it (a path in a variable: typecheck runs before the build).
    const built = '../dist/index.js';
    const root: Record<string, unknown> = await import(built);
    expect(Object.keys(root)).toEqual(expect.arrayContaining(['createVectaraClient', 'createVerisoulClient', 'isApiError']));
  });
});
