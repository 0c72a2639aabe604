/**
 * The changes between two versions of a spec, as changes of the contract: api-smart-diff finds the
 * differences (and knows OpenAPI's structure), `classify.ts` places each where a caller feels it and maps
 * it onto the drift-rules catalogue, and drift-rules groups them: one change per (operation, status, path,
 * rule), with its fingerprint. A component's change and its copy under each operation that reaches it
 * are one change; documentation is kept apart.
 */
import { type DriftChange, type DriftInstance, fingerprint, groupInstances, SpecLines } from '@api-contracts/drift-rules';
import type { OpenApiDocument } from '@api-contracts/specs';
import { apiCompare } from 'api-smart-diff';
import { parse } from 'yaml';
import { type Classified, classifyDiff, isSecurity, splitContainers } from './classify.js';
import { reachedComponents, writtenPointer } from './openapi-walk.js';
import { securityChanges } from './security-diff.js';

export type Bump = 'none' | 'patch' | 'minor' | 'major';

export interface SpecChange extends DriftChange {
  /** The rule's severity. */
  kind: 'breaking' | 'additive';
  /** What changed, in a few words (`maxLength 50 added`), for every finding merged into this change. */
  detail: string;
  /** api-smart-diff's words for each finding merged into this change. */
  description: string;
  /** api-smart-diff's JSON pointer into the resolved spec: the first finding's, and all of them. */
  pointer: string;
  pointers: string[];
  /** Where the change is in the new spec (the parent node for a removal), and its line; absent when the spec is removed. */
  specPointer?: string | undefined;
  line?: number | undefined;
}

/** A change of descriptions, examples, summaries, tags...: counted, listed with `--verbose`. */
export interface DocsChange {
  kind: 'docs-only';
  operation: string;
  status?: string | undefined;
  /** `$.sessions[].agent_key: description replaced`, `example customer_support changed`. */
  description: string;
  /** api-smart-diff's JSON pointers into the resolved spec: every finding this line stands for (an example's every value). */
  pointer: string;
  pointers: string[];
}

export interface SpecDiff {
  changes: SpecChange[];
  docs: DocsChange[];
}

// What a spec that does not exist (before it is added, after it is removed) is compared as.
const emptySpec = (like: OpenApiDocument): OpenApiDocument => ({ openapi: like?.openapi ?? '3.0.3', info: like?.info ?? {}, paths: {} });

