/** A live run's settings, read from the environment variables a provider's descriptor names. */
import { loadSpec } from '@api-contracts/specs';
import type { ClientCredentials } from './oauth.js';
import type { LiveVariables, Provider } from './providers/provider.js';

/** How a live run authenticates, with the variables that hold the credentials (to name them, never their values). */
export type LiveAuth = { kind: 'api-key'; apiKey: string; variables: string } | ({ kind: 'oauth'; variables: string } & ClientCredentials);

export interface LiveSettings {
  auth: LiveAuth;
  baseUrl: string;
  ids: Record<string, string>;
  optionalIds: Record<string, string | undefined>;
}

/** The variables to set, for a message: required (alternatives joined by "or") and optional. */
export function variablesOf({ variables }: Provider): { required: string[]; optional: string[] } {
  return {
    required: [credentialVariables(variables), ...Object.values(variables.ids)],
    optional: [...(variables.oauth ? [variables.oauth.tokenUrl] : []), variables.baseUrl, ...Object.values(variables.optionalIds)],
  };
}

const credentialVariables = (variables: LiveVariables) =>
  variables.oauth ? `${variables.apiKey} (or ${variables.oauth.clientId} and ${variables.oauth.clientSecret})` : variables.apiKey;

/** The token URL of the spec's OAuth2 client-credentials scheme. */
export function specTokenUrl(provider: Provider): string | undefined {
  const schemes = (loadSpec(provider.api) as { components?: { securitySchemes?: Record<string, SecurityScheme> } }).components
    ?.securitySchemes;
  return Object.values(schemes ?? {}).find((scheme) => scheme.type === 'oauth2')?.flows?.clientCredentials?.tokenUrl;
}
interface SecurityScheme {
  type: string;
  flows?: { clientCredentials?: { tokenUrl?: string } };
}

/**
 * The settings, or the variables that are missing. The API key wins when it is set; OAuth needs both halves
 * of the client credentials, and takes its token URL from the spec unless the token-URL variable is set.
 */
export function readLiveSettings(provider: Provider, env: NodeJS.ProcessEnv): LiveSettings | { missing: string[] } {
  const { variables } = provider;
  const value = (name: string) => env[name]?.trim() ?? '';
  const oauth = variables.oauth && !value(variables.apiKey) && value(variables.oauth.clientId) && value(variables.oauth.clientSecret);
  const tokenUrl = variables.oauth ? value(variables.oauth.tokenUrl) || specTokenUrl(provider) : undefined;
  const missing = [
    ...(value(variables.apiKey) || oauth ? [] : [credentialVariables(variables)]),
    ...Object.values(variables.ids).filter((name) => !value(name)),
    ...(oauth && !tokenUrl ? [`${variables.oauth?.tokenUrl} (the spec names no OAuth2 token URL)`] : []),
  ];
  if (missing.length > 0) return { missing };
  const auth: LiveAuth =
    oauth && variables.oauth
      ? {
          kind: 'oauth',
          clientId: value(variables.oauth.clientId),
          clientSecret: value(variables.oauth.clientSecret),
          tokenUrl: tokenUrl ?? '',
          variables: `${variables.oauth.clientId}/${variables.oauth.clientSecret}`,
        }
      : { kind: 'api-key', apiKey: value(variables.apiKey), variables: variables.apiKey };
  return {
    auth,
    baseUrl: value(variables.baseUrl) || provider.defaultBaseUrl,
    ids: Object.fromEntries(Object.entries(variables.ids).map(([id, name]) => [id, value(name)])),
    optionalIds: Object.fromEntries(Object.entries(variables.optionalIds).map(([id, name]) => [id, value(name) || undefined])),
  };
}
