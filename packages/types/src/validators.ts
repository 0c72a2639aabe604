/** `@api-contracts/types/validators`: every API's response validators, by API, for tools that check any API's responses. */
export { responseValidatorsOf } from './generated/validators.js';
export type { ResponseValidator, ResponseValidators, SchemaError } from './response-validator.js';
