import type { AccountSessionsResponse, paths } from '@api-contracts/types/verisoul';
import { parameterRules, servers } from '@api-contracts/types/verisoul';
import createClient, { type Client } from 'openapi-fetch';
import { ValidationError } from './errors.js';
import { checkParameters } from './input.js';
import { expectJson } from './response.js';
import { requireApiKey, resilientFetch, type TransportOptions } from './transport.js';

export type VerisoulEnvironment = 'sandbox' | 'production';

export interface VerisoulClientOptions extends TransportOptions {
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

export function createVerisoulClient(options: VerisoulClientOptions): VerisoulClient {
  requireApiKey(options?.apiKey);
  if (!(options.environment in serverByEnvironment)) {
    throw new ValidationError('environment', 'required', `must be "sandbox" or "production", got ${JSON.stringify(options.environment)}`);
  }
  const raw = createClient<paths>({
    baseUrl: options.baseUrl ?? serverByEnvironment[options.environment],
    fetch: resilientFetch(options),
    // The key rides in the base headers rather than a middleware: same effect on every request, raw ones
    // included, without openapi-fetch's per-request middleware bookkeeping.
    headers: { 'x-api-key': options.apiKey },
  });
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function getAccountSessions(accountId: string, { signal }: { signal?: AbortSignal } = {}) {
    checkParameters(parameterRules.getAccountSessions, { account_id: accountId });
    return expectJson<AccountSessionsResponse>(
      'getAccountSessions',
      () => raw.GET('/account/{account_id}/sessions', { params: { path: { account_id: accountId } }, parseAs: 'text', signal }),
      { signal, timeoutMs },
    );
  }

  return { getAccountSessions, raw };
}
