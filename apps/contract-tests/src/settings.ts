/** A live run's settings, read from the environment variables a provider's descriptor names. */
import { credentialVariables, missingLiveVariables, settingValue, specTokenUrl, usesOAuth } from './live-variables.mjs';
import type { ClientCredentials } from './oauth.js';
import type { Provider } from './providers/provider.js';

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

/**
 * The settings, or the variables that are missing (by the rule `pnpm contracts:live` checks first, in
 * live-variables.mjs). The API key wins when it is set; OAuth needs both halves of the client credentials,
 * and takes its token URL from the spec unless the token-URL variable is set.
 */
export function readLiveSettings(provider: Provider, env: NodeJS.ProcessEnv): LiveSettings | { missing: string[] } {
  const { variables } = provider;
  const value = (name: string) => settingValue(env, name);
  const oauth = usesOAuth(variables, env);
  const tokenUrl = variables.oauth ? value(variables.oauth.tokenUrl) || specTokenUrl(provider.api) : undefined;
  const missing = missingLiveVariables(variables, env, () => tokenUrl);
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
