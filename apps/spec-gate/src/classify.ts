/**
 * One api-smart-diff finding mapped onto the drift-rules catalogue: where a caller feels it (operation,
 * status, `$.sessions[].id`, `parameter:query:limit`...) and which rule it is, by direction. The rule,
 * not api-smart-diff's own type, decides the severity: it calls a removed optional response property,
 * an added nullable or an added response enum value non-breaking, and a removed optional query
 * parameter breaking, for instance; the catalogue says what each does to our consumers.
 */
import { formatBodyPath, type RuleId, type Segment } from '@api-contracts/drift-rules';
import type { OpenApiDocument } from '@api-contracts/specs';
import type { Diff } from 'api-smart-diff';
import { follow, httpMethods, isNode, type Node, operationName, resolvedNode, type Token } from './openapi-walk.js';

/** One spec difference where a caller feels it; `rule` absent for a documentation-only one. */
export interface Classified {
  rule?: RuleId | undefined;
  /** The operation (operationId or `GET /path`); `components/<kind>/<name>` for a component no operation reaches; `spec` for the rest. */
  operation: string;
  status?: string | undefined;
  /** `$.sessions[].id`, `parameter:query:limit`, `header:retry-after`, `requestBody:$.name`, `status`, `content-type`, `operation`. */
  path: string;
  /** The base spec's side and the new spec's, in a few words. */
  expected: string;
  actual: string;
  /** What changed, in a few words (`maxLength 50 added`). */
  detail: string;
  /** The JSON type of the property concerned, for rename hints. */
  valueType?: string | undefined;
  /** api-smart-diff's JSON pointer into the resolved document. */
  pointer: string;
  /** Tokens of the resolved new document where the change is (or its parent, for a removal). */
  newTokens: Token[];
  description: string;
  /** Under a component no operation reaches: no caller feels it, so it is information and needs no release. */
  unreached?: true | undefined;
}

export interface DiffContext {
  before: OpenApiDocument;
  after: OpenApiDocument;
  /** Components an operation reaches (before or after): their changes are reported where operations feel them. */
  reached: Set<string>;
}

type Direction = 'request' | 'response';
interface Place {
  operation: string;
  status?: string | undefined;
}

// Changes inside these never change what is sent or accepted, whatever api-smart-diff calls them. `default`
// is decided in place (it makes a response property non-optional in the generated types).
const documentationKeys = new Set([
  'example',
  'examples',
  'description',
  'summary',
  'externalDocs',
  'title',
  'deprecated',
  'readOnly',
  'writeOnly',
  'xml',
  'tags',
  // The default server URL is compared per operation (`server-url-changed`); the rest of `servers` documents.
  'servers',
  // A response's `links` say where another operation's ids come from (the probe and live states follow them);
  // nothing on the wire or in the generated types changes.
  'links',
]);
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
  'examples',
  'content',
]);
const documentationRoots = new Set(['info', 'tags', 'externalDocs', 'servers']);

export function isDocumentation(path: readonly Token[]): boolean {
  if (documentationRoots.has(String(path[0]))) return true;
  return path.some((token, index) => {
    const key = String(token);
    const named = nameMaps.has(String(path[index - 1]));
    return !named && typeof token === 'string' && (documentationKeys.has(key) || key.startsWith('x-'));
  });
}

/** Security diffs: compared per operation by `securityChanges`, not one by one. */
export function isSecurity(path: readonly Token[]): boolean {
  return (
    path[0] === 'security' ||
    (path[0] === 'components' && (path[1] === 'securitySchemes' || path.length === 1)) ||
    (path[0] === 'paths' && httpMethods.includes(String(path[2])) && path[3] === 'security')
  );
}

/** A diff of a whole `components` section or `paths` map, split into one diff per member so each can be placed. */
export function splitContainers(diff: Diff): Diff[] {
  const { path, action } = diff;
  const container =
    (path.length === 1 && (path[0] === 'components' || path[0] === 'paths')) || (path.length === 2 && path[0] === 'components');
  if (!container || (action !== 'add' && action !== 'remove')) return [diff];
  const value = action === 'add' ? diff.after : diff.before;
  if (!isNode(value)) return [diff];
  return Object.entries(value).flatMap(([key, member]) =>
    splitContainers({
      ...diff,
      path: [...path, key],
      ...(action === 'add' ? { after: member } : { before: member }),
      description: undefined,
    }),
  );
}

