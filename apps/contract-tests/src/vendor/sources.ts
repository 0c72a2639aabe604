import type { Api } from '@api-contracts/specs';
import { loadProvider } from '../providers/index.js';

/**
 * The location to compare with: the value of the provider descriptor's `definition.variable` when set, else
 * its published `definition.url` (src/providers/<api>.ts holds both, so a new provider brings its own).
 */
export async function definitionLocation(api: Api, env: NodeJS.ProcessEnv = process.env): Promise<{ location: string; from: string }> {
  const { url, variable } = (await loadProvider(api)).definition;
  const configured = env[variable]?.trim();
  return configured ? { location: configured, from: variable } : { location: url, from: 'published URL' };
}
