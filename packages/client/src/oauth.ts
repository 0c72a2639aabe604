import { AuthenticationError, describe } from './errors.js';
import type { Authenticator } from './resilient-fetch.js';
import { startTimeout } from './timeout.js';

/** OAuth 2.0 client credentials (RFC 6749 section 4.4). */
export interface OAuthClientCredentials {
  clientId: string;
  /** Sent only to the token endpoint, in an HTTP Basic header. Never logged, never put in an error. */
  clientSecret: string;
  /** The token endpoint. Default: the spec's OAuth2 client-credentials `tokenUrl`. */
  tokenUrl?: string;
}

interface Token {
  value: string;
  /** When to stop using it (ms since the epoch); Infinity when the endpoint gave no `expires_in`. */
  renewAt: number;
}

/** A token is renewed this long before it expires, or at 90% of its life when that is shorter. */
const renewalMarginMs = 60_000;

// The error codes of RFC 6749 section 5.2: the only part of a token endpoint's body an error repeats.
const oauthErrorCodes = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
]);

/**
 * Bearer tokens from a client-credentials grant: one token shared by every request of a client, reused
 * until shortly before `expires_in`, fetched by a single request however many callers need it at once,
 * and replaced once when the provider answers 401 to it. The token request has the client's timeout,
 * and no retries: a failure is an AuthenticationError now, and the next call tries again.
 */
export function oauthAuthenticator(
  credentials: Required<OAuthClientCredentials>,
  settings: { send: typeof fetch; timeoutMs: number | false },
): Authenticator & { secrets(): string[] } {
  let current: Token | undefined;
  let previous: string | undefined;
  let pending: Promise<Token> | undefined;
  const tokenUrl = withoutUserInfo(credentials.tokenUrl);

  function token(): Promise<Token> {
    if (current && Date.now() < current.renewAt) return Promise.resolve(current);
    pending ??= requestToken().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  async function requestToken(): Promise<Token> {
    const deadline = startTimeout(settings.timeoutMs, undefined, { url: tokenUrl });
    let response: Response;
    let body: unknown;
    try {
      response = await settings.send(credentials.tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${btoa(`${formEncode(credentials.clientId)}:${formEncode(credentials.clientSecret)}`)}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        ...(deadline && { signal: deadline.signal }),
      });
      body = await response.json().catch(() => undefined);
    } catch (cause) {
      // The cause's message only: an underlying error object could carry the request it failed on.
      throw new AuthenticationError(tokenUrl, undefined, 'no response from the token endpoint', { cause: new Error(describe(cause)) });
    } finally {
      deadline?.clear();
    }
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    if (!response.ok) {
      const code =
        typeof fields.error === 'string' && oauthErrorCodes.has(fields.error) ? fields.error : 'the token endpoint refused the request';
      throw new AuthenticationError(tokenUrl, response.status, code);
    }
    if (typeof fields.access_token !== 'string' || fields.access_token === '') {
      throw new AuthenticationError(tokenUrl, response.status, 'the token endpoint answered without an access_token');
    }
    const lifetimeMs = typeof fields.expires_in === 'number' && fields.expires_in > 0 ? fields.expires_in * 1000 : Infinity;
    previous = current?.value;
    current = { value: fields.access_token, renewAt: Date.now() + lifetimeMs - Math.min(renewalMarginMs, lifetimeMs / 10) };
    return current;
  }

  return {
    async authorize(request) {
      request.headers.set('authorization', `Bearer ${(await token()).value}`);
    },
    async renew(request) {
      // Many requests may come back 401 with the same token: only the first replaces it.
      if (current && request.headers.get('authorization') === `Bearer ${current.value}`) current = undefined;
      request.headers.set('authorization', `Bearer ${(await token()).value}`);
    },
    secrets: () => [credentials.clientSecret, current?.value ?? '', previous ?? ''].filter(Boolean),
  };
}

/** RFC 6749 section 2.3.1: the client id and secret are form-encoded (as URLSearchParams does) before they are joined for HTTP Basic. */
const formEncode = (value: string) => new URLSearchParams([['', value]]).toString().slice(1);

function withoutUserInfo(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}
