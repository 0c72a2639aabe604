// Our spec against a vendor's definition, one operation at a time: every structural difference as a
// drift instance of the shared catalogue (@api-contracts/drift-rules), which then groups, fingerprints and
// renders them as it does for the live gate.
//
// Why libraries and not a hand-written walk: the structural diff is api-smart-diff (already the spec-change
// gate's engine), which resolves `$ref`s (circular ones too), pairs parameters by `in` + `name`, statuses,
// media types and properties by key, and ignores mere reordering. allof-merge (its companion, same author)
// first flattens `allOf`, so `allOf: [$ref, {description}]` on one side and a bare `$ref` on the other
// compare equal, as they validate the same. What is written here is only the mapping from a diff's place
// and direction to a rule id. Before = our spec, after = the vendor's: "breaking" means "a consumer written
// against our spec breaks if the provider behaves as its definition says".
import { type DriftInstance, normalizePath, type RuleId } from '@api-contracts/drift-rules';
import { deref } from '@api-contracts/specs';
import { merge } from 'allof-merge';
import { apiCompare, type Diff } from 'api-smart-diff';
import { type HttpMethod, type OperationIdentity, operationName } from '../spec-operation.js';
import { extractOperation } from './operation.js';

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked generically.
type Json = any;

export interface Side {
  document: Json;
  at: { path: string; method: HttpMethod };
}

/**
 * One instance per difference between our operation and the vendor's (source `vendor`). Paths use the
 * catalogue's notation: `$.sessions[].key` in a response body, `parameter:<in>:<name>`, `status`,
 * `header:<name>`, `content-type`; the keyword of a constraint is in `expected`/`actual` (`pattern ^a$`).
 */
export function compareOperation(api: string, ours: Side & { at: OperationIdentity }, theirs: Side): DriftInstance[] {
  const keyPath = ours.at.path;
  const documents = {
    before: normalize(extractOperation(ours.document, ours.at, keyPath)),
    after: normalize(extractOperation(theirs.document, theirs.at, keyPath)),
  };
  const found: Found[] = [];
  for (const diff of apiCompare(documents.before, documents.after).diffs) {
    // The same changes are reported again under `components`, where they are declared; the operation's view is ours.
    if (diff.path[0] !== 'paths' || diff.type === 'annotation' || isDocumentation(diff.path.slice(3))) continue;
    found.push(...classify(diff, documents));
  }
  return subsumed(found).map((item) => ({
    ...item,
    api,
    operation: operationName(ours.at),
    source: 'vendor' as const,
    path: normalizePath(item.path),
  }));
}

const constraintRules = new Set<RuleId>([
  'response-format-changed',
  'response-pattern-violated',
  'response-constraint-relaxed',
  'response-constraint-tightened',
  'response-enum-value-added',
  'response-enum-value-removed',
  'request-constraint-relaxed',
  'request-constraint-tightened',
]);

/**
 * One change, not its consequences: a property gone from `properties` is not also "now optional", a new
 * one not also "now required", and a value whose type changed does not also list the format, bounds and
 * enum of its old type.
 */
function subsumed(found: Found[]): Found[] {
  const place = (item: Found) => `${item.status} ${item.path}`;
  const removed = new Set(found.filter((item) => item.rule === 'response-property-removed').map(place));
  const added = new Set(found.filter((item) => item.rule === 'response-property-added').map(place));
  const retyped = new Set(
    found.filter((item) => item.rule === 'response-property-type-changed' || item.rule === 'request-parameter-type-changed').map(place),
  );
  return found.filter(
    (item) =>
      !(item.rule === 'response-property-became-optional' && removed.has(place(item))) &&
      !(item.rule === 'response-property-became-required' && added.has(place(item))) &&
      !(constraintRules.has(item.rule) && retyped.has(place(item))),
  );
}

