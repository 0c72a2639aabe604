/**
 * Security as a caller feels it: per operation, the ways of authenticating it accepts (each security
 * requirement, with the definitions of its schemes). A scheme renamed with the same definition changes
 * nothing; a way added or removed does. api-smart-diff compares names, so it calls a rename a removal.
 */
import type { OpenApiDocument } from '@api-contracts/specs';
import { isNode, operationName, operationsOf, type Token } from './openapi-walk.js';

export interface SecurityChange {
  operation: string;
  rule: 'security-scheme-added' | 'security-scheme-removed';
  /** `security:OAuth2`; `security:A+B` for a requirement of two schemes, `security:anonymous` for `{}`. */
  path: string;
  detail: string;
  /** In the new spec: the scheme added, or the requirement list a way was removed from. */
  newTokens: Token[];
}

interface Way {
  names: string[];
  key: string;
  detail: string;
}

// Stable JSON without documentation: a scheme's description or extensions do not change how one authenticates.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isNode(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .filter((key) => key !== 'description' && !key.startsWith('x-'))
      .sort()
      .map((key) => [key, canonical(value[key])]),
  );
}

function schemeDetail(scheme: unknown): string {
  if (!isNode(scheme)) return 'undefined scheme';
  if (scheme.type === 'apiKey') return `apiKey in ${scheme.in} ${scheme.name}`;
  if (scheme.type === 'http') return `http ${scheme.scheme}`;
  if (scheme.type === 'oauth2' && isNode(scheme.flows)) return `oauth2 ${Object.keys(scheme.flows).join(', ')}`;
  return String(scheme.type);
}

function waysOf(document: OpenApiDocument, template: string, method: string): Way[] {
  const operation = document.paths[template][method];
  const requirements = operation.security ?? document.security ?? [];
  if (!Array.isArray(requirements)) return [];
  return requirements.filter(isNode).map((requirement) => {
    const names = Object.keys(requirement).sort();
    const schemes = names.map((name) => {
      const scopes = requirement[name];
      return [canonical(document.components?.securitySchemes?.[name]), Array.isArray(scopes) ? [...scopes].sort() : []];
    });
    const detail = names.map((name) => schemeDetail(document.components?.securitySchemes?.[name])).join(' + ') || 'no credentials';
    return { names, key: JSON.stringify(schemes.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))), detail };
  });
}

/** The ways of authenticating each operation (present before and after) gained or lost. */
export function securityChanges(before: OpenApiDocument, after: OpenApiDocument): SecurityChange[] {
  const changes: SecurityChange[] = [];
  for (const [template, method] of operationsOf(after)) {
    if (!isNode(before?.paths?.[template]?.[method])) continue;
    const was = waysOf(before, template, method);
    const is = waysOf(after, template, method);
    const operation = operationName(after, template, method);
    const requirementList: Token[] = after.paths[template][method].security ? ['paths', template, method, 'security'] : ['security'];
    for (const way of is.filter((candidate) => !was.some((old) => old.key === candidate.key))) {
      const [only] = way.names;
      changes.push({
        operation,
        rule: 'security-scheme-added',
        path: `security:${way.names.join('+') || 'anonymous'}`,
        detail: way.detail,
        newTokens: way.names.length === 1 && only !== undefined ? ['components', 'securitySchemes', only] : requirementList,
      });
    }
    for (const way of was.filter((candidate) => !is.some((now) => now.key === candidate.key)))
      changes.push({
        operation,
        rule: 'security-scheme-removed',
        path: `security:${way.names.join('+') || 'anonymous'}`,
        detail: way.detail,
        newTokens: requirementList,
      });
  }
  return changes;
}