const escapeToken = (token: Token) => String(token).replaceAll('~', '~0').replaceAll('/', '~1');
const pointerOf = (path: readonly Token[]) => `/${path.map(escapeToken).join('/')}`;

const show = (value: unknown, max = 40) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? 'none' : text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

function typeOf(document: OpenApiDocument, schema: unknown): string | undefined {
  const resolved = follow(document, schema);
  if (!isNode(resolved)) return undefined;
  if (typeof resolved.type === 'string') return resolved.type;
  for (const member of Array.isArray(resolved.allOf) ? resolved.allOf : []) {
    const type = typeOf(document, member);
    if (type) return type;
  }
  return undefined;
}

/** Maps one diff (its path in the resolved document) to where callers feel it and its rule. */
export function classifyDiff(diff: Diff, context: DiffContext): Classified[] | 'duplicate' {
  const path = diff.path;
  const base = {
    pointer: pointerOf(path),
    newTokens: [...path],
    description: diff.description ?? `${diff.action} ${String(path.at(-1) ?? '')}`.trim(),
  };
  const docs = (place: Place): Classified[] => [documentation(diff, context, base, place)];

  if (path[0] === 'components') {
    const id = `components/${String(path[1])}/${String(path[2])}`;
    if (context.reached.has(id)) return 'duplicate';
    if (isDocumentation(path)) return docs({ operation: id });
    return componentDiff(diff, context, base, id).map((item) => ({ ...item, unreached: true }));
  }
  if (path[0] === 'paths') {
    const template = String(path[1]);
    const second = String(path[2] ?? '');
    const methods = httpMethods.includes(second)
      ? [second]
      : httpMethods.filter(
          (method) => isNode(context.after?.paths?.[template]?.[method]) || isNode(context.before?.paths?.[template]?.[method]),
        );
    const results: Classified[] = [];
    for (const method of methods) {
      const document = isNode(context.after?.paths?.[template]?.[method]) ? context.after : context.before;
      const place = { operation: operationName(document, template, method) };
      if (isDocumentation(path)) results.push(...docs(place));
      else results.push(...operationDiff(diff, context, base, place, template, method));
    }
    return results.length > 0 || methods.length > 0 ? results : docs({ operation: template });
  }
  if (isDocumentation(path)) return docs({ operation: 'spec' });
  return [fallback(diff, base, { operation: 'spec' }, undefined, base.pointer)];
}

type Base = Pick<Classified, 'pointer' | 'newTokens' | 'description'>;

/**
 * A documentation-only change, placed as a reader looks for it: `listAgentSessions 200 $.sessions[].agent_key:
 * description replaced`, `listAgentSessions parameter:query:limit: example replaced`, `... 200: example customer_support changed`.
 */
function documentation(diff: Diff, context: DiffContext, base: Base, place: Place): Classified {
  const path = diff.path;
  if (documentationRoots.has(String(path[0]))) {
    const what = `${path.map(String).join('.')} ${diff.action === 'add' ? 'added' : diff.action === 'remove' ? 'removed' : 'replaced'}`;
    return { ...base, ...place, path: base.pointer, expected: '', actual: '', detail: what, description: what };
  }
  const at = path.findIndex((_, index) => isDocumentation(path.slice(0, index + 1)));
  const keyword = String(path[at] ?? path.at(-1) ?? '');
  const verb = diff.action === 'add' ? 'added' : diff.action === 'remove' ? 'removed' : 'replaced';
  const inside = path.slice(0, Math.max(at, 0));
  let status: string | undefined;
  let where = '';
  let what = `${keyword} ${verb}`;
  const schemaPath = (tail: readonly Token[], prefix = '') => {
    const walked = walkSchema(tail);
    return walked.segments.length > 0 ? `${prefix}${formatBodyPath(walked.segments)}` : prefix || '$';
  };
  const operationPart = path[0] === 'paths' && httpMethods.includes(String(path[2])) ? inside.slice(3) : [];
  if (operationPart[0] === 'parameters') {
    const list = (resolvedNode(context.before, path.slice(0, 3)) as Node | undefined)?.parameters;
    const parameter = asParameter(context.before, Array.isArray(list) ? list[Number(operationPart[1])] : undefined);
    where = parameter ? `parameter:${parameter.in}:${parameter.name}` : 'parameters';
  } else if (operationPart[0] === 'responses' && operationPart[1] !== undefined) {
    status = String(operationPart[1]);
    if (operationPart[2] === 'headers' && operationPart[3] !== undefined) where = `header:${String(operationPart[3]).toLowerCase()}`;
    else if (operationPart[2] === 'content' && operationPart[4] === 'schema') where = schemaPath(operationPart.slice(5));
    if (keyword === 'examples' && path[at + 1] !== undefined) what = `example ${String(path[at + 1])} changed`;
  } else if (operationPart[0] === 'requestBody') {
    where =
      operationPart[2] === 'content' && operationPart[4] === 'schema' ? schemaPath(operationPart.slice(5), 'requestBody:') : 'requestBody';
    if (keyword === 'examples' && path[at + 1] !== undefined) what = `example ${String(path[at + 1])} changed`;
  } else if (path[0] === 'components' && path[1] === 'schemas') where = schemaPath(inside.slice(3));
  else if (path[0] !== 'paths' && path[0] !== 'components') where = inside.map(String).join('.');
  const description = `${[where, what].filter(Boolean).join(': ')}`;
  return { ...base, ...place, status, path: where || base.pointer, expected: '', actual: '', detail: what, description };
}

