/**
 * The operations a spec of this repo captures, in spec order. The provider descriptor, the probe, the coverage
 * walk, the live route and the vendor route all start from this list, so a spec that grows an operation is
 * checked everywhere without a list to update; requests (a pact interaction's, a recorded exchange's) are
 * matched to their operation by method and path template.
 */
import { deref, type OpenApiDocument } from '@api-contracts/specs';

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked generically.
type Json = any;

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export interface SpecOperation {
  method: HttpMethod;
  /** The path template as the spec writes it, e.g. `/v2/agents/{agent_key}/sessions`. */
  path: string;
  operationId?: string;
  /** Where it sits in the document: `['paths', path, method]`. */
  at: ['paths', string, HttpMethod];
  /** Path-level and operation-level parameters, `$ref`s followed. */
  parameters: Json[];
  /** Its documented responses by status, in spec order (each may be a `$ref`). */
  responses: Record<string, Json>;
  /** The operation object as the spec writes it (extensions such as `x-paging` included). */
  definition: Json;
}

export type OperationIdentity = Pick<SpecOperation, 'method' | 'path' | 'operationId'>;

/** Every operation of the spec, in spec order (paths, then methods in `httpMethods` order). */
export function specOperations(spec: OpenApiDocument): SpecOperation[] {
  const found: SpecOperation[] = [];
  for (const [path, itemOrRef] of Object.entries<Json>(spec?.paths ?? {})) {
    const item = deref(spec, itemOrRef) ?? {};
    for (const method of httpMethods) {
      const operation = item[method];
      if (!operation) continue;
      found.push({
        method,
        path,
        ...(typeof operation.operationId === 'string' && { operationId: operation.operationId }),
        at: ['paths', path, method],
        parameters: [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((parameter: Json) => deref(spec, parameter)),
        responses: operation.responses ?? {},
        definition: operation,
      });
    }
  }
  return found;
}

/** The operation named `name` (its operationId, else `GET /path` as `operationName` gives it). */
export function operationNamed(operations: readonly SpecOperation[], name: string): SpecOperation | undefined {
  return operations.find((operation) => operationName(operation) === name);
}

/** `/v2/agents/{agent_key}/sessions` as a pattern: a parameter is one non-empty segment (a capture group). */
export function pathMatcher(template: string): RegExp {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}/?$`);
}

/**
 * The operation a request makes: same method, its path (query ignored) matching the template. Where two
 * templates match (`/a/{id}` and `/a/mine`), the one with more literal characters wins, as routers do.
 */
export function operationOfRequest(operations: readonly SpecOperation[], method: string, path: string): SpecOperation | undefined {
  const bare = path.split('?')[0] ?? '';
  const literal = (template: string) => template.replace(/\{[^}]+\}/g, '').length;
  return operations
    .filter((operation) => operation.method === method.toLowerCase() && pathMatcher(operation.path).test(bare))
    .sort((a, b) => literal(b.path) - literal(a.path))[0];
}

/** The path parameters of `path` as `operation`'s template names them (decoded); empty when it does not match. */
export function pathParametersOf(operation: Pick<SpecOperation, 'path'>, path: string): Record<string, string> {
  const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
  const match = pathMatcher(operation.path).exec(path.split('?')[0] ?? '');
  if (!match) return {};
  return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]));
}

/** `template` with each `{name}` filled from `values` (URI-encoded); undefined when one has no value. */
export function fillPath(template: string, values: Record<string, string | undefined>): string | undefined {
  let missing = false;
  const filled = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') missing = true;
    return encodeURIComponent(value ?? '');
  });
  return missing ? undefined : filled;
}

/** Its operationId, else `GET /path`: how findings and fingerprints name it. */
export const operationName = (operation: OperationIdentity) =>
  operation.operationId ?? `${operation.method.toUpperCase()} ${operation.path}`;

/** `GET /path (operationId)`, for reports. */
export const operationLabel = (operation: OperationIdentity) =>
  `${operation.method.toUpperCase()} ${operation.path} (${operation.operationId ?? 'no operationId'})`;
