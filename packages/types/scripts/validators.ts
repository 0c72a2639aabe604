/**
 * The response validators of one spec as an ES module source: ajv standalone code compiled with the repo's
 * one OpenAPI ajv set-up (`openapiAjv` of @api-contracts/specs/schema), so "matches the spec" means the same
 * for the client as for the contract suite, without shipping a JSON Schema engine: the few run-time helpers
 * the code needs (string length, formats) come from src/validator-runtime.ts instead of ajv and ajv-formats.
 */
import { createRequire } from 'node:module';
import { deref, type OpenApiDocument } from '@api-contracts/specs';
import { openapiAjv } from '@api-contracts/specs/schema';
import { formats } from '../src/validator-runtime.js';

// ajv's standalone generator, from the very ajv copy openapiAjv uses (the one @api-contracts/specs depends on).
const standaloneCode: (ajv: ReturnType<typeof openapiAjv>, refs: Record<string, string>) => string = createRequire(
  import.meta.resolve('@api-contracts/specs/schema'),
)('ajv/dist/standalone').default;

const escapeToken = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');

interface ResponseSchema {
  operation: string;
  status: string;
  /** JSON Pointer of the schema in the spec, `$ref`s followed as far as they go. */
  pointer: string;
}

/** Every JSON response schema of every operation, with where it lives once `$ref`s are followed. */
function responseSchemas(spec: OpenApiDocument): ResponseSchema[] {
  const found: ResponseSchema[] = [];
  for (const [path, item] of Object.entries<OpenApiDocument>(spec.paths ?? {})) {
    for (const [method, operation] of Object.entries<OpenApiDocument>(item)) {
      for (const [status, responseOrRef] of Object.entries<OpenApiDocument>(operation.responses ?? {})) {
        let pointer = `/paths/${escapeToken(path)}/${method}/responses/${escapeToken(status)}`;
        let node = responseOrRef;
        if (typeof node?.$ref === 'string') {
          pointer = node.$ref.slice(1);
          node = deref(spec, node);
        }
        const schema = node?.content?.['application/json']?.schema;
        if (schema === undefined) continue;
        const target = typeof schema.$ref === 'string' ? schema.$ref.slice(1) : `${pointer}/content/application~1json/schema`;
        found.push({ operation: operation.operationId, status, pointer: target });
      }
    }
  }
  return found;
}

// Documentation keywords: no effect on validation, but ajv copies the schemas it quotes into the code.
const annotations = ['description', 'example', 'examples', 'title', 'externalDocs'];

/** The spec with the annotations of every schema removed (property *names* such as `description` stay). */
function withoutAnnotations(spec: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(spec);
  const visitSchema = (schema: OpenApiDocument): void => {
    if (typeof schema !== 'object' || schema === null) return;
    for (const key of annotations) delete schema[key];
    for (const property of Object.values<OpenApiDocument>(schema.properties ?? {})) visitSchema(property);
    for (const key of ['items', 'additionalProperties', 'not']) visitSchema(schema[key]);
    for (const key of ['allOf', 'anyOf', 'oneOf']) for (const member of schema[key] ?? []) visitSchema(member);
  };
  const visitResponses = (responses: Record<string, OpenApiDocument> = {}) => {
    for (const response of Object.values(responses))
      for (const media of Object.values<OpenApiDocument>(response?.content ?? {})) visitSchema(media.schema);
  };
  for (const schema of Object.values<OpenApiDocument>(copy.components?.schemas ?? {})) visitSchema(schema);
  visitResponses(copy.components?.responses);
  for (const item of Object.values<OpenApiDocument>(copy.paths ?? {}))
    for (const operation of Object.values<OpenApiDocument>(item)) visitResponses(operation.responses);
  return copy;
}

const validatorName = (pointer: string) =>
  `validate_${pointer
    .split('/')
    .slice(1)
    .join('_')
    .replace(/[^0-9A-Za-z_]/g, '_')}`;

// OpenAPI: "tools that do not recognize a specific format MAY default back to the type alone": a format
// neither ajv-formats nor the OpenAPI specification defines is an annotation, which ajv (non-strict) skips
// with a warning that would only be noise here.
const quietAboutUnknownFormats = {
  log: console.log,
  warn: (...args: unknown[]) => {
    if (!/^unknown format ".*" ignored/.test(String(args[0]))) console.warn(...args);
  },
  error: console.error,
};

/** The import of the run-time helpers the code uses, if any. */
function runtimeImport(code: string): string[] {
  const used = ['formats', 'ucs2length'].filter((name) => new RegExp(`\\b${name}\\b`).test(code));
  return used.length === 0 ? [] : [`import { ${used.join(', ')} } from '../validator-runtime.js';`];
}

/** The module source of `spec`'s response validators, exporting `responseValidators` only. */
export function validatorsModule(spec: OpenApiDocument, header: string): string {
  const schemas = responseSchemas(spec);
  const refs = Object.fromEntries(schemas.map(({ pointer }) => [validatorName(pointer), `spec#${pointer}`]));
  // `lines`: one statement a line, so a regenerated file diffs readably.
  const ajv = openapiAjv(withoutAnnotations(spec), { code: { source: true, esm: true, lines: true }, logger: quietAboutUnknownFormats });
  for (const ref of Object.values(refs)) if (!ajv.getSchema(ref)) throw new Error(`no schema at ${ref}`);
  const code = standaloneCode(ajv, refs)
    .replace(/^"use strict";\n?/, '')
    // Only the table below is this module's interface.
    .replaceAll(/export const (validate_\w+) =/g, 'const $1 =')
    .replaceAll('require("ajv/dist/runtime/ucs2length").default', 'ucs2length')
    .replaceAll(
      /require\("ajv-formats\/dist\/formats"\)\.fullFormats(?:\.([\w$]+)|\[("[^"]+")\])/g,
      (_match, name: string, quoted: string) => {
        const format = name ?? JSON.parse(quoted);
        if (!(format in formats))
          throw new Error(`The spec uses format "${format}": add it to src/validator-runtime.ts (ported from ajv-formats).`);
        return `formats[${JSON.stringify(format)}]`;
      },
    );
  const leftover = /require\([^)]*\)/.exec(code);
  if (leftover) throw new Error(`ajv's standalone code needs ${leftover[0]}: give src/validator-runtime.ts what it provides.`);
  const table: Record<string, Record<string, string>> = {};
  for (const { operation, status, pointer } of schemas) table[operation] = { ...table[operation], [status]: validatorName(pointer) };
  const tableType = Object.entries(table)
    .map(
      ([operation, byStatus]) =>
        `  readonly ${operation}: { ${Object.keys(byStatus)
          .map((status) => `readonly ${JSON.stringify(status)}: ResponseValidator;`)
          .join(' ')} };`,
    )
    .join('\n');
  const tableValue = Object.entries(table)
    .map(
      ([operation, byStatus]) =>
        `  ${operation}: { ${Object.entries(byStatus)
          .map(([status, name]) => `${JSON.stringify(status)}: ${name}`)
          .join(', ')} },`,
    )
    .join('\n');
  return [
    header.trimEnd(),
    "// @ts-nocheck: ajv's standalone code is plain JavaScript; the table at the end carries the types.",
    "import type { ResponseValidator } from '../response-validator.js';",
    ...runtimeImport(code),
    '',
    code.trim(),
    '',
    "/** Each operation's response validators, by status as the spec writes it. */",
    `export const responseValidators: {\n${tableType}\n} = {\n${tableValue}\n};`,
    '',
  ].join('\n');
}