/** Builds the findings of one place: `expected`, `actual` and `detail` empty unless a finding gives them. */
function findingAt<P extends Place>(base: Base, place: P) {
  // A finding needs a path: from the place when it has one, else from each call (checked at the call site).
  type Fields = Partial<Classified> & (P extends { path: string } ? unknown : { path: string });
  return (rule: RuleId, fields: Fields): Classified =>
    ({ ...base, expected: '', actual: '', detail: '', ...place, ...fields, rule }) as Classified;
}

function operationDiff(diff: Diff, context: DiffContext, base: Base, place: Place, template: string, method: string): Classified[] {
  const path = diff.path;
  const make = findingAt(base, place);
  // The path item or the operation itself, added or removed.
  if (path.length === 2 || (path.length === 3 && path[2] === method)) {
    if (diff.action === 'add') return [make('operation-added', { path: 'operation', expected: 'absent', actual: 'documented' })];
    if (diff.action === 'remove')
      return [
        make('operation-removed', {
          path: 'operation',
          expected: 'documented',
          actual: 'absent',
          newTokens: isNode(context.after?.paths?.[template]) ? ['paths', template] : ['paths'],
        }),
      ];
    return [fallback(diff, base, place, 'request', 'operation')];
  }
  if (path[2] === 'parameters') return parameterDiff(diff, context, base, place, ['paths', template]);
  if (path[2] !== method) return [fallback(diff, base, place, 'request', 'operation')];
  const part = path[3];
  if (part === 'parameters') return parameterDiff(diff, context, base, place, ['paths', template, method]);
  if (part === 'requestBody') return requestBodyDiff(diff, context, base, place);
  if (part === 'responses') return responseDiff(diff, context, base, place);
  return [fallback(diff, base, place, 'request', 'operation')];
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}

const asParameter = (document: OpenApiDocument, node: unknown): Parameter | undefined => {
  const resolved = follow(document, node);
  return isNode(resolved) && typeof resolved.name === 'string' && typeof resolved.in === 'string'
    ? (resolved as unknown as Parameter)
    : undefined;
};

