// What the mock serves, read from the specs: every operation's route, parameters (with ajv validators),
// security, success examples, documented error statuses with their example bodies and headers, and its
// paging (the spec's own `x-paging`, the description the client's generator reads too).
import { type Api, apis, deref, loadSpec, type OpenApiDocument } from '@api-contracts/specs';
import { openapiAjv } from '@api-contracts/specs/schema';

type Validate = ReturnType<ReturnType<typeof openapiAjv>['compile']>;

export type ParameterLocation = 'path' | 'query' | 'header';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  array: boolean;
}

export interface SecurityScheme {
  name: string;
  type: 'apiKey' | 'oauth2' | 'http' | 'openIdConnect';
  /** apiKey: where and under which name the key goes. */
  in?: 'header' | 'query' | 'cookie';
  keyName?: string;
  /** http: `bearer` or `basic`. */
  scheme?: string;
  /** oauth2: the client-credentials token endpoint, as the spec gives it. */
  tokenUrl?: string;
}

export interface DocumentedResponse {
  status: number;
  description: string;
  /** The first example body the spec gives, if any. */
  example?: unknown;
  /** Header values from the spec's response headers (their example, else the schema's example, minimum or default). */
  headers: Record<string, string>;
}

export interface Paging {
  limit?: string;
  cursor: string;
  /** Where a page carries the next cursor, as a property path (`metadata.page_key` → ['metadata', 'page_key']). */
  next: string[];
  items: string;
  defaultLimit?: number;
}

export interface Operation {
  api: Api;
  operationId: string;
  method: string;
  /** The path as the mock serves it: the spec's first server's path, then the operation's path. */
  template: string;
  pattern: RegExp;
  pathParameters: string[];
  parameters: Parameter[];
  /** One validator per location, over an object of that location's parameters (query and headers coerced). */
  validateParameters: Record<ParameterLocation, Validate>;
  /** Alternatives: any one set of schemes satisfied lets a request in. Empty: no credentials needed. */
  security: SecurityScheme[][];
  success: { status: number; examples: Record<string, unknown>; validate: Validate };
  errors: Map<number, DocumentedResponse>;
  paging?: Paging;
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

const escapePointer = (token: string) => encodeURIComponent(token.replaceAll('~', '~0').replaceAll('/', '~1'));

// Formats of OpenAPI (int32, int64...) that ajv-formats does not define are annotations here, as in the
// specs' own tests: ajv skips them with a warning that would only be noise.
const logger = {
  log: () => {},
  warn: (...args: unknown[]) => {
    if (!/^unknown format ".*" ignored/.test(String(args[0]))) console.warn(...args);
  },
  error: console.error,
};

/** Every operation of `which` specs, read from @api-contracts/specs. */
export function loadOperations(which: readonly Api[] = apis): Operation[] {
  const operations = which.flatMap((api) => operationsOf(api, loadSpec(api)));
  const seen = new Map<string, Operation>();
  for (const operation of operations) {
    const shape = `${operation.method} ${operation.template.replaceAll(/\{[^}]+\}/g, '{}')}`;
    const clash = seen.get(shape);
    if (clash)
      throw new Error(
        `${operation.api} ${operation.operationId} and ${clash.api} ${clash.operationId} are both ${shape}: one mock cannot serve both`,
      );
    seen.set(shape, operation);
  }
  return operations;
}

export function operationsOf(api: Api, document: OpenApiDocument): Operation[] {
  const coercing = openapiAjv(document, { coerceTypes: 'array', logger });
  const exact = openapiAjv(document, { logger });
  const basePath = new URL(document.servers?.[0]?.url ?? 'http://localhost').pathname.replace(/\/$/, '');
  const schemes = securitySchemes(document);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<OpenApiDocument>(document.paths ?? {})) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const operationId: string = operation.operationId ?? `${method.toUpperCase()} ${path}`;
      const template = `${basePath}${path}`;

      // Path-level parameters, overridden by the operation's own of the same name and location.
      const declared = new Map<string, { parameter: OpenApiDocument; pointer: string }>();
      const collect = (list: OpenApiDocument[] | undefined, at: string) =>
        (list ?? []).forEach((node, index) => {
          const parameter = deref(document, node);
          const pointer = node.$ref ?? `#/paths/${escapePointer(path)}${at}/parameters/${index}`;
          declared.set(`${parameter.in}:${parameter.name}`, { parameter, pointer });
        });
      collect(item.parameters, '');
      collect(operation.parameters, `/${method}`);
      const parameters: Parameter[] = [];
      const schemas: Record<ParameterLocation, { properties: Record<string, unknown>; required: string[] }> = {
        path: { properties: {}, required: [] },
        query: { properties: {}, required: [] },
        header: { properties: {}, required: [] },
      };
      for (const { parameter, pointer } of declared.values()) {
        if (!['path', 'query', 'header'].includes(parameter.in)) continue;
        const location = parameter.in as ParameterLocation;
        // Node gives header names in lower case.
        const key = location === 'header' ? parameter.name.toLowerCase() : parameter.name;
        const schema = deref(document, parameter.schema ?? {});
        parameters.push({ name: parameter.name, in: location, required: parameter.required === true, array: schema?.type === 'array' });
        schemas[location].properties[key] = parameter.schema ? { $ref: `spec${pointer}/schema` } : {};
        if (parameter.required) schemas[location].required.push(key);
      }
      const validateParameters = Object.fromEntries(
        Object.entries(schemas).map(([location, schema]) => [location, coercing.compile({ type: 'object', ...schema })]),
      ) as Record<ParameterLocation, Validate>;

