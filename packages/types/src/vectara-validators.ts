/**
 * The response validators of Vectara's operations, compiled from specs/vectara/openapi.yaml at generate time
 * (ajv standalone code: no JSON Schema engine at run time). Import them only where responses are checked,
 * e.g. the client's `onDrift`: a bundle that does not import this entry point does not carry them.
 */
export { responseValidators } from './generated/vectara.validators.js';
export type { ResponseValidator, ResponseValidators, SchemaError } from './response-validator.js';