function parameterDiff(diff: Diff, context: DiffContext, base: Base, place: Place, owner: Token[]): Classified[] {
  const { before, after } = context;
  const path = diff.path;
  const at = owner.length; // path[at] === 'parameters'
  const listOf = (document: OpenApiDocument) => {
    const list = (resolvedNode(document, owner) as Node | undefined)?.parameters;
    return Array.isArray(list) ? list : [];
  };
  const afterList = listOf(after);
  const afterIndex = (parameter: Parameter) =>
    afterList.findIndex((entry) => {
      const candidate = asParameter(after, entry);
      return candidate?.name === parameter.name && candidate.in === parameter.in;
    });
  const tokenOf = (parameter: Parameter) => `parameter:${parameter.in}:${parameter.name}`;
  const make = findingAt(base, place);

  if (path.length === at + 2) {
    const results: Classified[] = [];
    const removed = diff.action === 'remove' || diff.action === 'replace' ? asParameter(before, diff.before) : undefined;
    const added = diff.action === 'add' || diff.action === 'replace' ? asParameter(after, diff.after) : undefined;
    if (removed)
      results.push(
        make('request-parameter-removed', {
          path: tokenOf(removed),
          expected: 'accepted',
          actual: 'absent',
          newTokens: [...owner, 'parameters'],
        }),
      );
    if (added)
      results.push(
        make(added.required ? 'request-parameter-added-required' : 'request-parameter-added-optional', {
          path: tokenOf(added),
          expected: 'absent',
          actual: added.required ? 'required' : 'optional',
          newTokens: [...owner, 'parameters', afterIndex(added)],
        }),
      );
    return results.length > 0 ? results : [fallback(diff, base, place, 'request', base.pointer)];
  }

  // api-smart-diff indexes a changed parameter by its place in the base spec's list.
  const parameter = asParameter(before, listOf(before)[Number(path[at + 1])]) ?? asParameter(after, afterList[Number(path[at + 1])]);
  if (!parameter) return [fallback(diff, base, place, 'request', base.pointer)];
  const index = afterIndex(parameter);
  const root: Token[] = index >= 0 ? [...owner, 'parameters', index] : [...owner, 'parameters'];
  const field = path[at + 2];
  const token = tokenOf(parameter);
  if (field === 'required') {
    const required = diff.after === true;
    return [
      make(required ? 'request-parameter-became-required' : 'request-parameter-became-optional', {
        path: token,
        expected: required ? 'optional' : 'required',
        actual: required ? 'required' : 'optional',
        detail: required ? 'now required' : 'now optional',
        newTokens: [...root, 'required'],
      }),
    ];
  }
  if (field === 'schema')
    return schemaDiff(diff, context, base, {
      ...place,
      direction: 'request',
      fixedPath: token,
      root: [...root, 'schema'],
      tail: path.slice(at + 3),
    });
  if (field === 'content' && path[at + 4] === 'schema')
    return schemaDiff(diff, context, base, {
      ...place,
      direction: 'request',
      fixedPath: token,
      root: [...root, ...path.slice(at + 2, at + 5)],
      tail: path.slice(at + 5),
    });
  return [fallback(diff, { ...base, newTokens: root }, place, 'request', token)];
}

function requestBodyDiff(diff: Diff, context: DiffContext, base: Base, place: Place): Classified[] {
  const path = diff.path;
  const make = findingAt(base, { ...place, path: 'requestBody' });
  if (path.length === 4) {
    const body = follow(context.after, diff.after);
    if (diff.action === 'add')
      return [
        make(isNode(body) && body.required === true ? 'request-parameter-added-required' : 'request-parameter-added-optional', {
          expected: 'absent',
          actual: 'documented',
        }),
      ];
    if (diff.action === 'remove') return [make('request-parameter-removed', { expected: 'accepted', actual: 'absent' })];
    return [fallback(diff, base, place, 'request', 'requestBody')];
  }
  const field = path[4];
  if (field === 'required') {
    const required = diff.after === true;
    return [
      make(required ? 'request-parameter-became-required' : 'request-parameter-became-optional', {
        expected: required ? 'optional' : 'required',
        actual: required ? 'required' : 'optional',
      }),
    ];
  }
  if (field === 'content' && path.length === 6) {
    // A content type added is one more the provider accepts; one removed, a request the client may build that is refused.
    const added = diff.action === 'add';
    return [
      make(added ? 'request-constraint-relaxed' : 'request-constraint-tightened', {
        detail: `content type ${String(path[5])} ${added ? 'added' : 'removed'}`,
        expected: added ? 'absent' : 'accepted',
        actual: added ? 'accepted' : 'absent',
      }),
    ];
  }
  if (field === 'content' && path[6] === 'schema')
    return schemaDiff(diff, context, base, {
      ...place,
      direction: 'request',
      bodyPrefix: 'requestBody:',
      root: path.slice(0, 7),
      tail: path.slice(7),
    });
  return [fallback(diff, base, place, 'request', 'requestBody')];
}

