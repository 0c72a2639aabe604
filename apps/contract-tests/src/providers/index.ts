import type { Api } from '@api-contracts/specs';
import type { Provider } from './provider.js';

/**
 * The descriptor of `api`, from `./<api>.ts`: the specs package lists the APIs, and each has its file here,
 * so adding a provider touches no list in this app (a test checks every API has its descriptor).
 */
export async function loadProvider(api: Api): Promise<Provider> {
  const module = (await import(/* @vite-ignore */ `./${api}.js`)) as { default?: Provider };
  if (module.default?.api !== api) throw new Error(`src/providers/${api}.ts must default-export the descriptor of ${api}`);
  return module.default;
}
