/**
 * The response validators of Verisoul's operations, compiled from specs/verisoul/openapi.yaml at generate time
 * (ajv standalone code: no JSON Schema engine at run time). Import them only where responses are checked,
 * e.g. the client's `onDrift`: a bundle that does not import this entry point does not carry them.
 */
export { responseValidators } from './generated/verisoul.validators.js';
export type { ResponseValidator, ResponseValidators, SchemaError } from './response-validator.js';