function responseDiff(diff: Diff, context: DiffContext, base: Base, place: Place): Classified[] {
  const path = diff.path;
  if (path.length < 5) return [fallback(diff, base, place, 'response', 'status')];
  const status = String(path[4]);
  const here = { ...place, status };
  const make = findingAt(base, here);
  if (path.length === 5) {
    if (diff.action === 'add') return [make('response-status-added', { path: 'status', expected: 'undocumented', actual: 'documented' })];
    if (diff.action === 'remove')
      return [make('response-status-removed', { path: 'status', expected: 'documented', actual: 'absent', newTokens: path.slice(0, 4) })];
    return [fallback(diff, base, here, 'response', 'status')];
  }
  const field = path[5];
  if (field === 'headers' && path.length >= 7) {
    const token = `header:${String(path[6]).toLowerCase()}`;
    if (path.length === 7 && diff.action === 'add')
      return [make('response-header-added', { path: token, expected: 'absent', actual: 'present' })];
    if (path.length === 7 && diff.action === 'remove')
      return [make('response-header-removed', { path: token, expected: 'present', actual: 'absent', newTokens: path.slice(0, 6) })];
    if (path[7] === 'schema')
      return schemaDiff(diff, context, base, {
        ...here,
        direction: 'response',
        fixedPath: token,
        root: path.slice(0, 8),
        tail: path.slice(8),
      });
    return [fallback(diff, base, here, 'response', token)];
  }
  if (field === 'content' && path.length === 7) {
    const added = diff.action === 'add';
    return [
      make('response-content-type-changed', {
        path: 'content-type',
        detail: `${String(path[6])} ${added ? 'added' : diff.action === 'remove' ? 'removed' : 'changed'}`,
        expected: added ? 'absent' : String(path[6]),
        actual: added ? String(path[6]) : 'absent',
        ...(diff.action === 'remove' && { newTokens: path.slice(0, 6) }),
      }),
    ];
  }
  if (field === 'content' && path[7] === 'schema')
    return schemaDiff(diff, context, base, { ...here, direction: 'response', bodyPrefix: '', root: path.slice(0, 8), tail: path.slice(8) });
  return [fallback(diff, base, here, 'response', 'status')];
}

function componentDiff(diff: Diff, context: DiffContext, base: Base, id: string): Classified[] {
  const path = diff.path;
  const kind = String(path[1]);
  const place = { operation: id };
  const direction: Direction = kind === 'parameters' || kind === 'requestBodies' ? 'request' : 'response';
  // A component no operation reaches is still a generated type consumers may import.
  if (path.length === 3 && (diff.action === 'add' || diff.action === 'remove')) {
    const added = diff.action === 'add';
    const rule: RuleId =
      direction === 'request'
        ? added
          ? 'request-parameter-added-optional'
          : 'request-parameter-removed'
        : added
          ? 'response-property-added'
          : 'response-property-removed';
    return [
      {
        ...base,
        ...place,
        rule,
        path: '$',
        expected: added ? 'absent' : 'present',
        actual: added ? 'present' : 'absent',
        detail: `component ${added ? 'added' : 'removed'}`,
        newTokens: added ? path : path.slice(0, 2),
      },
    ];
  }
  if (kind === 'schemas')
    return schemaDiff(diff, context, base, { ...place, direction, bodyPrefix: '', root: path.slice(0, 3), tail: path.slice(3) });
  if (kind === 'parameters' && path[3] === 'schema')
    return schemaDiff(diff, context, base, { ...place, direction, fixedPath: '$', root: path.slice(0, 4), tail: path.slice(4) });
  if (kind === 'headers' && path[3] === 'schema')
    return schemaDiff(diff, context, base, { ...place, direction, fixedPath: '$', root: path.slice(0, 4), tail: path.slice(4) });
  if ((kind === 'responses' || kind === 'requestBodies') && path[3] === 'content' && path[5] === 'schema')
    return schemaDiff(diff, context, base, { ...place, direction, bodyPrefix: '', root: path.slice(0, 6), tail: path.slice(6) });
  return [fallback(diff, base, place, direction, '$')];
}

interface SchemaPlace extends Place {
  direction: Direction;
  /** Every change under the schema is at this path (a parameter's or header's token). */
  fixedPath?: string;
  /** Else a body path, after this prefix (`requestBody:` for a request body). */
  bodyPrefix?: string;
  /** Tokens of the schema's root in the resolved document. */
  root: Token[];
  tail: Token[];
}

/**
 * A path inside a schema (`properties/sessions/items/properties/id/pattern`) as the body path it is about
 * (`.sessions[].id`) and the keyword changed there (`pattern`; none when the path ends on a schema).
 */
