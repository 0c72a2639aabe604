/** What a live run needs to get OAuth2 tokens with the client-credentials grant. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
}

/** The token endpoint refused or failed: says which, never with the secret or a token. */
export class TokenError extends Error {
  override name = 'TokenError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

// A token this close to its expiry is replaced rather than sent: it could lapse in flight.
const expiryMarginMs = 30_000;

/**
 * Tokens for one live run: the first call fetches one, later calls get the same token while it is valid
 * (until `expiryMarginMs` before `expires_in`), and concurrent callers share one request to the endpoint.
 * The secret is sent in the form body (client_secret_post, as the provider's docs show) and never kept in
 * a message; each token is handed to `onToken` before it is used.
 */
export function tokenSource(
  credentials: ClientCredentials,
  now: () => number = Date.now,
  /** Told of each new token before anyone gets it (the run's redactor must know it before it can be printed). */
  onToken: (token: string) => void | Promise<void> = () => {},
) {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let requests = 0;

  async function fetchToken(): Promise<string> {
    requests++;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    });
    let response: Response;
    try {
      response = await fetch(credentials.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new TokenError(`token endpoint ${credentials.tokenUrl} unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text();
    if (!response.ok) throw new TokenError(`token endpoint ${credentials.tokenUrl} answered HTTP ${response.status}`, response.status);
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new TokenError(`token endpoint ${credentials.tokenUrl} answered HTTP ${response.status} without JSON`, response.status);
    }
    if (typeof parsed.access_token !== 'string' || parsed.access_token === '')
      throw new TokenError(`token endpoint ${credentials.tokenUrl} answered without an access_token`, response.status);
    await onToken(parsed.access_token);
    const lifetimeMs = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in * 1000 : 3_600_000;
    cached = { token: parsed.access_token, expiresAt: now() + lifetimeMs - Math.min(expiryMarginMs, lifetimeMs / 2) };
    return parsed.access_token;
  }

  return {
    token(): Promise<string> {
      if (cached && now() < cached.expiresAt) return Promise.resolve(cached.token);
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    /** How many times the token endpoint was asked. */
    get requests() {
      return requests;
    },
  };
}
