import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));

describe('portability', () => {
  it('imports nothing Node-only, so the client runs in browsers too', async () => {
    const files = (await readdir(srcDir, { recursive: true })).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = await readFile(join(srcDir, file), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      expect(
        imports.filter((name) => name?.startsWith('node:') || ['fs', 'path', 'http', 'https', 'url', 'util'].includes(name ?? '')),
        file,
      ).toEqual([]);
      expect(source, file).not.toMatch(/\b(process|Buffer|require)\b[.(]/);
    }
  });
});