function walkSchema(tail: readonly Token[]): { segments: Segment[]; index: number; keyword?: string } {
  const segments: Segment[] = [];
  let index = 0;
  while (index < tail.length) {
    const token = String(tail[index]);
    const more = index + 1 < tail.length;
    if (token === 'properties' && more) {
      segments.push({ key: String(tail[index + 1]) });
      index += 2;
    } else if (token === 'items' && more) {
      segments.push({ item: true });
      index += 1;
    } else if (token === 'additionalProperties' && more) {
      segments.push({ key: '*' });
      index += 1;
    } else if (['allOf', 'oneOf', 'anyOf'].includes(token) && index + 2 < tail.length) {
      index += 2;
    } else return { segments, index, keyword: token };
  }
  return { segments, index };
}

const lowerBounds = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']);
const upperBounds = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']);
const bounds = new Set([...lowerBounds, ...upperBounds, 'multipleOf', 'uniqueItems']);

/** Whether a bound's change admits fewer values. */
function tighter(keyword: string, action: Diff['action'], before: unknown, after: unknown): boolean {
  if (action === 'add') return after !== false;
  if (action === 'remove') return false;
  if (typeof after === 'boolean' || typeof before === 'boolean') return after === true;
  if (lowerBounds.has(keyword)) return Number(after) > Number(before);
  if (upperBounds.has(keyword)) return Number(after) < Number(before);
  return true; // multipleOf: a new step admits other values; counted as tighter, the safe side for requests
}

