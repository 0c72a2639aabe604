import type { Ajv, Options, ValidateFunction } from 'ajv';
import type { OpenApiDocument } from './index.js';
export declare function openapiAjv(document: OpenApiDocument, options?: Options): Ajv;
export declare function schemaValidator(document: OpenApiDocument, pointer: string, options?: Options): ValidateFunction;
