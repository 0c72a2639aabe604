import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageScript } from '../src/package-script.mjs';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'package-script-'));
  const scripts = { generate: 'node --import tsx/esm  scripts/generate.ts', chained: 'tsc && vitest run', quoted: "node -e 'x'" };
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'fixture', scripts }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('packageScript', () => {
  it("is the script's command and words, in the package's folder, its node_modules/.bin first on PATH", () => {
    const script = packageScript(dir, 'generate', { PATH: '/usr/bin', HOME: '/home/x' });
    expect(script).toEqual({
      command: 'node',
      args: ['--import', 'tsx/esm', 'scripts/generate.ts'],
      cwd: dir,
      env: { PATH: [join(dir, 'node_modules', '.bin'), '/usr/bin'].join(delimiter), HOME: '/home/x' },
    });
  });

  it('names the manifest and the script when there is no such script', () => {
    expect(() => packageScript(dir, 'build', {})).toThrow(`${join(dir, 'package.json')} has no script "build"`);
  });

  it('refuses a script that needs a shell rather than guess what it means', () => {
    expect(() => packageScript(dir, 'chained', {})).toThrow('script "chained" of');
    expect(() => packageScript(dir, 'quoted', {})).toThrow('is not one plain command');
  });
});