function schemaDiff(diff: Diff, context: DiffContext, base: Base, place: SchemaPlace): Classified[] {
  const { tail, direction } = place;
  const { segments, index, keyword } = walkSchema(tail);
  const rest = tail.slice(index + 1);
  const nodeTokens = [...place.root, ...tail.slice(0, index)];
  const pathOf = (extra: Segment[] = []) => place.fixedPath ?? `${place.bodyPrefix ?? ''}${formatBodyPath([...segments, ...extra])}`;
  const response = direction === 'response';
  const make = (rule: RuleId | undefined, fields: Partial<Classified>): Classified => ({
    ...base,
    newTokens: [...place.root, ...tail],
    operation: place.operation,
    status: place.status,
    path: pathOf(),
    expected: '',
    actual: '',
    detail: '',
    ...fields,
    rule,
  });

  const property = (name: string, action: 'add' | 'remove', schema: unknown, parent: Token[]): Classified => {
    const added = action === 'add';
    const valueType = typeOf(added ? context.after : context.before, schema);
    const rule: RuleId = response
      ? added
        ? 'response-property-added'
        : 'response-property-removed'
      : added
        ? 'request-parameter-added-optional'
        : 'request-parameter-removed';
    return make(rule, {
      path: pathOf([{ key: name }]),
      expected: added ? 'absent' : 'present',
      actual: added ? 'present' : 'absent',
      detail: added ? (valueType ?? '') : '',
      valueType,
      newTokens: added ? [...parent, 'properties', name] : [...parent, 'properties'],
    });
  };

  if (keyword === undefined) {
    // The diff is a whole schema: a property added or removed, or replaced.
    const last = segments.at(-1);
    if (last && 'key' in last && tail.at(-2) === 'properties' && (diff.action === 'add' || diff.action === 'remove')) {
      segments.pop();
      return [property(last.key, diff.action, diff.action === 'add' ? diff.after : diff.before, [...place.root, ...tail.slice(0, -2)])];
    }
    return [fallback(diff, base, place, direction, pathOf())];
  }

  const verb = (action: Diff['action']) => (action === 'add' ? 'added' : action === 'remove' ? 'removed' : 'changed');
  const change = (action: Diff['action'], before: unknown, after: unknown) =>
    action === 'replace'
      ? `${keyword} ${show(before)} → ${show(after)}`
      : `${keyword} ${show(action === 'add' ? after : before)} ${verb(action)}`;
  const evidence = {
    expected: `${keyword} ${show(diff.before)}`,
    actual: `${keyword} ${show(diff.after)}`,
    detail: change(diff.action, diff.before, diff.after),
  };

  if (keyword === 'properties' && rest.length === 0 && (diff.action === 'add' || diff.action === 'remove')) {
    const action = diff.action;
    const map = action === 'add' ? diff.after : diff.before;
    return isNode(map) ? Object.entries(map).map(([name, schema]) => property(name, action, schema, nodeTokens)) : [];
  }
  if (keyword === 'required') {
    const names = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);
    const was = names(diff.before);
    const is = names(diff.after);
    const gained = rest.length > 0 && diff.action === 'add' ? is : is.filter((name) => !was.includes(name));
    const lost = rest.length > 0 && diff.action === 'remove' ? was : was.filter((name) => !is.includes(name));
    return [
      ...gained.map((name) =>
        make(response ? 'response-property-became-required' : 'request-parameter-became-required', {
          path: pathOf([{ key: name }]),
          expected: 'optional',
          actual: 'required',
          detail: 'now required',
          newTokens: [...nodeTokens, 'properties', name],
        }),
      ),
      ...lost.map((name) =>
        make(response ? 'response-property-became-optional' : 'request-parameter-became-optional', {
          path: pathOf([{ key: name }]),
          expected: 'required',
          actual: 'optional',
          detail: 'now optional',
          newTokens: [...nodeTokens, 'required'],
        }),
      ),
    ];
  }
  if (keyword === 'type') {
    const rule: RuleId =
      diff.action === 'add'
        ? response
          ? 'response-constraint-tightened'
          : 'request-parameter-type-changed'
        : diff.action === 'remove' && !response
          ? 'request-constraint-relaxed'
          : response
            ? 'response-property-type-changed'
            : 'request-parameter-type-changed';
    return [
      make(rule, {
        ...evidence,
        expected: show(diff.before),
        actual: show(diff.after),
        detail: change(diff.action, diff.before, diff.after),
      }),
    ];
  }
  if (keyword === 'nullable') {
    const nullable = diff.after === true;
    const rule: RuleId = nullable
      ? response
        ? 'response-property-became-nullable'
        : 'request-constraint-relaxed'
      : response
        ? 'response-constraint-tightened'
        : 'request-constraint-tightened';
    return [
      make(rule, {
        expected: nullable ? 'not null' : 'nullable',
        actual: nullable ? 'nullable' : 'not null',
        detail: nullable ? 'nullable' : 'no longer nullable',
      }),
    ];
  }
  if (keyword === 'enum') {
    // api-smart-diff reports an enum value by value (an enum appearing is each of its values "added"), so
    // the whole enums of both sides are compared: every finding of one enum gives the same, deduplicated, changes.
    // It indexes the base spec (a parameter by its place there); `nodeTokens` are the new spec's.
    const beforeEnum = resolvedNode(context.before, diff.path.slice(0, diff.path.length - rest.length));
    const afterEnum = resolvedNode(context.after, [...nodeTokens, 'enum']);
    const was = Array.isArray(beforeEnum) ? beforeEnum : undefined;
    const is = Array.isArray(afterEnum) ? afterEnum : undefined;
    if (was === undefined || is === undefined) {
      if (was === undefined && is === undefined) return [fallback(diff, base, place, direction, pathOf())];
      // An enum appearing narrows what a value may be (every other value is refused); one disappearing widens it.
      const narrower = was === undefined;
      const rule: RuleId = response
        ? narrower
          ? 'response-constraint-tightened'
          : 'response-constraint-relaxed'
        : narrower
          ? 'request-constraint-tightened'
          : 'request-constraint-relaxed';
      const listed = show(was ?? is, 60);
      return [
        make(rule, {
          expected: was === undefined ? 'any value' : `enum ${listed}`,
          actual: is === undefined ? 'any value' : `enum ${listed}`,
          detail: `enum ${listed} ${narrower ? 'added' : 'removed'}`,
          newTokens: narrower ? [...nodeTokens, 'enum'] : nodeTokens,
        }),
      ];
    }
    const gained = is.filter((value) => !was.some((old) => JSON.stringify(old) === JSON.stringify(value)));
    const lost = was.filter((value) => !is.some((now) => JSON.stringify(now) === JSON.stringify(value)));
    return [
      ...gained.map((value) =>
        make(response ? 'response-enum-value-added' : 'request-constraint-relaxed', {
          expected: 'not in the enum',
          actual: show(value),
          detail: `enum value ${JSON.stringify(value)} added`,
          newTokens: [...nodeTokens, 'enum', is.findIndex((now) => JSON.stringify(now) === JSON.stringify(value))],
        }),
      ),
      ...lost.map((value) =>
        make(response ? 'response-enum-value-removed' : 'request-constraint-tightened', {
          expected: show(value),
          actual: 'not in the enum',
          detail: `enum value ${JSON.stringify(value)} removed`,
          newTokens: [...nodeTokens, 'enum'],
        }),
      ),
    ];
  }
  if (keyword === 'format' && diff.action === 'add' && withinFormat(resolvedNode(context.after, nodeTokens), diff.after))
    return [
      make(undefined, {
        detail: `format ${show(diff.after)} added, within the bounds`,
        description: `${pathOf()}: format ${show(diff.after)} added, within the bounds`,
      }),
    ];
  if (keyword === 'format' || keyword === 'pattern') {
    const rule: RuleId = response
      ? diff.action === 'add'
        ? 'response-constraint-tightened'
        : keyword === 'format'
          ? 'response-format-changed'
          : diff.action === 'remove'
            ? 'response-constraint-relaxed'
            : 'response-pattern-violated'
      : diff.action === 'remove'
        ? 'request-constraint-relaxed'
        : 'request-constraint-tightened';
    return [make(rule, evidence)];
  }
  if (bounds.has(keyword) && rest.length === 0) {
    const narrower = tighter(keyword, diff.action, diff.before, diff.after);
    const rule: RuleId = response
      ? narrower
        ? 'response-constraint-tightened'
        : 'response-constraint-relaxed'
      : narrower
        ? 'request-constraint-tightened'
        : 'request-constraint-relaxed';
    return [make(rule, evidence)];
  }
  if (keyword === 'additionalProperties' && rest.length === 0) {
    // `false` (or a schema where there was none) closes the object; removing either opens it.
    const narrower = diff.action === 'add' ? diff.after !== true : diff.action === 'replace' ? diff.after === false : false;
    const rule: RuleId = response
      ? narrower
        ? 'response-constraint-tightened'
        : 'response-constraint-relaxed'
      : narrower
        ? 'request-constraint-tightened'
        : 'request-constraint-relaxed';
    return [make(rule, evidence)];
  }
  if (keyword === 'default') {
    // openapi-typescript makes a property with a default non-optional: on an optional response property,
    // adding one promises it is always there, removing one takes that back. Elsewhere it documents.
    const name = segments.at(-1);
    const parent = resolvedNode(context.after, [...place.root, ...tail.slice(0, Math.max(0, index - 2))]);
    const optional =
      response &&
      !place.fixedPath &&
      rest.length === 0 &&
      tail[index - 2] === 'properties' &&
      name !== undefined &&
      'key' in name &&
      !(isNode(parent) && Array.isArray(parent.required) && parent.required.includes(name.key));
    if (optional && diff.action === 'add')
      return [
        make('response-property-became-required', {
          expected: 'optional',
          actual: 'required (default)',
          detail: `default ${show(diff.after)} added`,
        }),
      ];
    if (optional && diff.action === 'remove')
      return [
        make('response-property-became-optional', {
          expected: 'required (default)',
          actual: 'optional',
          detail: `default ${show(diff.before)} removed`,
        }),
      ];
    return [
      make(undefined, {
        detail: change(diff.action, diff.before, diff.after),
        description: `${pathOf()}: ${change(diff.action, diff.before, diff.after)}`,
      }),
    ];
  }
  return [fallback(diff, base, place, direction, pathOf())];
}

