/**
 * What derives from the list of specs besides each API's generated client: the root entry point (every API),
 * each API's entry point (written once, when missing: a person may then re-export the type names users reach
 * for), the package's `exports`, and a size budget per API entry point (added when missing; a budget set by
 * hand stays). A new spec needs no hand edit here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

export function derivedFiles(apis: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    join(packageDir, 'src', 'index.ts'),
    [
      '// Generated from the list of specs by packages/client/scripts/generate.ts. Do not edit: run `pnpm generate`.',
      '/**',
      " * Every API's client. Each API also has an entry point of its own (`@api-contracts/client/<api>`); a bundler",
      ' * keeps only what is imported from here either way (`sideEffects: false`).',
      ' */',
      '',
      ...[...apis].sort().map((api) => `export * from './${api}.js';`),
      '',
    ].join('\n'),
  );
  for (const api of apis) {
    const entry = join(packageDir, 'src', `${api}.ts`);
    if (!existsSync(entry))
      files.set(
        entry,
        [
          `/** \`@api-contracts/client/${api}\`: the ${api} client (generated from specs/${api}/openapi.yaml) and what every client shares. */`,
          "export * from './common.js';",
          `export * from './generated/${api}.js';`,
          '',
        ].join('\n'),
      );
  }
  const manifestFile = join(packageDir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  const exportOf = (name: string) => ({ types: `./dist/${name}.d.ts`, import: `./dist/${name}.js` });
  manifest.exports = {
    '.': exportOf('index'),
    ...Object.fromEntries([...apis].sort().map((api) => [`./${api}`, exportOf(api)])),
    './package.json': './package.json',
  };
  files.set(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

  const budgetsFile = join(packageDir, '.size-limit.json');
  const budgets = JSON.parse(readFileSync(budgetsFile, 'utf8')) as { path: string }[];
  const missing = apis.filter((api) => !budgets.some((budget) => budget.path === `dist/${api}.js`));
  if (missing.length > 0) {
    const added = missing.map((api) => ({
      name: `@api-contracts/client/${api} without response validation: the ${api} client alone, every export (min+gzip)`,
      path: `dist/${api}.js`,
      import: '*',
      gzip: true,
      limit: '8 kB',
    }));
    files.set(budgetsFile, `${JSON.stringify([...budgets, ...added], null, 2)}\n`);
  }
  return files;
}

/** tsdown's entry points: the root and one per API. */
export function buildEntries(apis: readonly string[]): Record<string, string> {
  return { index: 'src/index.ts', ...Object.fromEntries(apis.map((api) => [api, `src/${api}.ts`])) };
}
