import { ValidationError } from './errors.js';
import type { OAuthClientCredentials, oauthAuthenticator } from './oauth.js';
import type { Authenticator } from './resilient-fetch.js';

/** An API key, sent in the spec's API key header (`x-api-key`) on every request. Never logged, never put in an error. */
export interface ApiKeyCredentials {
  apiKey: string;
  oauth?: undefined;
}

/** OAuth client credentials: a bearer token is fetched with them and sent as `Authorization: Bearer`. */
export interface OAuthCredentials {
  oauth: OAuthClientCredentials;
  apiKey?: undefined;
}

/** How a client proves who it is, resolved from its options. */
export interface Credentials {
  /** Headers fixed for the client's life: the API key rides here, without per-request work. */
  headers: Record<string, string>;
  authenticator: Authenticator | undefined;
  /** Every secret in use now, to keep out of errors and reports that carry provider data. */
  secrets(): string[];
}

const present = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** How the spec's `security` lets a client prove who it is. */
export interface SecuritySpec {
  /** The header of the spec's API key scheme (`x-api-key`). */
  apiKeyHeader: string;
  /**
   * When the spec offers OAuth2 client credentials: its token URL, and the authenticator, passed in by the
   * generated client of that spec only, so a client whose spec has no OAuth does not bundle it.
   */
  oauth?: { tokenUrl: string; authenticator: typeof oauthAuthenticator };
}

/**
 * Exactly one of `apiKey` and `oauth` (OAuth only where the spec offers it: `spec.oauth`), checked before
 * anything is sent.
 */
export function resolveCredentials(
  options: Partial<ApiKeyCredentials> | Partial<OAuthCredentials> | undefined,
  transport: { send: typeof fetch; timeoutMs: number | false },
  { apiKeyHeader, oauth: oauthSpec }: SecuritySpec,
): Credentials {
  const { apiKey, oauth } = (options ?? {}) as { apiKey?: unknown; oauth?: Partial<OAuthClientCredentials> };
  if (oauth !== undefined && oauthSpec !== undefined) {
    if (apiKey !== undefined)
      throw new ValidationError('oauth', 'oneOf', 'cannot be given together with `apiKey`: pass exactly one of the two');
    return { headers: {}, ...oauthCredentials(oauth, oauthSpec, transport) };
  }
  if (!present(apiKey)) {
    const alternatives = oauthSpec === undefined ? '' : ', or OAuth client credentials as `oauth`';
    throw new ValidationError('apiKey', 'required', `is required: pass the provider API key as \`apiKey\`${alternatives}`);
  }
  return { headers: { [apiKeyHeader]: apiKey }, authenticator: undefined, secrets: () => [apiKey] };
}

function oauthCredentials(
  oauth: Partial<OAuthClientCredentials>,
  spec: NonNullable<SecuritySpec['oauth']>,
  transport: { send: typeof fetch; timeoutMs: number | false },
) {
  for (const field of ['clientId', 'clientSecret'] as const) {
    if (!present(oauth?.[field])) throw new ValidationError(`oauth.${field}`, 'required', 'is required and must not be empty');
  }
  const tokenUrl = oauth.tokenUrl ?? spec.tokenUrl;
  // The value is not echoed: a URL may carry credentials of its own.
  if (!/^https?:$/.test(protocolOf(tokenUrl))) {
    throw new ValidationError('oauth.tokenUrl', 'format', 'must be an absolute http or https URL');
  }
  const authenticator = spec.authenticator(
    { clientId: oauth.clientId as string, clientSecret: oauth.clientSecret as string, tokenUrl },
    transport,
  );
  return { authenticator, secrets: authenticator.secrets };
}

function protocolOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}
