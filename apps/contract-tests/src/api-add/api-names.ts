/**
 * What names the APIs outside specs/index.js (which lists the folders itself): specs/index.d.ts's `Api` union and
 * the specs package's `exports` (one entry per spec: the map says exactly what consumers get, no wildcard).
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export function specFolders(root: string): string[] {
  const specs = join(root, 'specs');
  return readdirSync(specs, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(specs, entry.name, 'openapi.yaml')))
    .map((entry) => entry.name)
    .sort();
}

const unionLine = /^export type Api = [^;]*;$/m;

export async function writeApiNames(root: string): Promise<void> {
  const file = join(root, 'specs', 'index.d.ts');
  const text = await readFile(file, 'utf8');
  if (!unionLine.test(text)) throw new Error(`${file} has no \`export type Api = ...;\` line to rewrite`);
  const union = specFolders(root)
    .map((api) => `'${api}'`)
    .join(' | ');
  await writeFile(file, text.replace(unionLine, `export type Api = ${union};`));
}

/** specs/package.json's `exports`: `./<api>/openapi.yaml` for every spec, the rest as it is, in order. */
export async function writeSpecExports(root: string): Promise<void> {
  const file = join(root, 'specs', 'package.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { exports: Record<string, unknown> };
  const specExport = /^\.\/[^/]+\/openapi\.yaml$/;
  const entries = Object.entries(manifest.exports).filter(([key]) => !specExport.test(key));
  const at = entries.findIndex(([key]) => key === './package.json');
  const specs = specFolders(root)
    .reverse()
    .map((api) => [`./${api}/openapi.yaml`, `./${api}/openapi.yaml`] as [string, string]);
  entries.splice(at === -1 ? entries.length : at, 0, ...specs);
  manifest.exports = Object.fromEntries(entries);
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
