/**
 * The host a client calls by default, per operation: the first entry of the operation's `servers`, else its
 * path item's, else the spec's (OpenAPI's precedence), with its variables at their defaults. Generated
 * clients and our own take that URL as their base, so changing it moves every default caller: the rule
 * `server-url-changed`. Every other `servers` edit (descriptions, a second server) is documentation.
 */
import type { OpenApiDocument } from '@api-contracts/specs';
import { isNode, operationName, operationsOf, type Token } from './openapi-walk.js';

export interface ServerChange {
  operation: string;
  rule: 'server-url-changed';
  path: 'server';
  expected: string;
  actual: string;
  detail: string;
  /** The new spec's `servers` list that decides the operation's default URL. */
  newTokens: Token[];
}

/** Where the servers deciding an operation's default URL are, and that URL (`/` when none is declared, as OpenAPI says). */
function defaultServer(document: OpenApiDocument, template: string, method: string): { url: string; tokens: Token[] } {
  const candidates: Token[][] = [['paths', template, method, 'servers'], ['paths', template, 'servers'], ['servers']];
  for (const tokens of candidates) {
    const list = tokens.reduce<unknown>((node, token) => (isNode(node) ? node[String(token)] : undefined), document);
    if (!Array.isArray(list) || list.length === 0) continue;
    const [first] = list;
    if (!isNode(first) || typeof first.url !== 'string') continue;
    const variables = isNode(first.variables) ? first.variables : {};
    const url = first.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
      const variable = variables[name];
      return isNode(variable) && variable.default !== undefined ? String(variable.default) : whole;
    });
    return { url, tokens: [...tokens, 0, 'url'] };
  }
  return { url: '/', tokens: ['servers'] };
}

/** The operations (present before and after) whose default server URL changed. */
export function serverChanges(before: OpenApiDocument, after: OpenApiDocument): ServerChange[] {
  const changes: ServerChange[] = [];
  for (const [template, method] of operationsOf(after)) {
    if (!isNode(before?.paths?.[template]?.[method])) continue;
    const was = defaultServer(before, template, method);
    const is = defaultServer(after, template, method);
    if (was.url === is.url) continue;
    changes.push({
      operation: operationName(after, template, method),
      rule: 'server-url-changed',
      path: 'server',
      expected: was.url,
      actual: is.url,
      detail: `${was.url} → ${is.url}`,
      newTokens: is.tokens,
    });
  }
  return changes;
}
