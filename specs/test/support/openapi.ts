import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const apis = ['verisoul', 'vectara'] as const;
export type Api = (typeof apis)[number];

export function specFile(api: Api): string {
  return fileURLToPath(new URL(`../../${api}/openapi.yaml`, import.meta.url));
}

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked generically here.
export type Document = any;

export function loadSpec(api: Api): Document {
  return parse(readFileSync(specFile(api), 'utf8'));
}

/** An example found in a spec, with the JSON pointer of the schema it must satisfy. */
export interface FoundExample {
  where: string;
  schemaPointer: string;
  value: unknown;
}

const escapePointer = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');

function resolve(document: Document, node: Document): { node: Document; pointer?: string } {
  if (node && typeof node.$ref === 'string') {
    const pointer = node.$ref.slice(1);
    const target = pointer
      .split('/')
      .slice(1)
      .reduce((at: Document, token: string) => at[token.replaceAll('~1', '/').replaceAll('~0', '~')], document);
    return { node: target, pointer };
  }
  return { node };
}

/** Every parameter and media-type example of every operation, each paired with its schema. */
export function collectExamples(document: Document): FoundExample[] {
  const found: FoundExample[] = [];
  for (const [path, item] of Object.entries<Document>(document.paths ?? {})) {
    for (const [method, operation] of Object.entries<Document>(item)) {
      const at = `#/paths/${escapePointer(path)}/${method}`;
      for (const [index, parameter] of (operation.parameters ?? []).entries()) {
        if (parameter.example !== undefined) {
          found.push({
            where: `${at}/parameters/${index}/example`,
            schemaPointer: `${at}/parameters/${index}/schema`,
            value: parameter.example,
          });
        }
      }
      for (const [status, rawResponse] of Object.entries<Document>(operation.responses ?? {})) {
        const { node: response, pointer } = resolve(document, rawResponse);
        const responseAt = pointer ? `#${pointer}` : `${at}/responses/${status}`;
        for (const [mediaType, media] of Object.entries<Document>(response.content ?? {})) {
          const mediaAt = `${responseAt}/content/${escapePointer(mediaType)}`;
          if (media.example !== undefined) {
            found.push({ where: `${mediaAt}/example`, schemaPointer: `${mediaAt}/schema`, value: media.example });
          }
          for (const [name, example] of Object.entries<Document>(media.examples ?? {})) {
            found.push({
              where: `${mediaAt}/examples/${name}`,
              schemaPointer: `${mediaAt}/schema`,
              value: resolve(document, example).node.value,
            });
          }
        }
      }
    }
  }
  return found;
}

/**
 * Compiles the schema at `pointer` with ajv. OpenAPI 3.0 schemas are a JSON Schema draft-04/07 subset
 * plus a few keywords of their own (`example`, `nullable`, ...), so ajv runs non-strict and the
 * document is registered whole, letting `$ref`s into `#/components/schemas` resolve.
 */
export function schemaValidator(document: Document, pointer: string): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, 'spec');
  return ajv.compile({ $ref: `spec${pointer}` });
}