/** Both sides in the same canonical form: `allOf` merged, `additionalProperties: true` written `{}` (equal in JSON Schema). */
function normalize(document: Json): Json {
  const merged = merge(document, { mergeRefSibling: true, mergeCombinarySibling: true }) as Json;
  const stack = [merged];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (node.additionalProperties === true) node.additionalProperties = {};
    stack.push(...Object.values(node));
  }
  return merged;
}

// Keys that document and never change what is sent or accepted (`deprecated` announces, it does not change;
// `links` say where another operation's parameters may come from).
const documentationKeys = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  'externalDocs',
  'operationId',
  'tags',
  'deprecated',
  'links',
  'xml',
]);

/** True when a path inside the operation goes through a documentation keyword (not a property, header or status of that name). */
function isDocumentation(tokens: readonly (string | number)[]): boolean {
  for (let index = 0; index < tokens.length; index++) {
    const token = String(tokens[index]);
    if (['properties', 'responses', 'headers', 'content', 'parameters'].includes(token)) {
      index++; // the next token is a name, a status, a media type or an index, never a keyword
      continue;
    }
    if (documentationKeys.has(token) || token.startsWith('x-')) return true;
  }
  return false;
}

type Found = Pick<DriftInstance, 'rule' | 'path' | 'expected' | 'actual' | 'status' | 'valueType' | 'message'>;
interface Documents {
  before: Json;
  after: Json;
}

function classify(diff: Diff, documents: Documents): Found[] {
  const rest = diff.path.slice(3);
  const [area] = rest;
  if (area === 'parameters') return classifyParameter(diff, rest, documents);
  if (area === 'responses') return classifyResponse(diff, rest, documents);
  if (area === 'requestBody') {
    const schemaAt = rest.indexOf('schema');
    if (schemaAt > 0) return classifySchema(diff, 'request', '$', rest.slice(schemaAt + 1), documents);
    return [catchAll(diff, 'request', 'operation', rest)];
  }
  // Security, servers and callbacks are outside what this route compares (parameters, request body, responses).
  return [];
}

function classifyParameter(diff: Diff, rest: readonly (string | number)[], documents: Documents): Found[] {
  const whole = rest.length === 2;
  const side = whole && diff.action === 'add' ? 'after' : 'before';
  const parameter = deref(
    documents[side],
    whole ? (diff.action === 'add' ? diff.after : diff.before) : operationOf(documents.before).parameters?.[rest[1] as number],
  );
  const path = `parameter:${parameter?.in}:${parameter?.name}`;
  if (whole && diff.action === 'add')
    return [
      {
        rule: parameter.required ? 'request-parameter-added-required' : 'request-parameter-added-optional',
        path,
        expected: absent,
        actual: describeParameter(parameter, documents.after),
      },
    ];
  if (whole && diff.action === 'remove')
    return [{ rule: 'request-parameter-removed', path, expected: describeParameter(parameter, documents.before), actual: absent }];
  if (rest[2] === 'required' && rest.length === 3) {
    const required = diff.after === true;
    return [
      {
        rule: required ? 'request-parameter-became-required' : 'request-parameter-became-optional',
        path,
        expected: diff.before ? 'required' : 'optional',
        actual: required ? 'required' : 'optional',
      },
    ];
  }
  if (rest[2] === 'schema') return classifySchema(diff, 'parameter', path, rest.slice(3), documents);
  return [catchAll(diff, 'request', path, rest.slice(2))];
}

