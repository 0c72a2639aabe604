/**
 * Changes of the contract from instances of drift: one change per (API, operation, status, schema path,
 * rule), however many array items and routes showed it, with the evidence of each route merged, the
 * share of items affected, and a rename hint where one property disappeared and another appeared.
 */
import type { OpenApiDocument } from '@api-contracts/specs';
import { openapiAjv } from '@api-contracts/specs/schema';
import { catalogue, type RuleId, ruleOf, type Severity } from './catalogue.js';
import { fingerprint } from './fingerprint.js';
import { type DriftInstance, hideHeaderValues, jsonTypeOfText, type Source } from './instances.js';
import { arrayOf, childPath, itemOf, measureArrays, normalizePath, schemaPathOf, splitLastKey, valuesAt } from './paths.js';
import { locateInSpec, propertiesAt, typeAt } from './spec-walk.js';

/** A response the instances were seen in, to count items ("in 3 of 10 items") and responses. */
export interface ObservedResponse {
  /** Matches `DriftInstance.response`. */
  id: string;
  api: string;
  operation: string;
  status?: number | string | undefined;
  /** The body, measured with `measureArrays`; or give `arrays` directly. */
  body?: unknown;
  /** Items per array schema path, e.g. `{ '$.sessions': 10 }`. */
  arrays?: Record<string, number> | undefined;
}

export interface GroupOptions {
  /** Every response checked (those without drift too): without them counts have no "of N". */
  responses?: readonly ObservedResponse[];
  /** Our specs by API (`loadSpec(api)`), to learn a removed property's type for rename hints. */
  specs?: Readonly<Record<string, OpenApiDocument>>;
}

export interface Evidence {
  source: Source;
  /** How many instances this source contributed. */
  instances: number;
  expected: string;
  actual: string;
  message?: string | undefined;
}

export interface ChangeCount {
  /** Items (or responses, outside arrays) the change was seen in. */
  affected: number;
  /** Of how many checked; absent when the caller gave no responses covering the instances. */
  total?: number | undefined;
  unit: 'items' | 'responses';
}

export interface Acknowledged {
  reason: string;
  reviewer?: string | undefined;
  until?: string | undefined;
}

export interface DriftChange {
  fingerprint: string;
  api: string;
  operation: string;
  /** The response status as text (`200`); absent for request-side, security and operation changes. */
  status?: string | undefined;
  /** Schema path (`$.sessions[].key`) or token (`status`, `header:retry-after`...). */
  path: string;
  rule: RuleId;
  severity: Severity;
  title: string;
  /** Headline evidence: the schema's (or spec's) wording where there is one, else the pact's. */
  expected: string;
  /** Up to three distinct actual values, `(+N more)` beyond. */
  actual: string;
  sources: Source[];
  evidence: Evidence[];
  /** Raw instances merged into this change. */
  instances: number;
  /** Absent for changes no response showed (spec and vendor differences). */
  count?: ChangeCount | undefined;
  /** `in 10 of 10 items`; empty without a count. */
  countText: string;
  /** `renamed to session_key?` / `renamed from key?` */
  hint?: string | undefined;
  /** Set by `applyAcknowledgements`. */
  acknowledged?: Acknowledged | undefined;
}

const sourceOrder: Source[] = ['schema', 'spec', 'vendor', 'probe', 'pact'];
const ruleOrder = new Map(catalogue.map((rule, index) => [rule.id, index]));

interface Prepared extends DriftInstance {
  path: string;
  schemaPath: string;
  statusText?: string | undefined;
}

const keyOf = (api: string, operation: string, status: string | undefined, schemaPath: string) =>
  JSON.stringify([api, operation, status ?? '', schemaPath]);

