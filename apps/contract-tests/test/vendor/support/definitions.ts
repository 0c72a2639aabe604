// The committed vendor fixtures, and variants of them written for a test (never committed).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dump, load } from 'js-yaml';

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are edited generically in tests.
export type Json = any;

export const vectaraFixture = fileURLToPath(new URL('../fixtures/vectara-oas-v2.trimmed.yaml', import.meta.url));
export const verisoulFixture = fileURLToPath(new URL('../fixtures/verisoul-account-openapi.json', import.meta.url));
/** The provider's full 1.1 MB definition, present on the machine the fixture was cut on (not in CI). */
export const fullVectaraDefinition = '/work/vendor/vectara-oas-v2.yaml';

export const vectaraText = () => readFileSync(vectaraFixture, 'utf8');
export const verisoulText = () => readFileSync(verisoulFixture, 'utf8');

/** A fresh copy of Vectara's definition (trimmed fixture), to edit. */
export const vectaraDefinition = (): Json => load(vectaraText());
export const verisoulDefinition = (): Json => JSON.parse(verisoulText());

/** Vectara's definition with `edit` applied, as YAML text. */
export function vectaraWith(edit: (document: Json) => void): string {
  const document = vectaraDefinition();
  edit(document);
  return dump(document, { noRefs: true });
}

export const listAgentSessions = (document: Json) => document.paths['/v2/agents/{agent_key}/sessions'].get;
export const agentSession = (document: Json) => document.components.schemas.AgentSession;

/**
 * Vectara's definition grown to at least `bytes` with operations of other paths (each with a schema, as a
 * real definition's are), written as text so that building 20 MB takes no YAML serialiser.
 */
export function largeVectaraDefinition(bytes: number): string {
  const text = vectaraText();
  const at = text.indexOf('\ncomponents:\n');
  const head = text.slice(0, at + 1);
  const tail = text.slice(at + 1);
  const block = (index: number) =>
    [
      `  /v2/filler/${index}/items/{item_key}:`,
      '    get:',
      `      operationId: getFillerItem${index}`,
      `      description: "${'An operation that is not ours, the rest of a large document, which the comparison skips. '.repeat(4).trim()}"`,
      '      parameters:',
      '        - in: path',
      '          name: item_key',
      '          required: true',
      '          schema:',
      '            type: string',
      '      responses:',
      "        '200':",
      '          description: The item.',
      '          content:',
      '            application/json:',
      '              schema:',
      '                type: object',
      '                properties:',
      '                  key: {type: string}',
      '                  count: {type: integer, format: int64}',
      '                  tags: {type: array, items: {type: string}}',
      '',
    ].join('\n');
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let index = 0; size < bytes; index++) {
    const next = block(index);
    parts.push(next);
    size += Buffer.byteLength(next);
  }
  parts.push(tail);
  return parts.join('');
}