function classifyResponse(diff: Diff, rest: readonly (string | number)[], documents: Documents): Found[] {
  const status = String(rest[1]);
  const withStatus = (found: Found[]) => found.map((item) => ({ ...item, status }));
  if (rest.length === 2 && diff.action !== 'replace')
    return [
      diff.action === 'add'
        ? { rule: 'response-status-added', status, path: 'status', expected: `${status} ${absent}`, actual: `${status} documented` }
        : { rule: 'response-status-removed', status, path: 'status', expected: `${status} documented`, actual: `${status} ${absent}` },
    ];
  if (rest[2] === 'content') {
    if (rest.length <= 4) {
      const mediaTypes = rest.length === 4 ? [String(rest[3])] : Object.keys((diff.action === 'add' ? diff.after : diff.before) ?? {});
      return mediaTypes.map((mediaType) => ({
        rule: 'response-content-type-changed' as const,
        status,
        path: 'content-type',
        expected: diff.action === 'add' ? `${mediaType} ${absent}` : mediaType,
        actual: diff.action === 'add' ? mediaType : `${mediaType} ${absent}`,
      }));
    }
    if (rest[4] === 'schema') return withStatus(classifySchema(diff, 'response', '$', rest.slice(5), documents));
  }
  if (rest[2] === 'headers') {
    const names = rest.length === 3 ? Object.keys((diff.action === 'add' ? diff.after : diff.before) ?? {}) : [String(rest[3])];
    if (rest.length <= 4 && diff.action !== 'replace')
      return names.map((name) => ({
        rule: diff.action === 'add' ? ('response-header-added' as const) : ('response-header-removed' as const),
        status,
        path: `header:${name.toLowerCase()}`,
        expected: diff.action === 'add' ? absent : 'documented',
        actual: diff.action === 'add' ? 'documented' : absent,
      }));
    if (rest[4] === 'schema')
      return withStatus(classifySchema(diff, 'response', `header:${String(names[0]).toLowerCase()}`, rest.slice(5), documents));
  }
  return withStatus([catchAll(diff, 'response', 'status', rest.slice(2))]);
}

type Context = 'request' | 'parameter' | 'response';

const identifier = /^[A-Za-z_$][\w$-]*$/;
const property = (name: string) => (identifier.test(name) ? `.${name}` : `['${name.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`);

/**
 * A change inside a schema. `tokens` run from the schema's root: property and item steps first (they make
 * the path), then the keyword that changed. Direction decides the rule: a response may only narrow (the
 * provider sends what our types allow), a request may only widen (the provider accepts what we send).
 */
