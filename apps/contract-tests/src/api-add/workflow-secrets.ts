/**
 * The nightly live job's secrets, derived from the live variables (live-variables.mjs): every API's key, OAuth
 * client pair and ids, as `NAME: ${{ secrets.NAME }}` lines in .github/workflows/live-drift.yml. `pnpm api:add`
 * rewrites the block for a new API, and a test checks the committed workflow holds exactly these names.
 */
import type { LiveVariables } from '../providers/provider.js';

/** The variables a live run reads from secrets, per API in order: base and token URLs are settings, not secrets. */
export function secretNames(variablesByApi: Readonly<Record<string, LiveVariables>>, apis: readonly string[]): string[] {
  return apis.flatMap((api) => {
    const variables = variablesByApi[api];
    if (!variables) return [];
    return [
      variables.apiKey,
      ...(variables.oauth ? [variables.oauth.clientId, variables.oauth.clientSecret] : []),
      ...Object.values(variables.ids),
      ...Object.values(variables.optionalIds),
    ];
  });
}

const secretLine = /^(\s+)([A-Z0-9_]+): \$\{\{ secrets\.\2 \}\}$/;

/** Where the live job's block of `NAME: ${{ secrets.NAME }}` lines is: the contiguous run holding an `_API_KEY`. */
function liveBlock(lines: readonly string[]): { first: number; end: number } | undefined {
  for (let first = 0; first < lines.length; first++) {
    if (!secretLine.test(lines[first] ?? '')) continue;
    let end = first;
    while (end < lines.length && secretLine.test(lines[end] ?? '')) end++;
    if (lines.slice(first, end).some((line) => secretLine.exec(line)?.[2]?.endsWith('_API_KEY'))) return { first, end };
    first = end;
  }
  return undefined;
}

/** The names in the live job's block of secret lines (the cache's TURBO_* secrets elsewhere are not the APIs'). */
export function workflowSecretNames(workflow: string): string[] {
  const lines = workflow.split('\n');
  const block = liveBlock(lines);
  return block ? lines.slice(block.first, block.end).map((line) => secretLine.exec(line)?.[2] ?? '') : [];
}

/** `workflow` with the live job's block of secret lines replaced by one line per name; throws when it has none. */
export function withSecretNames(workflow: string, names: readonly string[]): string {
  const lines = workflow.split('\n');
  const block = liveBlock(lines);
  if (!block) throw new Error('the live workflow has no block of secret lines (NAME: secrets.NAME) with an _API_KEY to rewrite');
  const indent = secretLine.exec(lines[block.first] ?? '')?.[1] ?? '';
  lines.splice(block.first, block.end - block.first, ...names.map((name) => `${indent}${name}: \${{ secrets.${name} }}`));
  return lines.join('\n');
}
