import { type Api, apis, deref, resolveRef } from '@api-contracts/specs';
import { openapiAjv } from '@api-contracts/specs/schema';
import { type ResponseValidators, responseValidatorsOf, type SchemaError } from '@api-contracts/types/validators';
import type { SchemaFinding } from './model.js';

type Ajv = ReturnType<typeof openapiAjv>;

/** The response validators compiled from each spec at generate time: the ones the client's `onDrift` uses. */
const generatedValidators: Readonly<Record<Api, ResponseValidators>> = responseValidatorsOf;

interface ResponseObject {
  $ref?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: unknown }>;
}
interface Operation {
  operationId?: string;
  responses: Record<string, ResponseObject>;
}
type Spec = { paths: Record<string, Record<string, Operation>>; components?: unknown };

/**
 * Validates responses against a spec. The breaking verdict comes from the response validators generated from
 * the spec (`@api-contracts/types/<api>/validators`), the same functions the client's `onDrift` calls, so
 * the live check and the client share one definition of "matches the spec".
 */
export class ResponseValidator {
  private readonly validators: ResponseValidators;
  private readonly ajv: Ajv;
  constructor(
    private readonly spec: Spec,
    api: Api = apiOf(spec),
  ) {
    this.validators = generatedValidators[api];
    // The additive check needs the spec with every object schema closed, which the generated validators have no
    // variant of: it compiles that copy with the repo's one OpenAPI ajv set-up (`@api-contracts/specs/schema`).
    // What the closed copy adds to the findings is what the spec never mentions.
    this.ajv = openapiAjv(spec);
    this.ajv.addSchema(closeObjects(structuredClone(spec)), 'closed');
  }

  /** The spec's path template that `path` (as sent) falls under, or `path` itself when none does. */
  pathTemplate(path: string): string {
    for (const template of Object.keys(this.spec.paths)) {
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+');
      if (new RegExp(`^${pattern}$`).test(path)) return template;
    }
    return path;
  }

  /** Findings for one response of `method pathTemplate`; empty when it matches the spec. */
  check(
    pathTemplate: string,
    method: string,
    status: number,
    contentType: string | null,
    body: unknown,
    headers: Record<string, unknown> = {},
  ): SchemaFinding[] {
    const operation = this.spec.paths[pathTemplate]?.[method.toLowerCase()];
    if (!operation)
      return [finding('request', 'operation', `${method} ${pathTemplate}`, 'absent from the spec', 'operation not in the spec')];
    const documented = Object.keys(operation.responses);
    const key = documented.includes(String(status)) ? String(status) : documented.includes('default') ? 'default' : undefined;
    if (!key) return [finding('status', 'status', documented.join(' | '), String(status), `status ${status} is not documented`)];
    const response = this.resolve(operation.responses[key] ?? {});
    const mediaTypes = Object.keys(response.content ?? {});
    if (mediaTypes.length === 0) return [];
    const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!mediaTypes.includes(mediaType)) {
      return [
        finding(
          'content-type',
          'content-type',
          mediaTypes.join(' | '),
          contentType ?? 'none',
          `content type ${contentType ?? 'none'} is not documented`,
        ),
      ];
    }
    const pointer = `${this.pointerOf(pathTemplate, method, key, operation)}/content/${mediaType.replaceAll('/', '~1')}/schema`;
    const breaking = this.breakingErrors(operation, `${method.toUpperCase()} ${pathTemplate}`, key, body).map((error) =>
      fromSchemaError(error, 'breaking', body),
    );
    const additive = this.closedErrors(`closed#${pointer}`, body)
      .filter((error) => error.keyword === 'additionalProperties')
      .map((error) => fromSchemaError(error, 'additive', body));
    return [...breaking, ...additive, ...undocumentedHeaders(response.headers ?? {}, headers)];
  }

  private breakingErrors(operation: Operation, name: string, status: string, body: unknown): SchemaError[] {
    const validate = operation.operationId === undefined ? undefined : this.validators[operation.operationId]?.[status];
    // Generated for every documented JSON response schema: a gap means src/generated is older than the spec.
    if (!validate) throw new Error(`No generated response validator for ${name} ${status}: run pnpm generate`);
    return validate(body) ? [] : (validate.errors ?? []);
  }

  private closedErrors(ref: string, body: unknown): SchemaError[] {
    const validate = this.ajv.getSchema(ref) ?? this.ajv.compile({ $ref: ref });
    return validate(body) ? [] : (validate.errors ?? []);
  }

  private resolve(response: ResponseObject): ResponseObject {
    return deref(this.spec, response) as ResponseObject;
  }

  private pointerOf(pathTemplate: string, method: string, status: string, operation: Operation): string {
    const ref = operation.responses[status]?.$ref;
    return ref
      ? ref.slice(1)
      : `/paths/${pathTemplate.replaceAll('~', '~0').replaceAll('/', '~1')}/${method.toLowerCase()}/responses/${status}`;
  }
}