/** Groups instances into changes (see the module comment); the result is sorted for reading. */
export function groupInstances(instances: readonly DriftInstance[], options: GroupOptions = {}): DriftChange[] {
  const prepared: Prepared[] = instances.map((instance) => {
    const hidden = hideHeaderValues(instance);
    const path = normalizePath(hidden.path);
    return {
      ...hidden,
      path,
      schemaPath: schemaPathOf(path),
      statusText: hidden.status === undefined ? undefined : String(hidden.status),
    };
  });

  // The pact is a witness: where the schema (or spec) names the change at the same place, the pact's
  // instances join that change, whatever the pact's own wording (its regex for a date is a format).
  const finer = new Map<string, RuleId>();
  for (const instance of prepared) {
    if (instance.source === 'pact') continue;
    const place = keyOf(instance.api, instance.operation, instance.statusText, instance.schemaPath);
    const known = finer.get(place);
    if (!known || (ruleOrder.get(instance.rule) ?? 0) < (ruleOrder.get(known) ?? 0)) finer.set(place, instance.rule);
  }

  const groups = new Map<string, Prepared[]>();
  for (const instance of prepared) {
    const place = keyOf(instance.api, instance.operation, instance.statusText, instance.schemaPath);
    const rule = instance.source === 'pact' ? (finer.get(place) ?? instance.rule) : instance.rule;
    const key = JSON.stringify([place, rule]);
    const group = groups.get(key) ?? [];
    group.push({ ...instance, rule });
    groups.set(key, group);
  }

  const responses = (options.responses ?? []).map((response) => ({
    ...response,
    statusText: response.status === undefined ? undefined : String(response.status),
    arrays: response.arrays ?? measureArrays(response.body),
  }));
  const itemSets = new Map<DriftChange, Set<string>>();
  const groupOf = new Map<DriftChange, Prepared[]>();
  const changes: DriftChange[] = [];
  for (const group of groups.values()) {
    const first = group[0] as Prepared;
    const rule = ruleOf(first.rule);
    const evidence = sourceOrder.flatMap((source) => {
      const mine = group.filter((instance) => instance.source === source);
      const head = mine[0];
      if (!head) return [];
      return [
        {
          source,
          instances: mine.length,
          expected: head.expected,
          actual: distinct(mine.map((instance) => instance.actual)),
          message: head.message,
        },
      ];
    });
    const headline = evidence[0] as Evidence;
    const { count, items } = countOf(first, group, responses);
    const change: DriftChange = {
      fingerprint: fingerprint({
        rule: rule.id,
        api: first.api,
        operation: first.operation,
        status: first.statusText,
        path: first.schemaPath,
      }),
      api: first.api,
      operation: first.operation,
      ...(first.statusText !== undefined && { status: first.statusText }),
      path: first.schemaPath,
      rule: rule.id,
      severity: rule.severity,
      title: rule.title,
      expected: headline.expected,
      actual: headline.actual,
      sources: evidence.map((entry) => entry.source),
      evidence,
      instances: group.length,
      ...(count && { count }),
      countText: count ? countText(count) : '',
    };
    itemSets.set(change, items);
    groupOf.set(change, group);
    changes.push(change);
  }

  addRenameHints(changes, groupOf, itemSets, options.specs ?? {}, responses);
  return sortChanges(changes);
}

function distinct(values: string[]): string {
  const unique = [...new Set(values)];
  const shown = unique.slice(0, 3).join(', ');
  return unique.length > 3 ? `${shown} (+${unique.length - 3} more)` : shown;
}

type Measured = {
  id: string;
  api: string;
  operation: string;
  statusText?: string | undefined;
  arrays: Record<string, number>;
  body?: unknown;
};

function countOf(first: Prepared, group: Prepared[], responses: Measured[]): { count?: ChangeCount; items: Set<string> } {
  const array = arrayOf(first.schemaPath);
  const seenIn = new Set(group.flatMap((instance) => (instance.response === undefined ? [] : [instance.response])));
  const items = new Set<string>();
  if (array !== undefined) {
    for (const instance of group) {
      const item = itemOf(instance.path);
      if (item) items.add(`${instance.response ?? ''}\u0000${item.item}`);
    }
  } else for (const id of seenIn) items.add(id);
  if (items.size === 0) return { items };

  const checked = responses.filter(
    (response) => response.api === first.api && response.operation === first.operation && response.statusText === first.statusText,
  );
  const covered = seenIn.size > 0 && [...seenIn].every((id) => checked.some((response) => response.id === id));
  const unit = array !== undefined ? 'items' : 'responses';
  if (!covered) return { count: { affected: items.size, unit }, items };
  const total = array !== undefined ? checked.reduce((sum, response) => sum + (response.arrays[array] ?? 0), 0) : checked.length;
  return { count: { affected: items.size, total: Math.max(total, items.size), unit }, items };
}

