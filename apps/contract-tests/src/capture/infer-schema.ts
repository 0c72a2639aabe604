/**
 * The narrowest OpenAPI 3.0 schema every observed value satisfies: what a capture writes for a new item the
 * provider's definition does not describe. Formats are judged by ajv-formats (the validators the spec's
 * schemas are checked with), and only claimed when every value has them.
 */
import { openapiAjv } from '@api-contracts/specs/schema';

export type Schema = Record<string, unknown>;

// Most specific first: a value that is a date-time is not called a plain string.
const formats = ['date-time', 'date', 'uuid', 'email', 'uri'] as const;
const formatCheckers = (() => {
  const ajv = openapiAjv({ openapi: '3.0.3' });
  return formats.map((format) => ({ format, check: ajv.compile({ type: 'string', format }) }));
})();

const kindOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number'
        ? Number.isInteger(value)
          ? 'integer'
          : 'number'
        : typeof value;

export function inferSchema(values: readonly unknown[]): Schema {
  const present = values.filter((value) => value !== undefined);
  const nullable = present.some((value) => value === null);
  const seen = present.filter((value) => value !== null);
  const withNull = (schema: Schema): Schema => (nullable ? { ...schema, nullable: true } : schema);
  if (seen.length === 0) return withNull({});
  const kinds = new Set(seen.map(kindOf));
  // An integer among decimals is a number.
  if (kinds.has('integer') && kinds.has('number')) kinds.delete('integer');
  if (kinds.size > 1) return withNull({ description: `Observed types: ${[...kinds].sort().join(', ')}.` });
  const kind = [...kinds][0] as string;
  if (kind === 'string') {
    const format = formatCheckers.find(({ check }) => seen.every((value) => check(value)))?.format;
    return withNull({ type: 'string', ...(format && { format }) });
  }
  if (kind === 'array') return withNull({ type: 'array', items: inferSchema((seen as unknown[][]).flat()) });
  if (kind === 'object') {
    const objects = seen as Record<string, unknown>[];
    const keys = [...new Set(objects.flatMap((object) => Object.keys(object)))].sort();
    const properties = Object.fromEntries(keys.map((key) => [key, inferSchema(objects.map((object) => object[key]))]));
    return withNull({ type: 'object', ...(keys.length > 0 && { properties }) });
  }
  return withNull({ type: kind });
}
