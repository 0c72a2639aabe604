import { readFileSync } from 'node:fs';
import { type Api, specPath } from '@api-contracts/specs';

/**
 * The first of `names` the spec does not mention yet. Drift a capture test serves must be new to the spec, also
 * on a tree an earlier capture patched (its pull request), where the first names are taken.
 */
export function newToSpec(api: Api, names: readonly string[]): string {
  const text = readFileSync(specPath(api), 'utf8');
  const name = names.find((candidate) => !new RegExp(`\\b${candidate}\\b`).test(text));
  if (!name) throw new Error(`every one of ${names.join(', ')} is in specs/${api}/openapi.yaml already: add another name`);
  return name;
}