      const responses = Object.entries<OpenApiDocument>(operation.responses ?? {});
      const successEntry = responses.find(([status]) => /^2\d\d$/.test(status));
      if (!successEntry) throw new Error(`${api} ${operationId} documents no 2xx response: the mock has nothing to serve`);
      const [successStatus, successNode] = successEntry;
      const successPointer = `#/paths/${escapePointer(path)}/${method}/responses/${successStatus}`;
      const successResponse = deref(document, successNode);
      const successContent = successResponse.content?.['application/json'];
      const schemaPointer = successNode.$ref
        ? `${successNode.$ref}/content/application~1json/schema`
        : `${successPointer}/content/application~1json/schema`;

      const errors = new Map<number, DocumentedResponse>();
      for (const [status, node] of responses) {
        if (!/^[45]\d\d$/.test(status)) continue;
        const response = deref(document, node);
        errors.set(Number(status), {
          status: Number(status),
          description: response.description ?? '',
          example: firstExample(document, response.content?.['application/json']),
          headers: exampleHeaders(document, response.headers),
        });
      }

      const paging = operation['x-paging'];
      operations.push({
        api,
        operationId,
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(
          `^${template
            .split(/\{[^}]+\}/)
            .map(escapeRegExp)
            .join('([^/]+)')}$`,
        ),
        pathParameters: [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string),
        parameters,
        validateParameters,
        security: (operation.security ?? document.security ?? []).map((requirement: Record<string, unknown>) =>
          Object.keys(requirement).map((name) => {
            const scheme = schemes.get(name);
            if (!scheme) throw new Error(`${api} ${operationId}: no security scheme ${name} in components.securitySchemes`);
            return scheme;
          }),
        ),
        success: {
          status: Number(successStatus),
          examples: namedExamples(document, successContent),
          validate: successContent?.schema ? exact.compile({ $ref: `spec${schemaPointer}` }) : () => true,
        },
        errors,
        ...(paging && {
          paging: {
            limit: paging.limit,
            cursor: paging.cursor,
            next: String(paging.next).split('.'),
            items: paging.items,
            defaultLimit: limitDefault(document, parameters, declared, paging.limit),
          },
        }),
      });
    }
  }
  return operations;
}

function limitDefault(
  document: OpenApiDocument,
  parameters: Parameter[],
  declared: Map<string, { parameter: OpenApiDocument }>,
  limit: string | undefined,
): number | undefined {
  if (!limit || !parameters.some((parameter) => parameter.name === limit && parameter.in === 'query')) return undefined;
  const schema = deref(document, declared.get(`query:${limit}`)?.parameter.schema ?? {});
  return typeof schema?.default === 'number' ? schema.default : undefined;
}

function securitySchemes(document: OpenApiDocument): Map<string, SecurityScheme> {
  const schemes = new Map<string, SecurityScheme>();
  for (const [name, node] of Object.entries<OpenApiDocument>(document.components?.securitySchemes ?? {})) {
    const scheme = deref(document, node);
    schemes.set(name, {
      name,
      type: scheme.type,
      ...(scheme.type === 'apiKey' && { in: scheme.in, keyName: scheme.name }),
      ...(scheme.type === 'http' && { scheme: String(scheme.scheme).toLowerCase() }),
      ...(scheme.flows?.clientCredentials?.tokenUrl && { tokenUrl: scheme.flows.clientCredentials.tokenUrl }),
    });
  }
  return schemes;
}

/** A media type's examples by name; a single `example` (or the schema's) under the name `example`. */
function namedExamples(document: OpenApiDocument, content: OpenApiDocument): Record<string, unknown> {
  if (!content) return {};
  if (content.examples)
    return Object.fromEntries(Object.entries<OpenApiDocument>(content.examples).map(([name, node]) => [name, deref(document, node).value]));
  const single = content.example ?? deref(document, content.schema ?? {})?.example;
  return single === undefined ? {} : { example: single };
}

function firstExample(document: OpenApiDocument, content: OpenApiDocument): unknown {
  return Object.values(namedExamples(document, content))[0];
}

function exampleHeaders(document: OpenApiDocument, headers: OpenApiDocument): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, node] of Object.entries<OpenApiDocument>(headers ?? {})) {
    const header = deref(document, node);
    const schema = deref(document, header.schema ?? {});
    const value = header.example ?? schema?.example ?? schema?.minimum ?? schema?.default;
    if (value !== undefined) values[name] = String(value);
  }
  return values;
}

function escapeRegExp(text: string): string {
  return text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
