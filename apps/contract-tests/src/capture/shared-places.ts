/**
 * Where else a captured property or enum value shows: a capture patches the schema that owns its parent (a
 * component stays a component), so every operation and status whose response reaches that component now says
 * it too, at its own JSON path (`$.sessions[].archived_at` in a list is `$.archived_at` in a single session).
 */
import { deref, type OpenApiDocument } from '@api-contracts/specs';
import { operationName, specOperations } from '../spec-operation.js';

// biome-ignore lint/suspicious/noExplicitAny: a schema is walked generically.
type Json = any;

export interface Place {
  operation: string;
  status: string;
  path: string;
}

/** `$.sessions[].key` as its steps: `['sessions', '[]', 'key']`. */
const stepsOf = (path: string) => path.replace(/^\$/, '').match(/\[\]|[^.[\]]+/g) ?? [];

/** The `$ref` the node at `steps` below `schema` is written as, if it is one. */
function refAt(spec: OpenApiDocument, schema: Json, steps: readonly string[]): string | undefined {
  let node: Json = schema;
  for (const step of steps) {
    const resolved = deref(spec, node);
    node = step === '[]' ? resolved?.items : resolved?.properties?.[step];
  }
  return typeof node?.$ref === 'string' ? node.$ref : undefined;
}

/** Every JSON path below `schema` at which `ref` is written, `$refs` followed once each. */
function pathsOfRef(spec: OpenApiDocument, schema: Json, ref: string, at: string, seen: Set<string>): string[] {
  if (!schema || typeof schema !== 'object') return [];
  if (schema.$ref === ref) return [at];
  if (typeof schema.$ref === 'string') {
    if (seen.has(schema.$ref)) return [];
    return pathsOfRef(spec, deref(spec, schema), ref, at, new Set([...seen, schema.$ref]));
  }
  return [
    ...pathsOfRef(spec, schema.items, ref, `${at}[]`, seen),
    ...Object.entries<Json>(schema.properties ?? {}).flatMap(([name, property]) => pathsOfRef(spec, property, ref, `${at}.${name}`, seen)),
    ...['allOf', 'oneOf', 'anyOf'].flatMap((key) => (schema[key] ?? []).flatMap((member: Json) => pathsOfRef(spec, member, ref, at, seen))),
  ];
}

/** The other places (operation, status, path) a change at `place` in `spec` shows, through the component it patched. */
export function sharedPlaces(spec: OpenApiDocument, place: Place): Place[] {
  const operations = specOperations(spec);
  const own = operations.find((operation) => operationName(operation) === place.operation);
  const steps = stepsOf(place.path);
  const last = steps.at(-1);
  if (!own || last === undefined || last === '[]') return [];
  const schemaOf = (response: Json): Json => deref(spec, response)?.content?.['application/json']?.schema;
  const ownSchema = schemaOf(own.responses[place.status]);
  const parentSteps = steps.slice(0, -1);
  // The response schema itself may be the `$ref` (a single session is AgentSession).
  const ref = parentSteps.length === 0 && typeof ownSchema?.$ref === 'string' ? ownSchema.$ref : refAt(spec, ownSchema, parentSteps);
  if (!ref) return [];
  return operations.flatMap((operation) =>
    Object.entries<Json>(operation.responses).flatMap(([status, response]) => {
      return pathsOfRef(spec, schemaOf(response), ref, '$', new Set())
        .map((prefix) => ({ operation: operationName(operation), status, path: `${prefix}.${last}` }))
        .filter((found) => !(found.operation === place.operation && found.status === place.status && found.path === place.path));
    }),
  );
}
