/**
 * The changes between two versions of a spec, as changes of the contract: api-smart-diff finds the
 * differences (and knows OpenAPI's structure), `classify.ts` places each where a caller feels it and maps
 * it onto the drift-rules catalogue, and drift-rules groups them: one change per (operation, status, path,
 * rule), with its fingerprint. A component's change and its copy under each operation that reaches it
 * are one change; documentation is kept apart.
 */
import { type DriftChange, type DriftInstance, fingerprint, groupInstances, SpecLines } from '@api-contracts/drift-rules';
import type { OpenApiDocument } from '@api-contracts/specs';
import { merge } from 'allof-merge';
import { apiCompare } from 'api-smart-diff';
import { parse } from 'yaml';
import { type Classified, classifyDiff, isSecurity, splitContainers } from './classify.js';
import { reachedComponents, toPointer, writtenPointer } from './openapi-walk.js';
import { securityChanges } from './security-diff.js';
import { serverChanges } from './servers-diff.js';

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

/**
 * A change under a component no operation reaches (`components/schemas/Foo $.id`): the rule it would be,
 * but no call sends or receives it, so it needs no release. Listed as information.
 */
export interface InfoChange {
  kind: 'info';
  /** `components/<kind>/<name>`. */
  operation: string;
  path: string;
  rule: string;
  detail: string;
  description: string;
  pointer: string;
  pointers: string[];
  specPointer?: string | undefined;
  line?: number | undefined;
}

export interface SpecDiff {
  changes: SpecChange[];
  info: InfoChange[];
  docs: DocsChange[];
}

// What a spec that does not exist (before it is added, after it is removed) is compared as.
const emptySpec = (like: OpenApiDocument): OpenApiDocument => ({ openapi: like?.openapi ?? '3.0.3', info: like?.info ?? {}, paths: {} });

/**
 * The effective schemas: every `allOf` merged (allof-merge: the merged schema validates exactly what the
 * `allOf` did), so a schema refactored into `allOf` or out of it with the same effect is no change, and
 * one that changes it is diffed property by property. `$ref`s outside `allOf` stay.
 */
const effective = (document: OpenApiDocument): OpenApiDocument => merge(document, { mergeRefSibling: true, mergeCombinarySibling: true });

/** The changes from `beforeText` to `afterText` (either undefined: the spec is added or removed). */
export function diffSpecs(api: string, beforeText: string | undefined, afterText: string | undefined): SpecDiff {
  const lines = afterText === undefined ? undefined : new SpecLines(afterText);
  const parsedBefore: OpenApiDocument = beforeText === undefined ? undefined : parse(beforeText);
  const parsedAfter = lines?.document;
  // As written: what operations reach (an `allOf` member too) and where lines are.
  const writtenBefore = parsedBefore ?? emptySpec(parsedAfter);
  const writtenAfter = parsedAfter ?? emptySpec(parsedBefore);
  // As validated: what is compared, and what api-smart-diff's paths index.
  const before = effective(writtenBefore);
  const after = effective(writtenAfter);
  const reached = new Set([...reachedComponents(writtenBefore), ...reachedComponents(writtenAfter)]);
  const context = { before, after, reached };

  const classified: Classified[] = [];
  let securityDiffs = 0;
  // api-smart-diff normalizes what it is given in place (an absent `enum` becomes `[]`): it gets copies.
  for (const diff of apiCompare(structuredClone(before), structuredClone(after)).diffs.flatMap(splitContainers)) {
    if (isSecurity(diff.path)) {
      securityDiffs++;
      continue;
    }
    const placed = classifyDiff(diff, context);
    if (placed !== 'duplicate') classified.push(...placed);
  }
  const servers = serverChanges(writtenBefore, writtenAfter);
  for (const change of servers)
    classified.push({
      ...change,
      pointer: toPointer(change.newTokens).slice(1),
      description: `The default server URL changed: ${change.detail}`,
    });
  const security = securityChanges(writtenBefore, writtenAfter);
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

  const ruled = mergeFindings(uniqueFindings(classified.filter((item) => item.rule !== undefined && !item.unreached)));
  const info = infoChanges(
    uniqueFindings(classified.filter((item) => item.rule !== undefined && item.unreached)),
    (tokens) => (lines ? writtenPointer(writtenAfter, tokens) : undefined),
    lines,
  );
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
    const specPointer = first && lines ? writtenPointer(writtenAfter, first.newTokens) : undefined;
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
  // The default server URL's own edit is the `server-url-changed` line, not also documentation.
  const serverUrl = /(^|\/)servers\/0(\/url|\/variables\/[^/]+\/default)?$/;
  for (const item of classified.filter((candidate) => candidate.rule === undefined)) {
    if (servers.length > 0 && serverUrl.test(item.pointer)) continue;
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
  return { changes, info, docs: [...docs.values()] };
}

const unique = (values: string[]) => [...new Set(values.filter(Boolean))];

/** One finding per place, rule and evidence: several api-smart-diff findings (an enum's values) may give the same. */
function uniqueFindings(items: Classified[]): Classified[] {
  const seen = new Map<string, Classified>();
  for (const item of items) {
    const key = JSON.stringify([item.operation, item.status ?? '', item.path, item.rule, item.detail, item.expected, item.actual]);
    if (!seen.has(key)) seen.set(key, item);
  }
  return [...seen.values()];
}

/** Changes under components no operation reaches, one per (component, path, rule). */
function infoChanges(
  items: Classified[],
  written: (tokens: Classified['newTokens']) => string | undefined,
  lines: SpecLines | undefined,
): InfoChange[] {
  const byPlace = new Map<string, InfoChange>();
  for (const item of items) {
    const key = JSON.stringify([item.operation, item.path, item.rule]);
    const known = byPlace.get(key);
    if (known) {
      known.detail = unique([known.detail, item.detail]).join('; ');
      known.description = unique([known.description, item.description]).join('; ');
      known.pointers = unique([...known.pointers, item.pointer]);
      continue;
    }
    const specPointer = written(item.newTokens);
    byPlace.set(key, {
      kind: 'info',
      operation: item.operation,
      path: item.path,
      rule: item.rule ?? '',
      detail: item.detail,
      description: item.description,
      pointer: item.pointer,
      pointers: [item.pointer],
      specPointer,
      line: specPointer && lines ? lines.lineOf(specPointer).line : undefined,
    });
  }
  return [...byPlace.values()];
}

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
