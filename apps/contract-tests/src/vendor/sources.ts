import type { Api } from '@api-contracts/specs';

/**
 * Where each provider publishes its OpenAPI definition, and the variable that points elsewhere (a URL or a
 * local file). Keyed by the specs' own API list, so a new API does not compile without its source.
 * (Its natural home is the provider descriptors, src/providers/*.ts, owned by the contract app's routes;
 * kept here until they take a `definition` field.)
 */
export const definitionSources: Record<Api, { env: string; url: string }> = {
  vectara: { env: 'VECTARA_DEFINITION', url: 'https://docs.vectara.com/vectara-oas-v2.yaml' },
  // The file the "Get Account Sessions" docs page embeds.
  verisoul: { env: 'VERISOUL_DEFINITION', url: 'https://docs.verisoul.ai/api-reference/account-openapi.json' },
};

/** The location to compare with: the variable's value when set, else the published URL. */
export function definitionLocation(api: Api, env: NodeJS.ProcessEnv = process.env): { location: string; from: string } {
  const source = definitionSources[api];
  const configured = env[source.env]?.trim();
  return configured ? { location: configured, from: source.env } : { location: source.url, from: 'published URL' };
}
