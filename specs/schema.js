// The one ajv set-up for OpenAPI 3.0 schemas in this repo: the examples test, the generator of the
// client's response validators and the contract app's live schema check all compile with it, so
// "matches the spec" has one meaning. ajv is the reference JSON Schema validator (and the one whose
// standalone code generation lets the client ship validators without a schema engine).
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * An ajv instance holding `document` under the id `spec`, so `{ $ref: 'spec#/components/...' }`
 * resolves (ajv decodes JSON Pointer escapes itself). OpenAPI 3.0 schemas are a JSON Schema subset
 * plus keywords of their own (`example`, `nullable`, `readOnly`...): ajv runs non-strict, and knows
 * `nullable`. Extra options (e.g. `code: { source: true }`) pass through.
 */
export function openapiAjv(document, options = {}) {
  const ajv = new Ajv({ strict: false, allErrors: true, ...options });
  addFormats.default(ajv);
  ajv.addSchema(document, 'spec');
  return ajv;
}

/** A validate function for the schema at `pointer` (`#/components/schemas/AgentSession`) of `document`. */
export function schemaValidator(document, pointer, options) {
  return openapiAjv(document, options).compile({ $ref: `spec${pointer}` });
}
