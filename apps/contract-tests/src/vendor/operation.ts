// The captured operation, cut out of an OpenAPI document together with everything it reaches. A vendor
// publishes one document for its whole API (Vectara's is 1.1 MB, 300 operations); our contract is one
// operation, so only that operation, its parameters, request body and responses, and the components their
// `$ref`s reach (transitively) are compared. Cutting first keeps the diff small and its findings on topic.

import { deref } from '@api-contracts/specs';
import { type HttpMethod, httpMethods, type OperationIdentity } from '../spec-operation.js';

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked generically.
type Json = any;

/** `/v2/agents/{agent_key}/sessions` and `/v2/agents/{agentKey}/sessions` are the same URL on the wire. */
export const pathShape = (path: string) => path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');

export type Lookup = { found: true; path: string; method: HttpMethod } | { found: false; movedTo?: { path: string; method: HttpMethod } };

/**
 * Finds our operation in a vendor's document by method and path (the wire identity; parameter names in
 * the template do not matter). When that is absent but an operation with our operationId lives elsewhere,
 * the vendor moved it: `movedTo` says where.
 */
export function locateOperation(document: Json, wanted: OperationIdentity): Lookup {
  const paths: Record<string, Json> = document?.paths ?? {};
  const shape = pathShape(wanted.path);
  for (const [path, item] of Object.entries(paths))
    if (pathShape(path) === shape && deref(document, item)?.[wanted.method]) return { found: true, path, method: wanted.method };
  if (wanted.operationId)
    for (const [path, rawItem] of Object.entries(paths)) {
      const item = deref(document, rawItem);
      for (const method of httpMethods)
        if (item?.[method]?.operationId === wanted.operationId) return { found: false, movedTo: { path, method } };
    }
  return { found: false };
}

/**
 * A small OpenAPI document holding only the operation (under `keyPath`, so both sides line up whatever
 * the vendor names its path parameters), the path-level parameters merged into it, and every component
 * reached from it. Documentation-only keys are kept: the diff classifies them as annotations.
 */
export function extractOperation(document: Json, at: { path: string; method: HttpMethod }, keyPath: string): Json {
  const item = deref(document, document.paths[at.path]);
  const operation = { ...item[at.method] };
  const pathParameters: Json[] = item.parameters ?? [];
  if (pathParameters.length > 0) {
    const own: Json[] = operation.parameters ?? [];
    const key = (parameter: Json) => {
      const resolved = deref(document, parameter);
      return `${resolved?.in}:${resolved?.name}`;
    };
    const overridden = new Set(own.map(key));
    operation.parameters = [...pathParameters.filter((parameter) => !overridden.has(key(parameter))), ...own];
  }
  const components: Record<string, Record<string, Json>> = {};
  const pending: Json[] = [operation];
  const seen = new Set<string>();
  while (pending.length > 0) {
    for (const ref of localRefs(pending.pop())) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      const tokens = pointerTokens(ref);
      if (tokens[0] !== 'components' || tokens.length !== 3)
        throw new TypeError(`Unsupported $ref ${JSON.stringify(ref)}: expected #/components/<kind>/<name>`);
      const [, kind, name] = tokens as [string, string, string];
      const target = document.components?.[kind]?.[name];
      if (target === undefined) throw new TypeError(`Dangling $ref ${JSON.stringify(ref)}`);
      components[kind] ??= {};
      components[kind][name] = target;
      pending.push(target);
    }
  }
  return {
    openapi: document.openapi,
    info: { title: document.info?.title ?? '', version: document.info?.version ?? '' },
    paths: { [keyPath]: { [at.method]: operation } },
    components,
  };
}

/** Every local `$ref` string under a node (not following them). */
function localRefs(node: Json): string[] {
  const refs: string[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    if (typeof current.$ref === 'string') {
      if (!current.$ref.startsWith('#/')) throw new TypeError(`External $ref ${JSON.stringify(current.$ref)} is not supported`);
      refs.push(current.$ref);
    }
    for (const value of Object.values(current)) if (value !== null && typeof value === 'object') stack.push(value);
  }
  return refs;
}

const pointerTokens = (ref: string) =>
  ref
    .slice(2)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