function classifySchema(diff: Diff, context: Context, base: string, tokens: readonly (string | number)[], documents: Documents): Found[] {
  let path = base;
  let index = 0;
  let lastWasProperty = false;
  while (index < tokens.length) {
    const token = tokens[index];
    const hasNext = index + 1 < tokens.length;
    lastWasProperty = false;
    if (token === 'properties' && hasNext) {
      path += property(String(tokens[index + 1]));
      index += 2;
      lastWasProperty = true;
    } else if (token === 'items' && hasNext) {
      path += '[]';
      index++;
    } else if (token === 'additionalProperties' && hasNext && typeof tokens[index + 1] === 'string') {
      path += property('*'); // the values of a map
      index++;
    } else if ((token === 'oneOf' || token === 'anyOf') && index + 2 < tokens.length) {
      path += property(`${token}[${tokens[index + 1]}]`);
      index += 2;
    } else break;
  }
  const tail = tokens.slice(index);
  const [keyword] = tail;
  const response = context === 'response';
  const narrowed = (stricter: boolean | undefined): RuleId =>
    response
      ? stricter === true
        ? 'response-constraint-tightened'
        : 'response-constraint-relaxed'
      : stricter === false
        ? 'request-constraint-relaxed'
        : 'request-constraint-tightened';
  const schemaOf = (side: 'before' | 'after', value: Json) => deref(documents[side], value);

  // A property added or removed (or the whole `properties` map).
  if ((tail.length === 0 && lastWasProperty && diff.action !== 'replace') || (tail.length === 1 && keyword === 'properties')) {
    const value = diff.action === 'add' ? diff.after : diff.before;
    const entries: [string, Json][] = tail.length === 0 ? [[String(tokens.at(-1)), value]] : Object.entries(value ?? {});
    const parent = tail.length === 0 ? path.slice(0, path.length - property(String(tokens.at(-1))).length) : path;
    const side = diff.action === 'add' ? 'after' : 'before';
    return entries.map(([name, schema]) => {
      const resolved = schemaOf(side, schema);
      const shown = describeSchema(resolved, documents[side]);
      const rule: RuleId = response
        ? diff.action === 'add'
          ? 'response-property-added'
          : 'response-property-removed'
        : narrowed(diff.action === 'remove');
      return {
        rule,
        path: `${parent}${property(name)}`,
        expected: diff.action === 'add' ? absent : shown,
        actual: diff.action === 'add' ? shown : absent,
        ...(typeof resolved?.type === 'string' && { valueType: resolved.type }),
      };
    });
  }

  // A name added to or removed from `required` (or the whole list).
  if (keyword === 'required' && tail.length <= 2) {
    const names = (value: Json): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);
    const before = names(diff.before);
    const after = names(diff.after);
    const requiredRule = (nowRequired: boolean): RuleId =>
      response ? (nowRequired ? 'response-property-became-required' : 'response-property-became-optional') : narrowed(nowRequired);
    return [
      ...before
        .filter((name) => !after.includes(name))
        .map((name) => ({ rule: requiredRule(false), path: `${path}${property(name)}`, expected: 'required', actual: 'optional' })),
      ...after
        .filter((name) => !before.includes(name))
        .map((name) => ({ rule: requiredRule(true), path: `${path}${property(name)}`, expected: 'optional', actual: 'required' })),
    ];
  }

  if (keyword === 'type' && tail.length === 1)
    return [
      {
        rule: response ? 'response-property-type-changed' : 'request-parameter-type-changed',
        path,
        expected: show(diff.before),
        actual: show(diff.after),
      },
    ];

  // Enum values: each value added or removed is its own instance; the catalogue groups those of one enum.
  if (keyword === 'enum' && tail.length <= 2) {
    if (tail.length === 1 && (diff.before === undefined || diff.after === undefined)) {
      const appears = diff.before === undefined; // narrower; else any value is now allowed
      return [
        {
          rule: response ? (appears ? 'response-constraint-tightened' : 'response-enum-value-added') : narrowed(appears),
          path,
          expected: appears ? 'enum (none: any value)' : `enum ${show(diff.before)}`,
          actual: appears ? `enum ${show(diff.after)}` : 'enum (none: any value)',
        },
      ];
    }
    const values = (value: Json): Json[] => (value === undefined ? [] : tail.length === 1 ? value : [value]);
    const before = values(diff.before);
    const after = values(diff.after);
    return [
      ...after
        .filter((value) => !before.includes(value))
        .map((value) => ({
          rule: response ? ('response-enum-value-added' as const) : narrowed(false),
          path,
          expected: 'enum without it',
          actual: `enum + ${show(value)}`,
        })),
      ...before
        .filter((value) => !after.includes(value))
        .map((value) => ({
          rule: response ? ('response-enum-value-removed' as const) : narrowed(true),
          path,
          expected: `enum ${show(value)}`,
          actual: `enum - ${show(value)}`,
        })),
    ];
  }

  // A response's `default` documents; it does not change what is sent.
  if (response && keyword === 'default' && tail.length === 1) return [];

  if (tail.length === 1 && typeof keyword === 'string') {
    const stricter = stricterOf(keyword, diff.before, diff.after);
    const change = { path, expected: withKeyword(keyword, diff.before), actual: withKeyword(keyword, diff.after) };
    if (keyword === 'nullable')
      return [{ ...change, rule: response && stricter === false ? 'response-property-became-nullable' : narrowed(stricter) }];
    if (keyword === 'format') return [{ ...change, rule: response && stricter !== true ? 'response-format-changed' : narrowed(stricter) }];
    if (keyword === 'pattern')
      return [{ ...change, rule: response && stricter !== true ? 'response-pattern-violated' : narrowed(stricter) }];
    if (keyword === 'additionalProperties' && response && stricter === false)
      // The provider may send properties our spec does not name: to a tolerant reader, an addition.
      return [{ ...change, path: `${path}${property('*')}`, rule: 'response-property-added' }];
    if (stricter !== undefined) return [{ ...change, rule: narrowed(stricter) }];
  }

  return [catchAll(diff, response ? 'response' : 'request', path, tail)];
}