function countText({ affected, total, unit }: ChangeCount): string {
  const noun = (n: number) => (n === 1 ? unit.slice(0, -1) : unit);
  return total === undefined ? `in ${affected} ${noun(affected)}` : `in ${affected} of ${total} ${noun(total)}`;
}

const removalRules = new Set<RuleId>(['response-property-removed', 'response-property-became-optional']);

/** A property that is no longer there: a required one reported removed, or an optional one of the spec absent from every item. */
interface Gone {
  change?: DriftChange;
  api: string;
  operation: string;
  status?: string | undefined;
  parent: string;
  key: string;
  path: string;
  /** Items it is missing from, when known. */
  items?: Set<string> | undefined;
}

function addRenameHints(
  changes: DriftChange[],
  groupOf: Map<DriftChange, Prepared[]>,
  itemSets: Map<DriftChange, Set<string>>,
  specs: Readonly<Record<string, OpenApiDocument>>,
  responses: readonly Measured[],
): void {
  const added = changes.filter((change) => change.rule === 'response-property-added');
  if (added.length === 0) return;
  const specTypeOf = (place: { api: string; operation: string; status?: string | undefined; path: string }) => {
    const spec = specs[place.api];
    return spec ? typeAt(spec, locateInSpec(spec, place)) : undefined;
  };
  const observedTypeOf = (change: DriftChange): string | undefined => {
    const instances = groupOf.get(change) ?? [];
    const declared = instances.find((instance) => instance.valueType && !['unknown', 'null'].includes(instance.valueType))?.valueType;
    if (declared) return declared;
    return instances.map((instance) => jsonTypeOfText(instance.actual)).find((type) => type !== 'unknown' && type !== 'null');
  };
  const compatible = (a?: string, b?: string) =>
    a === undefined || b === undefined || a === b || [a, b].every((type) => type === 'number' || type === 'integer');

  const gone: Gone[] = [];
  for (const change of changes.filter((candidate) => removalRules.has(candidate.rule))) {
    const at = splitLastKey(change.path);
    if (at) gone.push({ change, ...placeOf(change), ...at, path: change.path, items: itemSets.get(change) });
  }
  // Optional properties of the spec that no checked item carries, where an unknown one appeared: a renamed
  // optional field, which consumers would otherwise silently never receive.
  const parents = new Map<string, DriftChange>();
  for (const change of added) {
    const at = splitLastKey(change.path);
    if (at) parents.set(JSON.stringify([change.api, change.operation, change.status ?? '', at.parent]), change);
  }
  for (const [place, change] of parents) {
    const parent = (JSON.parse(place) as string[])[3] ?? '$';
    const spec = specs[change.api];
    const checked = responses.filter(
      (response) => sameOperation({ ...response, status: response.statusText }, change) && response.body !== undefined,
    );
    if (!spec || checked.length === 0) continue;
    const objects = checked
      .flatMap((response) => valuesAt(response.body, parent))
      .filter((value) => value !== null && typeof value === 'object');
    if (objects.length === 0) continue;
    const known = new Set(gone.filter((entry) => entry.parent === parent && sameOperation(entry, change)).map((entry) => entry.key));
    for (const key of propertiesAt(spec, { ...placeOf(change), path: parent })) {
      if (known.has(key) || objects.some((object) => key in (object as object))) continue;
      gone.push({ ...placeOf(change), parent, key, path: childPath(parent, key) });
    }
  }

  // Seen in the very same items (when both are known): a rename, not two unrelated changes.
  const sameItems = (left: Gone, appeared: DriftChange) => {
    const right = itemSets.get(appeared);
    if (!left.items?.size || !right?.size) return true;
    return left.items.size === right.size && [...right].every((item) => left.items?.has(item));
  };
  // The added property's observed values satisfy the gone one's schema (its pattern, format, enum):
  // the strongest sign of a rename, e.g. `id` (`^ase_`) gone and `key` holding `ase_...` values.
  const validators = new Map<string, ((value: unknown) => boolean) | undefined>();
  const valuesFit = (entry: Gone, appeared: DriftChange): boolean => {
    const spec = specs[entry.api];
    if (!spec) return false;
    const location = locateInSpec(spec, entry);
    if (!location.exact) return false;
    const key = `${entry.api} ${location.pointer}`;
    if (!validators.has(key)) validators.set(key, compiled(spec, location.pointer));
    const validate = validators.get(key);
    const values = (groupOf.get(appeared) ?? []).flatMap((instance) => parsed(instance.actual));
    return validate !== undefined && values.length > 0 && values.every((value) => validate(value));
  };

  const pairs: { gone: Gone; added: DriftChange; score: number }[] = [];
  for (const entry of gone) {
    for (const appeared of added) {
      const appearedAt = splitLastKey(appeared.path);
      if (!appearedAt || appearedAt.parent !== entry.parent || !sameOperation(entry, appeared)) continue;
      if (!compatible(specTypeOf(entry), observedTypeOf(appeared)) || !sameItems(entry, appeared)) continue;
      pairs.push({ gone: entry, added: appeared, score: similarity(entry.key, appearedAt.key) + (valuesFit(entry, appeared) ? 3 : 0) });
    }
  }
  // Reported removals first (a required field gone is the stronger sign), best-matching names and values
  // first among them; each property is paired at most once. Without a name or value in common a pair
  // counts only when it is the sole candidate both ways, and only for a reported removal.
  pairs.sort((a, b) => Number(Boolean(b.gone.change)) - Number(Boolean(a.gone.change)) || b.score - a.score);
  const paired = new Set<Gone | DriftChange>();
  for (const { gone: entry, added: appeared, score } of pairs) {
    if (paired.has(entry) || paired.has(appeared)) continue;
    const alone = pairs.filter((pair) => pair.gone === entry).length === 1 && pairs.filter((pair) => pair.added === appeared).length === 1;
    if (score === 0 && !(alone && entry.change)) continue;
    paired.add(entry);
    paired.add(appeared);
    if (entry.change) entry.change.hint = `renamed to ${splitLastKey(appeared.path)?.key}?`;
    appeared.hint = entry.change ? `renamed from ${entry.key}?` : `renamed from ${entry.key}? (optional, in no item)`;
  }
}

