/**
 * What derives from the list of specs besides the generated modules: each API's entry points (written once,
 * when missing: a person may then add the names users reach for), one module of every API's response
 * validators by API (`@api-contracts/types/validators`, for tools that check any API's responses), and the
 * package's `exports`. A new spec needs no hand edit here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

const header = '// Generated from the list of specs by packages/types/scripts/generate.ts. Do not edit: run `pnpm generate`.\n';

const identifier = (api: string) => api.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

export function derivedFiles(apis: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const api of apis) {
    const entry = join(packageDir, 'src', `${api}.ts`);
    if (!existsSync(entry))
      files.set(
        entry,
        [
          `/** ${api}: the types generated from specs/${api}/openapi.yaml (written by the generator; add the names users reach for). */`,
          `export type { components, operations, paths } from './generated/${api}.js';`,
          `export { parameterRules, securitySchemes, servers } from './generated/${api}.js';`,
          '',
        ].join('\n'),
      );
    const validators = join(packageDir, 'src', `${api}-validators.ts`);
    if (!existsSync(validators))
      files.set(
        validators,
        [
          `/** The response validators of ${api}'s operations, compiled from specs/${api}/openapi.yaml at generate time. */`,
          `export { responseValidators } from './generated/${api}.validators.js';`,
          "export type { ResponseValidator, ResponseValidators, SchemaError } from './response-validator.js';",
          '',
        ].join('\n'),
      );
  }
  files.set(
    join(packageDir, 'src', 'generated', 'validators.ts'),
    [
      header,
      "import type { ResponseValidators } from '../response-validator.js';",
      ...apis.map((api) => `import { responseValidators as ${identifier(api)} } from './${api}.validators.js';`),
      '',
      "/** Every API's response validators, by API (its folder under specs/). */",
      `export const responseValidatorsOf: Readonly<Record<${apis.map((api) => `'${api}'`).join(' | ')}, ResponseValidators>> = { ${apis
        .map((api) => (identifier(api) === api ? api : `'${api}': ${identifier(api)}`))
        .join(', ')} };`,
      '',
    ].join('\n'),
  );
  const manifestFile = join(packageDir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  const exportOf = (name: string) => ({ types: `./dist/${name}.d.ts`, import: `./dist/${name}.js` });
  manifest.exports = {
    ...Object.fromEntries(
      apis.flatMap((api) => [
        [`./${api}`, exportOf(api)],
        [`./${api}/validators`, exportOf(`${api}/validators`)],
      ]),
    ),
    './validators': exportOf('validators'),
    './package.json': './package.json',
  };
  files.set(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}

/** tsdown's entry points: each API's types and validators, and every API's validators by API. */
export function buildEntries(apis: readonly string[]): Record<string, string> {
  return {
    ...Object.fromEntries(
      apis.flatMap((api) => [
        [api, `src/${api}.ts`],
        [`${api}/validators`, `src/${api}-validators.ts`],
      ]),
    ),
    validators: 'src/validators.ts',
  };
}
