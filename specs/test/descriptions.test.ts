// A property's description and its schema must say the same thing: a property whose words say it can be
// null is `nullable`, one whose words say it can be omitted or absent is not `required`. Otherwise a real
// response that does what the words say is typed away and reported as drift (issue 19: Vectara's
// `created_by_agent_key` was described "Null if ..." with a schema that refused null).
import { describe, expect, it } from 'vitest';
import { apis, type Document, loadSpec } from './support/openapi.js';

const saysNull = /\bnull\b/i;
const saysMaybeAbsent = /\b(omitted|absent)\b/i;

/** Every property whose description contradicts its schema, as `<pointer>: <why>`. */
function contradictions(document: Document): string[] {
  const found: string[] = [];
  const visit = (node: unknown, pointer: string) => {
    if (node === null || typeof node !== 'object') return;
    const schema = node as Document;
    if (schema.properties && typeof schema.properties === 'object') {
      const required: string[] = Array.isArray(schema.required) ? schema.required : [];
      for (const [name, property] of Object.entries<Document>(schema.properties)) {
        const description = typeof property?.description === 'string' ? property.description : '';
        const at = `${pointer}/properties/${name}`;
        if (saysNull.test(description) && property.nullable !== true)
          found.push(`${at}: its description says null, its schema is not nullable`);
        if (saysMaybeAbsent.test(description) && required.includes(name))
          found.push(`${at}: its description says it can be absent, its parent requires it`);
      }
    }
    for (const [key, child] of Object.entries(schema)) visit(child, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  };
  visit(document, '#');
  return found;
}

describe.each(apis)('%s spec: descriptions and schemas agree', (api) => {
  it('no property is described as null without being nullable, or as absent while required', () => {
    expect(contradictions(loadSpec(api))).toEqual([]);
  });
});

describe('the agreement check can fail', () => {
  it('names a property described as null whose schema refuses null, and one described as absent but required', () => {
    const document = loadSpec('vectara');
    const session = document.components.schemas.AgentSession;
    delete session.properties.created_by_agent_key.nullable;
    document.components.schemas.InputTokens.required = ['cached_tokens'];
    expect(contradictions(document)).toEqual([
      '#/components/schemas/AgentSession/properties/created_by_agent_key: its description says null, its schema is not nullable',
      '#/components/schemas/InputTokens/properties/cached_tokens: its description says it can be absent, its parent requires it',
    ]);
  });
});
