/**
 * Cuts a vendor's definition down to every operation our spec captures and the components they reach, unchanged
 * otherwise, for a small fixture that CI can compare with (the 1.1 MB original is not committed).
 *   tsx test/vendor/support/trim-definition.ts <api> <definition> <fixture.yaml> "<provenance comment>"
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Api, loadSpec } from '@api-contracts/specs';
import { dump, load } from 'js-yaml';
import { specOperations } from '../../../src/spec-operation.js';
import { extractOperation, locateOperation } from '../../../src/vendor/operation.js';

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked generically.
export function trimDefinition(api: Api, document: any): any {
  // biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked generically.
  const paths: Record<string, any> = {};
  // biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked generically.
  const components: Record<string, Record<string, any>> = {};
  for (const ours of specOperations(loadSpec(api))) {
    const lookup = locateOperation(document, ours);
    if (!lookup.found) throw new Error(`the definition has no ${ours.method.toUpperCase()} ${ours.path}`);
    const cut = extractOperation(document, lookup, lookup.path);
    for (const [path, item] of Object.entries(cut.paths)) paths[path] = { ...paths[path], ...(item as object) };
    for (const [section, entries] of Object.entries(cut.components ?? {}))
      components[section] = { ...components[section], ...(entries as object) };
  }
  return {
    openapi: document.openapi,
    info: { title: document.info?.title, version: document.info?.version },
    servers: document.servers,
    security: document.security,
    paths,
    components: { ...components, securitySchemes: document.components?.securitySchemes },
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const [api, input, output, provenance] = process.argv.slice(2);
  if (!api || !input || !output || !provenance)
    throw new Error('usage: trim-definition.ts <api> <definition> <fixture.yaml> "<provenance>"');
  const trimmed = trimDefinition(api as Api, load(readFileSync(input, 'utf8')));
  const comment = provenance
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  writeFileSync(output, `${comment}\n${dump(trimmed, { lineWidth: 120, noRefs: true, quotingType: '"' })}`);
}