const upperBounds = new Set(['maxLength', 'maximum', 'maxItems', 'maxProperties']);
const lowerBounds = new Set(['minLength', 'minimum', 'minItems', 'minProperties']);

/**
 * Whether the vendor's side accepts fewer values than ours (`true`), more (`false`), or the direction cannot
 * be told (`undefined`: the caller then assumes the worse one).
 */
export function stricterOf(keyword: string, ours: Json, theirs: Json): boolean | undefined {
  if (upperBounds.has(keyword)) return theirs === undefined ? false : ours === undefined ? true : theirs < ours;
  if (lowerBounds.has(keyword)) return theirs === undefined ? false : ours === undefined ? true : theirs > ours;
  if (keyword === 'nullable') return !theirs;
  if (keyword === 'uniqueItems' || keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') return Boolean(theirs);
  if (keyword === 'format') return theirs === undefined ? false : ours === undefined ? true : undefined;
  if (keyword === 'pattern') return patternStricter(ours, theirs);
  if (keyword === 'additionalProperties' && (theirs === false) !== (ours === false)) return theirs === false;
  return undefined;
}

/** Patterns that differ only in their `^`/`$` anchors: the one with fewer anchors matches more strings. */
function patternStricter(ours: Json, theirs: Json): boolean | undefined {
  if (theirs === undefined) return false;
  if (ours === undefined) return true;
  const anchors = (pattern: string) => ({
    start: pattern.startsWith('^'),
    end: /(?<!\\)\$$/.test(pattern),
    core: pattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, ''),
  });
  const a = anchors(String(ours));
  const b = anchors(String(theirs));
  if (a.core !== b.core) return undefined;
  const theirsLooser = (!b.start || a.start) && (!b.end || a.end);
  const theirsStricter = (b.start || !a.start) && (b.end || !a.end);
  return theirsStricter && !theirsLooser ? true : theirsLooser && !theirsStricter ? false : undefined;
}

/** A change no finer rule names, classified by api-smart-diff's own verdict. */
function catchAll(diff: Diff, side: 'request' | 'response', path: string, tail: readonly (string | number)[]): Found {
  const breaking = diff.type === 'breaking';
  const rule: RuleId =
    side === 'response'
      ? breaking
        ? 'response-schema-violated'
        : 'response-constraint-tightened'
      : breaking
        ? 'request-constraint-tightened'
        : 'request-constraint-relaxed';
  const keyword = tail.map(String).join('.');
  return { rule, path, expected: withKeyword(keyword, diff.before), actual: withKeyword(keyword, diff.after) };
}

const absent = '(absent)';

function withKeyword(keyword: string, value: Json): string {
  if (!keyword) return show(value);
  return value === undefined ? `no ${keyword}` : `${keyword} ${show(value)}`;
}

function operationOf(document: Json): Json {
  const [item] = Object.values<Json>(document.paths);
  const [operation] = Object.values<Json>(item);
  return operation;
}

function describeParameter(parameter: Json, document: Json): string {
  return `${parameter?.required ? 'required' : 'optional'} ${parameter?.in} ${describeSchema(deref(document, parameter?.schema), document)}`;
}

/** A schema in a few words: its type (and format, or item type), else its composition. */
function describeSchema(schema: Json, document: Json): string {
  if (schema === undefined) return absent;
  if (schema === true || (typeof schema === 'object' && Object.keys(schema).length === 0)) return 'any';
  const type = Array.isArray(schema.type) ? schema.type.join('|') : schema.type;
  if (type === 'array') return `array of ${describeSchema(deref(document, schema.items), document)}`;
  if (type) return `${type}${schema.format ? ` (${schema.format})` : ''}${schema.nullable ? ' | null' : ''}`;
  for (const combiner of ['oneOf', 'anyOf', 'allOf']) if (Array.isArray(schema[combiner])) return combiner;
  return schema.properties ? 'object' : show(schema);
}

function show(value: Json): string {
  if (value === undefined) return absent;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
