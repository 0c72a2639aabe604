import type { AccountSessionsResponse, paths } from '@api-contracts/types/verisoul';
import { parameterRules, servers } from '@api-contracts/types/verisoul';
import type { responseValidators } from '@api-contracts/types/verisoul/validators';
import type { Client } from 'openapi-fetch';
import type { ApiKeyCredentials } from './credentials.js';
import type { ResponseValidation } from './drift.js';
import { ValidationError } from './errors.js';
import { checkParameters } from './input.js';
import { createTransport, type TransportOptions } from './transport.js';

export type VerisoulEnvironment = 'sandbox' | 'production';

export interface VerisoulClientOptions
  extends TransportOptions,
    Omit<ApiKeyCredentials, 'oauth'>,
    ResponseValidation<typeof responseValidators> {
  /** Which of the spec's servers to call, unless `baseUrl` is given. */
  environment: VerisoulEnvironment;
}

export interface VerisoulClient {
  /** The ids of every session of an account. A 400 ("Account not found") throws an ApiError. */
  getAccountSessions(accountId: string, options?: { signal?: AbortSignal }): Promise<AccountSessionsResponse>;
  /** The underlying openapi-fetch client (API key, timeout and retries included) for anything else. */
  raw: Client<paths>;
}

const serverByEnvironment: Record<VerisoulEnvironment, string> = {
  sandbox: servers.find((server) => server.description === 'Sandbox')?.url ?? servers[0].url,
  production: servers.find((server) => server.description === 'Production')?.url ?? servers[0].url,
};

const operation = 'getAccountSessions';

export function createVerisoulClient(options: VerisoulClientOptions): VerisoulClient {
  // The spec offers only an API key: no `oauthTokenUrl`, so `oauth` is not accepted.
  const { raw, call } = createTransport<paths>(options, { baseUrl: serverByEnvironment[options?.environment] ?? '' });
  if (!(options.environment in serverByEnvironment)) {
    throw new ValidationError('environment', 'required', `must be "sandbox" or "production", got ${JSON.stringify(options.environment)}`);
  }

  async function getAccountSessions(accountId: string, { signal }: { signal?: AbortSignal } = {}) {
    checkParameters(parameterRules.getAccountSessions, { account_id: accountId });
    return call<AccountSessionsResponse>(operation, signal, (fetch) =>
      raw.GET('/account/{account_id}/sessions', { params: { path: { account_id: accountId } }, parseAs: 'stream', signal, fetch }),
    );
  }

  return { getAccountSessions, raw };
}
