/** One error of a response validator: ajv's ErrorObject, as its standalone code builds it (no `data`: see `instancePath`). */
export interface SchemaError {
  /** JSON Pointer into the validated body, `''` for the body itself. */
  instancePath: string;
  /** JSON Pointer of the broken keyword in the schema, e.g. `#/properties/key/type`. */
  schemaPath: string;
  keyword: string;
  /** The keyword's details: `missingProperty` for `required`, `type`, `format`, `allowedValues`, `limit`... */
  params: Record<string, unknown>;
  message?: string;
}

/**
 * A response body validator compiled from the spec at generate time: true when `body` matches, else false
 * with `errors` set (every error, not only the first). Same contract as an ajv ValidateFunction.
 */
export interface ResponseValidator {
  (body: unknown): boolean;
  errors?: SchemaError[] | null;
}

/** Validators of each operation's response bodies, by operation id, then by status as the spec writes it (`'200'`, `'404'`, `'default'`). */
export type ResponseValidators = { readonly [operation: string]: { readonly [status: string]: ResponseValidator } };