const placeOf = (change: DriftChange) => ({ api: change.api, operation: change.operation, status: change.status });

const sameOperation = (a: { api: string; operation: string; status?: string | undefined }, b: DriftChange) =>
  a.api === b.api && a.operation === b.operation && a.status === b.status;

// One ajv per spec document: compiling the document once serves every pointer validated against it.
const ajvs = new WeakMap<object, ReturnType<typeof openapiAjv>>();

function compiled(spec: OpenApiDocument, pointer: string): ((value: unknown) => boolean) | undefined {
  try {
    let ajv = ajvs.get(spec);
    if (!ajv) {
      ajv = openapiAjv(spec);
      ajvs.set(spec, ajv);
    }
    const validate = ajv.getSchema(`spec${pointer}`) ?? ajv.compile({ $ref: `spec${pointer}` });
    return (value) => validate(value) === true;
  } catch {
    return undefined;
  }
}

/** A value given as JSON text; none when the text was shortened or is not JSON. */
function parsed(text: string): unknown[] {
  try {
    return [JSON.parse(text)];
  } catch {
    return [];
  }
}

/** How alike two property names are: shared words, and 2 more when one contains the other (`key` in `session_key`). */
function similarity(a: string, b: string): number {
  const words = (name: string) =>
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  const left = new Set(words(a));
  const shared = words(b).filter((word) => left.has(word)).length;
  const flat = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const contains = flat(a).includes(flat(b)) || flat(b).includes(flat(a));
  return shared + (contains ? 2 : 0);
}

/** Per API in order of appearance: breaking first, then by status, path and the catalogue's order of rules. */
export function sortChanges(changes: readonly DriftChange[]): DriftChange[] {
  const apis = [...new Set(changes.map((change) => change.api))];
  return [...changes].sort(
    (a, b) =>
      apis.indexOf(a.api) - apis.indexOf(b.api) ||
      Number(Boolean(a.acknowledged)) - Number(Boolean(b.acknowledged)) ||
      (a.severity === b.severity ? 0 : a.severity === 'breaking' ? -1 : 1) ||
      a.operation.localeCompare(b.operation) ||
      (a.status ?? '').localeCompare(b.status ?? '') ||
      a.path.localeCompare(b.path) ||
      (ruleOrder.get(a.rule) ?? 0) - (ruleOrder.get(b.rule) ?? 0),
  );
}
