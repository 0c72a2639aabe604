import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Api } from '@api-contracts/specs';
import { loadOperations, type Operation, type ParameterLocation, type SecurityScheme } from './spec-model.js';

/** A JSON value, as a seed or a forced body. */
export type Json = unknown;

/** Seed data of one operation: the id of its path parameter (or all of them by name) to its data. */
export type Seed = Record<string, Json>;

export interface MockOptions {
  /** Which specs to serve. Default: every spec of @api-contracts/specs. */
  apis?: readonly Api[];
  /** Start with the specs' 2xx examples as seed data (default) or with none. */
  examples?: boolean;
  /** Seed data per operationId, on top of the examples; see `Mock.seed`. */
  seed?: Record<string, Seed>;
  /** The only API keys accepted. Default: any non-empty key. */
  apiKeys?: readonly string[];
  /** The only OAuth clients the token endpoint accepts. Default: any non-empty id and secret. */
  oauthClients?: readonly { clientId: string; clientSecret: string }[];
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
}

export interface ForceOptions {
  /** How many requests get the forced answer. Default: every request until `reset()`. */
  times?: number;
  /** Default: the spec's example body for that status, else `{ "message": <reason phrase> }`. */
  body?: Json;
  /** Default: the spec's documented headers for that status (e.g. `Retry-After: 0` on Vectara's 429). */
  headers?: Record<string, string>;
}

/** One request the mock answered: no headers, so no credentials. */
export interface RecordedRequest {
  operationId: string | undefined;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
}

