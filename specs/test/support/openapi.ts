import { type Api, apis, deref, loadSpec, type OpenApiDocument, specPath } from '../../index.js';

export { schemaValidator } from '../../schema.js';
export { type Api, apis, loadSpec };
export const specFile = (api: Api): string => specPath(api);
export type Document = OpenApiDocument;

/** An example found in a spec, with the JSON pointer of the schema it must satisfy. */
export interface FoundExample {
  where: string;
  schemaPointer: string;
  value: unknown;
}

const escapePointer = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');

function resolve(document: Document, node: Document): { node: Document; pointer?: string } {
  return typeof node?.$ref === 'string' ? { node: deref(document, node), pointer: node.$ref.slice(1) } : { node };
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
