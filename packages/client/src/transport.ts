import createClient, { type Client } from 'openapi-fetch';
import { type ApiKeyCredentials, type OAuthCredentials, resolveCredentials, type SecuritySpec } from './credentials.js';
import { driftCheck, type ResponseValidationSettings } from './drift.js';
import { ValidationError } from './errors.js';
import { resilientFetch } from './resilient-fetch.js';
import { expectJson, type RawResult } from './response.js';
import { type RetryOptions, retryPolicy } from './retry.js';

/** Options every client takes, besides its credentials. */
export interface TransportOptions {
  /** Overrides the server taken from the spec. */
  baseUrl?: string;
  /** The fetch to send requests with (the OAuth token request too). Default: globalThis.fetch. */
  fetch?: typeof fetch;
  /** Time limit of each HTTP request, body included, in whole milliseconds. Default 10,000 ms; `false` for none. */
  timeoutMs?: number | false;
  /** Retry policy for GET requests, or `false` for a single attempt. */
  retry?: RetryOptions | false;
}

const defaultTimeoutMs = 10_000;

/** What a client's spec says about how to reach and authenticate it (generated: src/generated/<api>.ts). */
export interface TransportSpec extends SecuritySpec {
  baseUrl: string;
  /** A request header the spec offers for the client's own timeout in milliseconds, sent with every request. */
  timeoutHeader?: string;
}

export type OperationFetch = (input: Request) => Promise<Response>;

export interface Transport<Paths extends {}> {
  /** The openapi-fetch client: credentials, timeout and retries applied. */
  raw: Client<Paths>;
  /**
   * Runs `request` (an openapi-fetch call made with `parseAs: 'stream'` and the given `fetch`, whose errors
   * name `operation`) and returns its parsed 2xx body; any other outcome is a typed error.
   */
  call<T>(operation: string, signal: AbortSignal | undefined, request: (fetch: OperationFetch) => Promise<RawResult>): Promise<T>;
}

/** One place where a client's options become its transport: defaults resolved once, credentials checked before any request. */
export function createTransport<Paths extends {}>(
  options: TransportOptions & (Partial<ApiKeyCredentials> | Partial<OAuthCredentials>) & ResponseValidationSettings,
  spec: TransportSpec,
): Transport<Paths> {
  options ??= {};
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  if (timeoutMs !== false && !(Number.isInteger(timeoutMs) && timeoutMs >= 1)) {
    throw new ValidationError(
      'timeoutMs',
      'minimum',
      `must be a whole number of milliseconds, at least 1, or false, got ${JSON.stringify(timeoutMs)}`,
    );
  }
  const send = options.fetch ?? globalThis.fetch;
  const credentials = resolveCredentials(options, { send, timeoutMs }, spec);
  const checkDrift = driftCheck(options, credentials.secrets);
  const settings = { send, timeoutMs, policy: retryPolicy(options.retry), authenticator: credentials.authenticator };
  const fetches = new Map<string, OperationFetch>();
  const raw = createClient<Paths>({
    baseUrl: options.baseUrl ?? spec.baseUrl,
    fetch: resilientFetch(settings),
    // Fixed headers ride in the base headers rather than a middleware: same effect on every request, raw ones
    // included, without openapi-fetch's per-request middleware bookkeeping.
    headers: {
      ...credentials.headers,
      ...(spec.timeoutHeader && timeoutMs !== false && { [spec.timeoutHeader]: String(timeoutMs) }),
    },
  });
  const fetchFor = (operation: string) => {
    let operationFetch = fetches.get(operation);
    if (!operationFetch) {
      operationFetch = resilientFetch(settings, operation);
      fetches.set(operation, operationFetch);
    }
    return operationFetch;
  };
  return {
    raw,
    call: (operation, signal, request) =>
      expectJson(operation, () => request(fetchFor(operation)), { signal, secrets: credentials.secrets, checkDrift }),
  };
}