export interface Mock {
  /** `http://127.0.0.1:<port>`: the `baseUrl` of every client; each API lives under its spec's own paths. */
  url: string;
  /** The OAuth2 client-credentials token endpoint on the mock (the spec's `tokenUrl` path), if a spec has one. */
  tokenUrl: string | undefined;
  /** The operations served: operationId to `METHOD /path/{param}`. */
  operations: Record<string, string>;
  /** Every request answered since start or the last `reset()`, in order. */
  requests: readonly RecordedRequest[];
  /**
   * Sets what `operationId` returns for `id` (its path parameter's value, or all path parameters by name).
   * `data` is the 2xx body the spec documents; for a paged operation (the spec's `x-paging`), it may be the
   * items array alone, which the mock pages. Validated against the spec: a `MockSeedError` names the field and rule.
   */
  seed(operationId: string, id: string | Record<string, string>, data: Json): void;
  /** Removes `id`'s data: the operation then answers the spec's not-found status for it. */
  forget(operationId: string, id: string | Record<string, string>): void;
  /** Answers `status` to the next requests of `operationId`, before any other check. */
  force(operationId: string, status: number, options?: ForceOptions): void;
  /** Back to the start: the initial seed data, nothing forced, no recorded requests; issued tokens stop working. */
  reset(): void;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/** Bad seed data or an unknown operation: `field` is the JSON pointer (or option) at fault, `rule` what it breaks. */
export class MockSeedError extends TypeError {
  override name = 'MockSeedError';
  constructor(
    message: string,
    readonly field: string,
    readonly rule: string,
  ) {
    super(message);
  }
}

const json = (status: number, body: Json, headers: Record<string, string> = {}) => ({ status, body, headers });
type Answer = ReturnType<typeof json>;

/** Starts a mock of every operation of the specs, listening on 127.0.0.1 and an ephemeral port. */
export async function startMock(options: MockOptions = {}): Promise<Mock> {
  const operations = loadOperations(options.apis);
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const tokenPaths = new Set(
    operations.flatMap((operation) =>
      operation.security.flat().flatMap((scheme) => (scheme.tokenUrl ? [new URL(scheme.tokenUrl).pathname] : [])),
    ),
  );

  const operationOf = (operationId: string) => {
    const operation = byId.get(operationId);
    if (!operation)
      throw new MockSeedError(
        `No operation ${operationId}: the specs have ${[...byId.keys()].join(', ')}`,
        'operationId',
        'operation of the specs',
      );
    return operation;
  };

  // Seed data per operation: id key (path parameter values joined) to the 2xx body; for paged operations the
  // body's items array is the whole collection.
  let data = new Map<string, Map<string, Json>>();
  const forced = new Map<string, { status: number; remaining: number; body?: Json; headers?: Record<string, string> }>();
  let tokens = new Set<string>();
  const requests: RecordedRequest[] = [];

  function seed(operationId: string, id: string | Record<string, string>, value: Json, into = data) {
    const operation = operationOf(operationId);
    const key = idKey(operation, id);
    if (Array.isArray(value) && !operation.paging)
      throw new MockSeedError(
        `Seed of ${operationId} for ${key}: an array, but ${operationId} is not paged (no x-paging in its spec): give its whole ${operation.success.status} body`,
        '/',
        'type: must be object',
      );
    const body = structuredClone(Array.isArray(value) && operation.paging ? pageBody(operation, value, undefined) : value);
    if (!operation.success.validate(body)) {
      const error = operation.success.validate.errors?.[0];
      const field = error?.instancePath || '/';
      const rule = `${error?.keyword}: ${error?.message}`;
      throw new MockSeedError(
        `Seed of ${operationId} for ${key}: ${field} ${error?.message} (the spec's ${operation.success.status} schema)`,
        field,
        rule,
      );
    }
    if (!into.has(operationId)) into.set(operationId, new Map());
    into.get(operationId)?.set(key, body);
  }

  function initialData() {
    const initial = new Map<string, Map<string, Json>>();
    for (const operation of operations) {
      // Each named example is the data of the id of its name (Vectara's `customer_support` example is agent
      // customer_support's sessions); an operation whose examples name no id has none.
      if (options.examples !== false && operation.pathParameters.length === 1)
        for (const [name, example] of Object.entries(operation.success.examples)) seed(operation.operationId, name, example, initial);
    }
    for (const [operationId, entries] of Object.entries(options.seed ?? {}))
      for (const [id, value] of Object.entries(entries)) seed(operationId, id, value, initial);
    return initial;
  }
  data = initialData();

  function answer(request: IncomingMessage, body: string): { operation?: Operation; answer: Answer } {
    const url = new URL(request.url ?? '/', 'http://mock');
    if (tokenPaths.has(url.pathname))
      return { answer: request.method === 'POST' ? issueToken(request, body) : json(405, { message: 'Use POST' }) };
    const matches = operations.flatMap((operation) => {
      const match = operation.pattern.exec(url.pathname);
      return match ? [{ operation, values: match.slice(1) }] : [];
    });
    const found = matches.find(({ operation }) => operation.method === request.method);
    if (!found) {
      if (matches.length > 0) return { answer: json(405, { message: `${request.method} is not an operation of ${url.pathname}` }) };
      return { answer: json(404, { message: `No operation of the specs matches ${request.method} ${url.pathname}` }) };
    }
    const { operation, values } = found;
    const force = forced.get(operation.operationId);
    if (force) {
      if (--force.remaining <= 0) forced.delete(operation.operationId);
      const documented = operation.errors.get(force.status);
      return {
        operation,
        answer: json(
          force.status,
          force.body ?? documented?.example ?? { message: STATUS_CODES[force.status] ?? 'Forced' },
          force.headers ?? documented?.headers ?? {},
        ),
      };
    }
    if (!authorized(operation, request, url))
      return { operation, answer: documentedError(operation, 401, 'Invalid or missing credentials') };

    const path = Object.fromEntries(operation.pathParameters.map((name, index) => [name, safeDecode(values[index] ?? '')]));
    const query: Record<string, unknown> = {};
    for (const parameter of operation.parameters.filter((parameter) => parameter.in === 'query')) {
      const all = url.searchParams.getAll(parameter.name);
      if (all.length > 0) query[parameter.name] = parameter.array ? all : all[0];
    }
    const headers = Object.fromEntries(
      operation.parameters
        .filter((parameter) => parameter.in === 'header' && request.headers[parameter.name.toLowerCase()] !== undefined)
        .map((parameter) => [parameter.name.toLowerCase(), request.headers[parameter.name.toLowerCase()]]),
    );
    const fieldErrors: Record<string, string> = {};
    for (const [location, values] of [
      ['path', path],
      ['query', query],
      ['header', headers],
    ] as [ParameterLocation, Record<string, unknown>][]) {
      const validate = operation.validateParameters[location];
      if (validate(values)) continue;
      for (const error of validate.errors ?? []) {
        const field = error.instancePath.split('/')[1] ?? String(error.params.missingProperty ?? location);
        fieldErrors[field] ??= error.message ?? 'is invalid';
      }
    }
    if (Object.keys(fieldErrors).length > 0) return { operation, answer: badRequest(operation, fieldErrors) };

    const key = idKey(operation, path);
    const stored = data.get(operation.operationId)?.get(key);
    if (stored === undefined) {
      if (operation.pathParameters.length === 0) return { operation, answer: json(operation.success.status, emptyBody(operation)) };
      return { operation, answer: notFound(operation, key) };
    }
    if (!operation.paging) return { operation, answer: json(operation.success.status, stored) };

    // Paging: the cursor is an offset into this id's collection, bound to the id so another id's cursor is refused.
    const { paging } = operation;
    const items = ((stored as Record<string, Json>)[paging.items] ?? []) as Json[];
    const limit = paging.limit && query[paging.limit] !== undefined ? Number(query[paging.limit]) : (paging.defaultLimit ?? items.length);
    let offset = 0;
    if (query[paging.cursor] !== undefined) {
      const cursor = readCursor(String(query[paging.cursor]));
      if (!cursor || cursor.id !== key || cursor.offset > items.length)
        return { operation, answer: badRequest(operation, { [paging.cursor]: 'is not a cursor this server issued for this resource' }) };
      offset = cursor.offset;
    }
    const end = offset + limit;
    const page = pageBody(
      operation,
      items.slice(offset, end),
      end < items.length ? writeCursor({ id: key, offset: end }) : undefined,
      stored,
    );
    return { operation, answer: json(operation.success.status, page) };
  }

  function authorized(operation: Operation, request: IncomingMessage, url: URL): boolean {
    if (operation.security.length === 0) return true;
    return operation.security.some((alternative) => alternative.every((scheme) => satisfies(scheme, request, url)));
  }

  function satisfies(scheme: SecurityScheme, request: IncomingMessage, url: URL): boolean {
    const authorization = request.headers.authorization ?? '';
    if (scheme.type === 'apiKey') {
      const name = scheme.keyName ?? '';
      const key =
        scheme.in === 'query'
          ? url.searchParams.get(name)
          : scheme.in === 'cookie'
            ? cookie(request, name)
            : (request.headers[name.toLowerCase()] as string | undefined);
      return Boolean(key) && (!options.apiKeys || options.apiKeys.includes(key as string));
    }
    const bearer = /^Bearer (.+)$/i.exec(authorization)?.[1];
    // OAuth2: only a token this mock issued, so a client's token request is really exercised.
    if (scheme.type === 'oauth2') return bearer !== undefined && tokens.has(bearer);
    if (scheme.type === 'http' && scheme.scheme === 'basic') return /^Basic .+$/i.test(authorization);
    return bearer !== undefined;
  }

  function issueToken(request: IncomingMessage, body: string): Answer {
    const form = new URLSearchParams(body);
    const noStore = { 'cache-control': 'no-store' };
    if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' }, noStore);
    // RFC 6749 section 2.3.1: HTTP Basic, each part form-encoded; or the client's id and secret in the body.
    const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    let client: { clientId: string; clientSecret: string } | undefined;
    if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) client = { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
    } else if (form.get('client_id') && form.get('client_secret')) {
      client = { clientId: form.get('client_id') as string, clientSecret: form.get('client_secret') as string };
    }
    const accepted =
      client?.clientId &&
      client.clientSecret &&
      (!options.oauthClients ||
        options.oauthClients.some(({ clientId, clientSecret }) => clientId === client.clientId && clientSecret === client.clientSecret));
    if (!accepted) return json(401, { error: 'invalid_client' }, { ...noStore, 'www-authenticate': 'Basic realm="mock"' });
    const token = randomBytes(24).toString('base64url');
    tokens.add(token);
    return json(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 }, noStore);
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://mock');
      let result: { operation?: Operation; answer: Answer };
      try {
        result = answer(request, Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        result = { answer: json(500, { message: `The mock failed: ${error instanceof Error ? error.message : String(error)}` }) };
      }
      requests.push({
        operationId: result.operation?.operationId,
        method: request.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        status: result.answer.status,
      });
      send(response, result.answer);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const [tokenPath] = tokenPaths;

  return {
    url,
    tokenUrl: tokenPath === undefined ? undefined : `${url}${tokenPath}`,
    operations: Object.fromEntries(operations.map((operation) => [operation.operationId, `${operation.method} ${operation.template}`])),
    requests,
    seed: (operationId, id, value) => seed(operationId, id, value),
    forget(operationId, id) {
      data.get(operationId)?.delete(idKey(operationOf(operationId), id));
    },
    force(operationId, status, { times = Number.POSITIVE_INFINITY, body, headers } = {}) {
      operationOf(operationId);
      if (!Number.isInteger(status) || status < 100 || status > 599)
        throw new MockSeedError(`force(${operationId}): status ${status} is not an HTTP status`, 'status', 'integer 100..599');
      if (!(times >= 1)) throw new MockSeedError(`force(${operationId}): times ${times} must be at least 1`, 'times', 'minimum 1');
      forced.set(operationId, { status, remaining: times, ...(body !== undefined && { body }), ...(headers && { headers }) });
    },
    reset() {
      data = initialData();
      forced.clear();
      tokens = new Set();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (fetch keeps them) would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, { status, body, headers }: Answer) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': randomUUID(), ...headers });
  response.end(text);
}

/** The id key of `id` for `operation`: its path parameters' values, in the path's order, joined by `/`. */
function idKey(operation: Operation, id: string | Record<string, string>): string {
  if (typeof id === 'string') {
    if (operation.pathParameters.length > 1)
      throw new MockSeedError(
        `${operation.operationId} has path parameters ${operation.pathParameters.join(', ')}: give the id as an object of them`,
        'id',
        'object of path parameters',
      );
    return id;
  }
  return operation.pathParameters
    .map((name) => {
      const value = id[name];
      if (value === undefined) throw new MockSeedError(`${operation.operationId}: the id has no ${name}`, `id.${name}`, 'required');
      return value;
    })
    .join('/');
}

/** A page of a paged operation: the stored body (or the spec's first example) with `items`, and `next` when there is one. */
function pageBody(operation: Operation, items: Json[], next: string | undefined, stored?: Json): Json {
  const paging = operation.paging as NonNullable<Operation['paging']>;
  const template = stored ?? Object.values(operation.success.examples)[0] ?? {};
  const body = structuredClone(template) as Record<string, Json>;
  body[paging.items] = items;
  let parent = body;
  for (const property of paging.next.slice(0, -1)) {
    if (typeof parent[property] !== 'object' || parent[property] === null) parent[property] = {};
    parent = parent[property] as Record<string, Json>;
  }
  const last = paging.next.at(-1) as string;
  if (next === undefined) delete parent[last];
  else parent[last] = next;
  return body;
}

/** The 2xx body of an operation without path parameters that nothing was seeded for. */
function emptyBody(operation: Operation): Json {
  return operation.paging ? pageBody(operation, [], undefined) : (Object.values(operation.success.examples)[0] ?? {});
}

/** The spec's not-found answer: 404 if documented, else the documented 4xx whose description says "not found". */
function notFound(operation: Operation, id: string): Answer {
  const documented =
    operation.errors.get(404) ??
    [...operation.errors.values()].find((response) => response.status < 500 && /not found/i.test(response.description));
  if (!documented) return json(404, { message: `${id} not found` });
  const body = documented.example;
  // The spec's body names the id it could not find (Vectara's NotFoundError `id`): this request's, not the example's.
  const named = isRecord(body) && typeof body.id === 'string' ? { ...body, id } : body;
  return json(documented.status, named ?? { message: `${id} not found` }, documented.headers);
}

/** The spec's 400 for invalid input (not its "not found" 400), with `field_errors` filled in when its body has them. */
function badRequest(operation: Operation, fieldErrors: Record<string, string>): Answer {
  const documented = operation.errors.get(400);
  const message = Object.entries(fieldErrors)
    .map(([field, error]) => `${field} ${error}`)
    .join('; ');
  if (!documented || /not found/i.test(documented.description)) return json(400, { message });
  const body = isRecord(documented.example) ? { ...documented.example } : {};
  if ('field_errors' in body) body.field_errors = fieldErrors;
  if (Array.isArray(body.messages)) body.messages = [`Invalid request: ${message}`];
  else if (typeof body.message === 'string') body.message = message;
  return json(400, body, documented.headers);
}

function documentedError(operation: Operation, status: number, fallback: string): Answer {
  const documented = operation.errors.get(status);
  return json(status, documented?.example ?? { message: fallback }, documented?.headers ?? {});
}

function writeCursor(cursor: { id: string; offset: number }): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function readCursor(text: string): { id: string; offset: number } | undefined {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    return typeof cursor?.id === 'string' && Number.isInteger(cursor.offset) && cursor.offset >= 0 ? cursor : undefined;
  } catch {
    return undefined;
  }
}

function cookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function formDecode(text: string): string {
  return safeDecode(text.replaceAll('+', ' '));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
