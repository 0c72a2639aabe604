// Generated from specs/verisoul/openapi.yaml by packages/client/scripts/generate.ts. Do not edit: run `pnpm generate`.
import type { operations, paths } from '@api-contracts/types/verisoul';
import { parameterRules, securitySchemes, servers } from '@api-contracts/types/verisoul';
import type { responseValidators } from '@api-contracts/types/verisoul/validators';
import type { Client } from 'openapi-fetch';
import type { ApiKeyCredentials } from '../credentials.js';
import type { ResponseValidation } from '../drift.js';
import { ValidationError } from '../errors.js';
import { checkParameters } from '../input.js';
import type { ParametersIn, ServerChoice, SuccessBody } from '../operation-types.js';
import { createTransport, type TransportOptions, type TransportSpec } from '../transport.js';

/** What the spec says about reaching the API: its servers, its security, no timeout header. */
const transportSpec = {
  baseUrl: servers[0].url,
  apiKeyHeader: securitySchemes.apiKeyAuth.name,
} satisfies TransportSpec;

/** Which of the spec's servers a client calls: each server's description, camel-cased. */
export type VerisoulEnvironment = 'sandbox' | 'production';

/** The spec's servers by environment. */
const serverByEnvironment: Record<VerisoulEnvironment, string> = {
  sandbox: servers[0].url,
  production: servers[1].url,
};

/** How a client proves who it is, as the spec's `security` allows: an API key. */
export type VerisoulCredentials = Omit<ApiKeyCredentials, 'oauth'>;

type OptionsWith<Credentials> = TransportOptions &
  Credentials &
  ResponseValidation<typeof responseValidators> &
  ServerChoice<VerisoulEnvironment>;

/** Transport options, credentials, an `environment` unless `baseUrl` is given, and the opt-in check of responses against the spec. */
export type VerisoulClientOptions = OptionsWith<VerisoulCredentials>;

/** Query and header parameters of `getAccountSessions`, camel-cased, and the caller's `signal`. */
export interface GetAccountSessionsOptions {
  signal?: AbortSignal;
}

/** Query and header parameters of `getAccount`, camel-cased, and the caller's `signal`. */
export interface GetAccountOptions {
  signal?: AbortSignal;
}

/** One method per operation of specs/verisoul/openapi.yaml, named by its operationId. */
export interface VerisoulClient {
  /** Get account sessions: `GET /account/{account_id}/sessions`. */
  getAccountSessions(accountId: ParametersIn<operations["getAccountSessions"], 'path'>["account_id"], options?: GetAccountSessionsOptions): Promise<SuccessBody<operations["getAccountSessions"]>>;
  /** Get account: `GET /account/{account_id}`. */
  getAccount(accountId: ParametersIn<operations["getAccount"], 'path'>["account_id"], options?: GetAccountOptions): Promise<SuccessBody<operations["getAccount"]>>;
  /** The underlying openapi-fetch client (credentials, timeout and retries included) for anything else. */
  raw: Client<paths>;
}

/** A client of every operation of specs/verisoul/openapi.yaml. */
export function createVerisoulClient(options: VerisoulClientOptions): VerisoulClient {
  const environment: string | undefined = options?.environment;
  const server = environment !== undefined && Object.hasOwn(serverByEnvironment, environment) ? serverByEnvironment[environment as VerisoulEnvironment] : undefined;
  const { raw, call } = createTransport<paths>(options, { ...transportSpec, baseUrl: server ?? '' });
  if (server === undefined && (environment !== undefined || options.baseUrl === undefined)) {
    throw new ValidationError(
      'environment',
      environment === undefined ? 'required' : 'oneOf',
      `must be "sandbox" or "production" unless baseUrl is given, got ${JSON.stringify(environment)}`,
    );
  }

  async function getAccountSessions(accountId: ParametersIn<operations["getAccountSessions"], 'path'>["account_id"], { signal }: GetAccountSessionsOptions = {}) {
    const path = { account_id: accountId };
    checkParameters(parameterRules.getAccountSessions, { ...path });
    return call<SuccessBody<operations["getAccountSessions"]>>("getAccountSessions", signal, (fetch) =>
      raw.GET("/account/{account_id}/sessions", { params: { path }, parseAs: 'stream', signal, fetch }),
    );
  }

  async function getAccount(accountId: ParametersIn<operations["getAccount"], 'path'>["account_id"], { signal }: GetAccountOptions = {}) {
    const path = { account_id: accountId };
    checkParameters(parameterRules.getAccount, { ...path });
    return call<SuccessBody<operations["getAccount"]>>("getAccount", signal, (fetch) =>
      raw.GET("/account/{account_id}", { params: { path }, parseAs: 'stream', signal, fetch }),
    );
  }

  return { getAccountSessions, getAccount, raw };
}