/** The API whose generated validators cover every operation of `spec`. */
function apiOf(spec: Spec): Api {
  const operationIds = Object.values(spec.paths).flatMap((item) => Object.values(item).map((operation) => operation.operationId));
  const api = apis.find((name) => operationIds.every((id) => id !== undefined && id in generatedValidators[name]));
  if (!api) throw new TypeError(`No generated response validators cover the operations ${operationIds.join(', ')}`);
  return api;
}

function finding(path: string, keyword: string, expected: string, actual: string, message: string): SchemaFinding {
  return { severity: 'breaking', path, keyword, expected, actual, message };
}

// Headers any HTTP server or CDN may send (content-encoding too: the body checked is the decoded one); only
// others count as undocumented.
const transportHeaders =
  /^(date|content-type|content-length|content-encoding|connection|keep-alive|transfer-encoding|server|vary|cache-control|pragma|expires|etag|last-modified|age|via|strict-transport-security|alt-svc|access-control-.*|cf-.*|x-request-id|x-amzn-.*|x-cache)$/;

function undocumentedHeaders(documented: Record<string, unknown>, headers: Record<string, unknown>): SchemaFinding[] {
  const known = new Set(Object.keys(documented).map((name) => name.toLowerCase()));
  return Object.keys(headers)
    .map((name) => name.toLowerCase())
    .filter((name) => !known.has(name) && !transportHeaders.test(name))
    .map((name) => ({
      severity: 'additive',
      path: `header ${name}`,
      keyword: 'header',
      expected: 'absent (not in the spec)',
      // Header values can carry tokens and cookies: reports say only that it was there.
      actual: 'present (value not shown)',
      message: `header ${name} is not in the spec`,
    }));
}

/** Sets `additionalProperties: false` on every object schema that does not say otherwise. */
function closeObjects<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(closeObjects);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if ((record.type === 'object' || record.properties) && record.additionalProperties === undefined) record.additionalProperties = false;
    for (const [key, value] of Object.entries(record)) if (key !== 'example' && key !== 'examples') closeObjects(value);
  }
  return node;
}

/** A finding from a validator error; the value comes from the body at the error's `instancePath` (generated validators keep no `data`). */
function fromSchemaError(error: SchemaError, severity: SchemaFinding['severity'], body: unknown): SchemaFinding {
  const params = error.params as Record<string, unknown>;
  const path =
    error.keyword === 'required'
      ? `${error.instancePath}/${params.missingProperty}`
      : error.keyword === 'additionalProperties'
        ? `${error.instancePath}/${params.additionalProperty}`
        : error.instancePath || '/';
  const expected =
    params.type ??
    params.format ??
    params.pattern ??
    (params.allowedValues ? JSON.stringify(params.allowedValues) : undefined) ??
    (error.keyword === 'required' ? 'present' : error.keyword);
  if (error.keyword === 'additionalProperties') {
    const actual = describe(
      (valueAt(body, error.instancePath) as Record<string, unknown> | undefined)?.[String(params.additionalProperty)],
    );
    return { severity, path, keyword: error.keyword, expected: 'absent (not in the spec)', actual, message: `${path} is not in the spec` };
  }
  return {
    severity,
    path,
    keyword: error.keyword,
    expected: String(expected),
    actual: error.keyword === 'required' ? 'absent' : describe(valueAt(body, error.instancePath)),
    message: `${path} ${error.message}`,
  };
}

/** The value at an ajv instancePath (a JSON Pointer; `''` is the body itself). */
const valueAt = (body: unknown, pointer: string): unknown => resolveRef(body, `#${pointer}`);

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