const integerRanges: Record<string, [number, number]> = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [-(2 ** 63), 2 ** 63 - 1] };

/** An integer format whose range holds every value the schema's own bounds allow: it admits no fewer values. */
function withinFormat(schema: unknown, format: unknown): boolean {
  const range = integerRanges[String(format)];
  if (!range || !isNode(schema) || typeof schema.minimum !== 'number' || typeof schema.maximum !== 'number') return false;
  return schema.minimum >= range[0] && schema.maximum <= range[1];
}

/**
 * A change no finer rule names: api-smart-diff's annotation is documentation; otherwise its type decides,
 * with the catalogue's catch-all of the direction.
 */
function fallback(diff: Diff, base: Base, place: Place, direction: Direction | undefined, path: string): Classified {
  const breaking = diff.type === 'breaking';
  const rule: RuleId | undefined =
    diff.type === 'annotation' || (direction === undefined && !breaking)
      ? undefined
      : direction === 'request'
        ? breaking
          ? 'request-constraint-tightened'
          : 'request-constraint-relaxed'
        : breaking
          ? 'response-schema-violated'
          : 'response-constraint-tightened';
  return {
    ...base,
    ...place,
    rule,
    path: rule === undefined ? base.pointer : path,
    expected: show(diff.before),
    actual: show(diff.after),
    detail: `${String(diff.path.at(-1) ?? '')} ${diff.action === 'add' ? 'added' : diff.action === 'remove' ? 'removed' : 'changed'}`,
  };
}
