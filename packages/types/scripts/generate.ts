/**
 * Generates src/generated/<api>.ts from specs/<api>/openapi.yaml:
 *   - the openapi-typescript output (paths, components, operations), and
 *   - `servers`: the spec's servers,
 *   - `securitySchemes`: the spec's security schemes (the client reads the OAuth2 token URL from them), and
 *   - `parameterRules`: each operation's parameter constraints (in, required, type, pattern,
 *     minimum, maximum, minLength, maxLength) read from the spec, so the client validates input by the spec's rules;
 * and src/generated/<api>.validators.ts: each operation's response validators, ajv standalone code (see validators.ts);
 * and what derives from the list of specs (see entry-points.ts): entry points, validators by API, `exports`.
 *
 * `node --import tsx/esm scripts/generate.ts` (`pnpm generate`) writes the files; `--check` writes nothing and exits 1 with a diff
 * when the committed files differ from a fresh generation. `--specs DIR` reads the specs from DIR.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { apis, deref, loadSpec, type OpenApiDocument, specPath } from '@api-contracts/specs';
import { createTwoFilesPatch } from 'diff';
import { derivedFiles } from './entry-points.js';
import { validatorsModule } from './validators.js';

// openapi-typescript's CommonJS build, required rather than imported: imported, Node scans the 9 MB typescript.js
// it requires for named exports (cjs-module-lexer), about half a CPU-second of every run.
const { default: openapiTS, astToString } = createRequire(import.meta.url)('openapi-typescript') as typeof import('openapi-typescript');

const generatedDir = fileURLToPath(new URL('../src/generated/', import.meta.url));

const header = (api: string) =>
  `// Generated from specs/${api}/openapi.yaml by packages/types/scripts/generate.ts. Do not edit: run \`pnpm generate\`.\n`;

const ruleKeys = ['in', 'required', 'type', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength'] as const;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Record<string, unknown>;
}

function parameterRules(spec: OpenApiDocument) {
  const rules: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const item of Object.values<Record<string, { operationId: string; parameters?: Parameter[] }>>(spec.paths)) {
    for (const operation of Object.values(item)) {
      const byName: Record<string, Record<string, unknown>> = {};
      for (const parameterOrRef of operation.parameters ?? []) {
        // Parameters and their schemas may be `$ref`s into components: the rules are those of the target.
        const parameter: Parameter = deref(spec, parameterOrRef);
        const schema = deref(spec, parameter.schema);
        const source: Record<string, unknown> = { ...schema, in: parameter.in, required: parameter.required === true };
        byName[parameter.name] = Object.fromEntries(ruleKeys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
      }
      rules[operation.operationId] = byName;
    }
  }
  return rules;
}

/** The generated files, by absolute path, without touching the disk. `specsRoot` holds `<api>/openapi.yaml`. */
export async function generate(specsRoot?: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const api of apis) {
    const types = astToString(await openapiTS(pathToFileURL(specPath(api, specsRoot))));
    const spec = loadSpec(api, specsRoot);
    const rulesSource = [
      '',
      '/** The servers the spec declares, in its order. */',
      `export const servers = ${JSON.stringify(spec.servers, null, 2)} as const;`,
      '',
      '/** The security schemes the spec declares: how a request proves who sends it. */',
      `export const securitySchemes = ${JSON.stringify(spec.components?.securitySchemes ?? {}, null, 2)} as const;`,
      '',
      '/** Parameter constraints of each operation, read from the spec: the client validates input by these. */',
      `export const parameterRules = ${JSON.stringify(parameterRules(spec), null, 2)} as const;`,
      '',
    ].join('\n');
    files.set(join(generatedDir, `${api}.ts`), `${header(api)}\n${types}${rulesSource}`);
    files.set(join(generatedDir, `${api}.validators.ts`), validatorsModule(spec, header(api)));
  }
  for (const [file, content] of derivedFiles(apis)) files.set(file, content);
  return files;
}

/** Files whose committed content differs from a fresh generation, with a line diff of each. */
export async function staleFiles(specsRoot?: string): Promise<{ file: string; diff: string }[]> {
  const stale = [];
  for (const [file, fresh] of await generate(specsRoot)) {
    const committed = await readFile(file, 'utf8').catch(() => '');
    if (committed !== fresh) stale.push({ file, diff: createTwoFilesPatch(`${file} (committed)`, `${file} (fresh)`, committed, fresh) });
  }
  return stale;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, specs: { type: 'string' } } });
  if (values.check) {
    const stale = await staleFiles(values.specs);
    for (const { file, diff } of stale) console.error(`stale: ${file}\n${diff}\n`);
    if (stale.length > 0) {
      console.error('Generated types lag the specs: run `pnpm generate` and commit the result.');
      process.exit(1);
    }
    console.log('generated types match the specs');
  } else {
    for (const [file, content] of await generate(values.specs)) {
      await writeFile(file, content);
      console.log(`wrote ${file}`);
    }
  }
}
