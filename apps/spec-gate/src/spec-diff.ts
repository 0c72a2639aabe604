import { apiCompare } from 'api-smart-diff';

export type ChangeKind = 'breaking' | 'non-breaking' | 'docs-only';
export type Bump = 'none' | 'patch' | 'minor' | 'major';

export interface SpecChange {
  kind: ChangeKind;
  /** JSON pointer into the spec (after $refs are resolved, so a change shows where an operation feels it). */
  pointer: string;
  description: string;
}

/**
 * Classifies every difference between two versions of a spec with api-smart-diff, which knows OpenAPI's
 * rules of compatibility (a removed response field breaks consumers, an added optional parameter does
 * not, a description is an annotation). Its "unclassified" and "deprecated" changes count as
 * non-breaking: they need a release, not a major one.
 */
export function diffSpecs(before: unknown, after: unknown): SpecChange[] {
  const { diffs } = apiCompare(before as object, after as object);
  const changes = diffs.map((diff) => ({
    kind: (diff.type === 'annotation' || isDocumentation(diff.path)
      ? 'docs-only'
      : diff.type === 'breaking'
        ? 'breaking'
        : 'non-breaking') as ChangeKind,
    pointer: toPointer(diff.path),
    description: diff.description ?? `${diff.action} ${diff.path.at(-1) ?? ''}`.trim(),
  }));
  const order: ChangeKind[] = ['breaking', 'non-breaking', 'docs-only'];
  return changes.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.pointer.localeCompare(b.pointer));
}

// Changes inside these never change what is sent or accepted, whatever api-smart-diff calls them (it leaves
// some unclassified and calls a replaced response description breaking).
const documentationKeys = new Set(['example', 'examples', 'description', 'summary', 'externalDocs', 'x-json-schema-faker']);
// Maps whose keys are names the spec chose: a property (or header, schema...) called `description` is data.
const nameMaps = new Set([
  'properties',
  'patternProperties',
  'headers',
  'schemas',
  'parameters',
  'responses',
  'requestBodies',
  'securitySchemes',
  'links',
  'callbacks',
]);

function isDocumentation(path: readonly (string | number)[]): boolean {
  return path.some((token, index) => documentationKeys.has(String(token)) && !nameMaps.has(String(path[index - 1])));
}

/** The smallest version bump the changes call for. */
export function requiredBump(changes: SpecChange[]): Bump {
  if (changes.some((change) => change.kind === 'breaking')) return 'major';
  if (changes.some((change) => change.kind === 'non-breaking')) return 'minor';
  return 'none';
}

export const bumpRank: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

function toPointer(path: readonly (string | number)[]): string {
  return `/${path.map((token) => String(token).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}
