/**
 * The one operation a spec of this repo captures. The provider descriptor, the probe, the coverage walk and the
 * vendor route all start from it, so "which operation" is answered once, and a spec that grew a second
 * operation fails loudly here instead of being half-checked.
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
}

export type OperationIdentity = Pick<SpecOperation, 'method' | 'path' | 'operationId'>;

export function specOperation(spec: OpenApiDocument): SpecOperation {
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
      });
    }
  }
  const [only, ...others] = found;
  if (!only || others.length > 0) throw new TypeError(`Expected the spec to capture exactly one operation, found ${found.length}`);
  return only;
}

/** Its operationId, else `GET /path`: how findings and fingerprints name it. */
export const operationName = (operation: OperationIdentity) =>
  operation.operationId ?? `${operation.method.toUpperCase()} ${operation.path}`;

/** `GET /path (operationId)`, for reports. */
export const operationLabel = (operation: OperationIdentity) =>
  `${operation.method.toUpperCase()} ${operation.path} (${operation.operationId ?? 'no operationId'})`;
