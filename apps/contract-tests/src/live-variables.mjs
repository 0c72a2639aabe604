// @ts-check
/**
 * The live run's environment variables, per API, and the rule that says which are missing. Plain JavaScript
 * that imports only the specs package (no build, no tsx), so `pnpm contracts:live` checks its settings in
 * well under a second, before turbo builds anything (contracts-live.mjs); the descriptors take their
 * variables from here and the run reads its settings by the same rule (settings.ts), so the two never disagree.
 */
import { apis, loadSpec } from '@api-contracts/specs';

/** @typedef {import('@api-contracts/specs').Api} Api */
/** @typedef {import('./providers/provider.js').LiveVariables} LiveVariables */

/**
 * A provider's variables, all named `<prefix>_…`: `_API_KEY`, `_BASE_URL`, with `oauth` also `_CLIENT_ID`,
 * `_CLIENT_SECRET` and `_TOKEN_URL`; `ids` and `optionalIds` map each id to its suffix.
 * @param {string} prefix
 * @param {{ oauth?: boolean, ids: Record<string, string>, optionalIds: Record<string, string> }} options
 * @returns {LiveVariables}
 */
export function liveVariables(prefix, { oauth = false, ids, optionalIds }) {
  /** @param {Record<string, string>} suffixes */
  const named = (suffixes) => Object.fromEntries(Object.entries(suffixes).map(([id, suffix]) => [id, `${prefix}_${suffix}`]));
  return {
    apiKey: `${prefix}_API_KEY`,
    ...(oauth && { oauth: { clientId: `${prefix}_CLIENT_ID`, clientSecret: `${prefix}_CLIENT_SECRET`, tokenUrl: `${prefix}_TOKEN_URL` } }),
    baseUrl: `${prefix}_BASE_URL`,
    ids: named(ids),
    optionalIds: named(optionalIds),
  };
}

/**
 * Each API's variables (its descriptor's `variables`). An API without an entry here (one `pnpm api:add` just
 * added) has `<API>_API_KEY` and `<API>_BASE_URL` and no ids until a person writes its entry.
 */
export const liveVariablesOf = /** @type {Readonly<Record<Api, LiveVariables>>} */ (
  Object.freeze({
    ...Object.fromEntries(apis.map((api) => [api, liveVariables(api.toUpperCase().replaceAll('-', '_'), { ids: {}, optionalIds: {} })])),
    verisoul: liveVariables('VERISOUL', { ids: { accountId: 'ACCOUNT_ID' }, optionalIds: { emptyAccountId: 'EMPTY_ACCOUNT_ID' } }),
    vectara: liveVariables('VECTARA', { oauth: true, ids: { agentKey: 'AGENT_KEY' }, optionalIds: { emptyAgentKey: 'EMPTY_AGENT_KEY' } }),
  })
);

/**
 * The credential variables, for a message: the API key, or (with OAuth) either the key or the client pair.
 * @param {LiveVariables} variables
 */
export const credentialVariables = (variables) =>
  variables.oauth ? `${variables.apiKey} (or ${variables.oauth.clientId} and ${variables.oauth.clientSecret})` : variables.apiKey;

/**
 * The token URL of the spec's OAuth2 client-credentials scheme.
 * @param {Api} api
 * @returns {string | undefined}
 */
export function specTokenUrl(api) {
  /** @type {{ components?: { securitySchemes?: Record<string, { type: string, flows?: { clientCredentials?: { tokenUrl?: string } } }> } }} */
  const spec = loadSpec(api);
  return Object.values(spec.components?.securitySchemes ?? {}).find((scheme) => scheme.type === 'oauth2')?.flows?.clientCredentials
    ?.tokenUrl;
}

/**
 * A variable's value, trimmed; an empty value counts as not set.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 */
export const settingValue = (env, name) => env[name]?.trim() ?? '';

/**
 * Whether the run authenticates with OAuth: the API key wins when it is set; OAuth needs both halves.
 * @param {LiveVariables} variables
 * @param {NodeJS.ProcessEnv} env
 */
export const usesOAuth = (variables, env) =>
  Boolean(
    variables.oauth &&
      !settingValue(env, variables.apiKey) &&
      settingValue(env, variables.oauth.clientId) &&
      settingValue(env, variables.oauth.clientSecret),
  );

/**
 * The variables a live run of one API still needs, each named once (alternatives joined by "or"); empty when
 * it can run. With OAuth the token URL comes from the spec unless its variable is set.
 * @param {LiveVariables} variables
 * @param {NodeJS.ProcessEnv} env
 * @param {() => string | undefined} tokenUrlOfSpec
 * @returns {string[]}
 */
export function missingLiveVariables(variables, env, tokenUrlOfSpec) {
  const oauth = usesOAuth(variables, env);
  const tokenUrl = variables.oauth && oauth ? settingValue(env, variables.oauth.tokenUrl) || tokenUrlOfSpec() : undefined;
  return [
    ...(settingValue(env, variables.apiKey) || oauth ? [] : [credentialVariables(variables)]),
    ...Object.values(variables.ids).filter((name) => !settingValue(env, name)),
    ...(oauth && !tokenUrl ? [`${variables.oauth?.tokenUrl} (the spec names no OAuth2 token URL)`] : []),
  ];
}

/**
 * Why a live run of `selected` cannot start, in lines for the terminal (each API that misses a setting, with
 * what to set), or undefined when every selected API has its settings. Names only, never a value.
 * @param {readonly Api[]} selected
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | undefined}
 */
export function liveSettingsProblem(selected, env) {
  const missing = selected.map((api) => ({
    api,
    names: missingLiveVariables(liveVariablesOf[api], env, () => specTokenUrl(api)),
  }));
  const unset = missing.filter(({ names }) => names.length > 0);
  if (unset.length === 0) return undefined;
  const ready = missing.filter(({ names }) => names.length === 0).map(({ api }) => `--api ${api}`);
  return [
    ...unset.map(({ api, names }) => `${api}: not run: set ${names.join(', ')}`),
    `live run: NOT RUN, nothing was built or started (exit 2). The variables: docs/live.md${
      ready.length > 0 ? `; to run only the APIs that have their settings: ${ready.join(' ')}` : ''
    }`,
  ].join('\n');
}

/**
 * The APIs of `--api` (every API without it), or the error for a name that is not one.
 * @param {string[] | undefined} names
 * @returns {{ apis: Api[] } | { error: string }}
 */
export function selectApis(names) {
  const selected = names ?? [...apis];
  const unknown = selected.filter((name) => !(/** @type {readonly string[]} */ (apis).includes(name)));
  if (unknown.length > 0) return { error: `unknown --api ${unknown.join(', ')}: expected ${apis.join(' or ')}` };
  return { apis: /** @type {Api[]} */ (selected) };
}
