// The list of APIs and where each spec lives: the one place the types generator, the specs' own tests
// and the contract app learn them from. Plain JavaScript with a hand-written index.d.ts (whose `Api` union
// `pnpm api:add` rewrites from the folders): this package has no build step, and publishing the YAML files is its job.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Every folder here that holds an `openapi.yaml`: adding a spec adds an API (`pnpm api:add` writes one). In
 * reverse alphabetical order, which keeps the order the reports and messages have always used (verisoul, vectara).
 */
export const apis = Object.freeze(
  readdirSync(here, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${here}${entry.name}/openapi.yaml`))
    .map((entry) => entry.name)
    .sort()
    .reverse(),
);

/** Absolute path of `<api>/openapi.yaml`, or of the same file under `root` (a copy of this folder). */
export function specPath(api, root) {
  if (!apis.includes(api)) throw new TypeError(`Unknown API ${JSON.stringify(api)}: expected one of ${apis.join(', ')}`);
  return root === undefined ? fileURLToPath(new URL(`./${api}/openapi.yaml`, import.meta.url)) : `${root}/${api}/openapi.yaml`;
}

/** The spec parsed from YAML, `$ref`s left as they are. */
export function loadSpec(api, root) {
  return parse(readFileSync(specPath(api, root), 'utf8'));
}

/** The node a local `$ref` (`#/a/b~1c`) points at, with JSON Pointer escapes (`~1`, `~0`) decoded. */
export function resolveRef(document, ref) {
  if (!ref.startsWith('#')) throw new TypeError(`Only local $refs are supported, got ${JSON.stringify(ref)}`);
  return ref
    .slice(1)
    .split('/')
    .slice(1)
    .reduce((node, token) => node?.[token.replaceAll('~1', '/').replaceAll('~0', '~')], document);
}

/** A node with its `$ref` followed (repeatedly), or the node itself. */
export function deref(document, node) {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new TypeError(`$ref cycle at ${current.$ref}`);
    current = resolveRef(document, current.$ref);
  }
  return current;
}