/** The changes from `beforeText` to `afterText` (either undefined: the spec is added or removed). */
export function diffSpecs(api: string, beforeText: string | undefined, afterText: string | undefined): SpecDiff {
  const lines = afterText === undefined ? undefined : new SpecLines(afterText);
  const parsedBefore: OpenApiDocument = beforeText === undefined ? undefined : parse(beforeText);
  const parsedAfter = lines?.document;
  const before = parsedBefore ?? emptySpec(parsedAfter);
  const after = parsedAfter ?? emptySpec(parsedBefore);
  const context = { before, after, reached: new Set([...reachedComponents(before), ...reachedComponents(after)]) };

  const classified: Classified[] = [];
  let securityDiffs = 0;
  for (const diff of apiCompare(before, after).diffs.flatMap(splitContainers)) {
    if (isSecurity(diff.path)) {
      securityDiffs++;
      continue;
    }
    const placed = classifyDiff(diff, context);
    if (placed !== 'duplicate') classified.push(...placed);
  }
  const security = securityChanges(before, after);
  for (const change of security)
    classified.push({
      ...change,
      expected: change.rule === 'security-scheme-added' ? 'absent' : 'accepted',
      actual: change.rule === 'security-scheme-added' ? 'accepted' : 'absent',
      pointer: '/security',
      description: `${change.rule === 'security-scheme-added' ? 'Added' : 'Removed'} a way of authenticating: ${change.detail}`,
    });
  if (securityDiffs > 0 && security.length === 0)
    classified.push({
      operation: 'spec',
      path: '/security',
      expected: '',
      actual: '',
      detail: 'renamed',
      pointer: '/security',
      newTokens: ['security'],
      description: 'security schemes renamed or reworded, with the same definitions',
    });

  const ruled = mergeFindings(classified.filter((item) => item.rule !== undefined));
  const instances: DriftInstance[] = ruled.map((item) => ({
    api,
    operation: item.operation,
    ...(item.status !== undefined && { status: item.status }),
    rule: item.rule as NonNullable<Classified['rule']>,
    path: item.path,
    expected: item.expected,
    actual: item.actual,
    source: 'spec',
    message: item.detail,
    valueType: item.valueType,
  }));
  const members = new Map<string, Classified[]>();
  for (const item of ruled) {
    const key = fingerprint({ rule: item.rule ?? '', api, operation: item.operation, status: item.status, path: item.path });
    members.set(key, [...(members.get(key) ?? []), item]);
  }
  const changes = groupInstances(instances, { specs: { [api]: before } }).map((change): SpecChange => {
    const mine = members.get(change.fingerprint) ?? [];
    const first = mine[0];
    const specPointer = first && lines ? writtenPointer(after, first.newTokens) : undefined;
    return {
      ...change,
      kind: change.severity,
      detail: unique(mine.map((item) => item.detail)).join('; '),
      description: unique(mine.map((item) => item.description)).join('; '),
      pointer: first?.pointer ?? '',
      pointers: unique(mine.map((item) => item.pointer)),
      specPointer,
      line: specPointer && lines ? lines.lineOf(specPointer).line : undefined,
    };
  });
  const docs = new Map<string, DocsChange>();
  for (const item of classified.filter((candidate) => candidate.rule === undefined)) {
    const key = JSON.stringify([item.operation, item.status ?? '', item.description]);
    const known = docs.get(key);
    if (known) known.pointers.push(item.pointer);
    else
      docs.set(key, {
        kind: 'docs-only',
        operation: item.operation,
        ...(item.status !== undefined && { status: item.status }),
        description: item.description,
        pointer: item.pointer,
        pointers: [item.pointer],
      });
  }
  return { changes, docs: [...docs.values()] };
}

const unique = (values: string[]) => [...new Set(values.filter(Boolean))];

const removals = new Set(['response-property-removed', 'request-parameter-removed']);

/**
 * A property removed is not also "made optional", and one added required is one change: api-smart-diff
 * reports the property and its entry in `required` apart.
 */
function mergeFindings(items: Classified[]): Classified[] {
  const at = (item: Classified) => JSON.stringify([item.operation, item.status ?? '', item.path]);
  const removed = new Set(items.filter((item) => removals.has(item.rule ?? '')).map(at));
  const added = new Map(
    items
      .filter((item) => item.rule === 'response-property-added' || item.rule === 'request-parameter-added-optional')
      .map((item) => [at(item), item]),
  );
  const merged: Classified[] = [];
  for (const item of items) {
    if ((item.rule === 'response-property-became-optional' || item.rule === 'request-parameter-became-optional') && removed.has(at(item)))
      continue;
    const addition = added.get(at(item));
    if ((item.rule === 'response-property-became-required' || item.rule === 'request-parameter-became-required') && addition) {
      addition.actual = 'present, required';
      addition.detail = [addition.detail, 'required'].filter(Boolean).join(', ');
      if (addition.rule === 'request-parameter-added-optional') addition.rule = 'request-parameter-added-required';
      continue;
    }
    merged.push(item);
  }
  return merged;
}

/** The smallest version bump the changes call for. */
export function requiredBump(changes: readonly SpecChange[]): Bump {
  if (changes.some((change) => change.kind === 'breaking')) return 'major';
  if (changes.some((change) => change.kind === 'additive')) return 'minor';
  return 'none';
}

export const bumpRank: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };
