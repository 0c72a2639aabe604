/**
 * A spec patch from drift that only adds to the contract: a new optional property, enum value, optional
 * parameter, status or header, each written where the spec keeps its kind (a component's property goes into
 * the component) and marked with where and when it was seen. The patch is made of inserted lines only: the
 * spec's comments, folding and order stay byte for byte, so its diff is the capture and nothing else. The
 * places are found with the `yaml` package's parse (source ranges), the text is inserted at them.
 */
import { parseBodyPath, type Segment, valuesAt } from '@api-contracts/drift-rules';
import { type OpenApiDocument, resolveRef } from '@api-contracts/specs';
import { isMap, isSeq, type Node, parseDocument, stringify } from 'yaml';
import { inferSchema, type Schema } from './infer-schema.js';

/** A change as the routes report it (drift-rules' `DriftChange`, the fields a patch reads). */
export interface PatchableChange {
  fingerprint: string;
  operation: string;
  status?: string | undefined;
  path: string;
  rule: string;
  severity: 'breaking' | 'additive';
  acknowledged?: unknown;
}

export interface AppliedPatch {
  fingerprint: string;
  /** operationId. */
  operation: string;
  rule: string;
  path: string;
  status?: string | undefined;
  /** `listAgentSessions 200 $.sessions[].archived_at: new optional property (string, date-time)`. */
  summary: string;
}

export interface RefusedChange {
  fingerprint: string;
  rule: string;
  path: string;
  reason: string;
}

export interface PatchInput {
  api: string;
  /** specs/<api>/openapi.yaml as text. */
  specText: string;
  changes: readonly PatchableChange[];
  /** Live: every response observed, to infer a new item's schema from all of its values. */
  observed?: readonly { status: number; body: unknown }[];
  /** Vendor: the provider's published definition, whose schema of a new item is copied. */
  definition?: OpenApiDocument;
  /** `by`: the command and where (`pnpm contracts:live against https://api.vectara.io`); `on`: the day. */
  seen: { by: string; on: string };
}

export interface PatchResult {
  text: string;
  applied: AppliedPatch[];
  refused: RefusedChange[];
}

/** The rules a capture writes into the spec; every other change is left to a person. */
export const capturableRules = [
  'response-property-added',
  'response-enum-value-added',
  'request-parameter-added-optional',
  'response-status-added',
  'response-status-undocumented',
  'response-header-added',
] as const;

type Json = Record<string, unknown>;
type Key = string | number;
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export class NotCapturable extends Error {}

/** An insertion: `text` (whole lines) at `offset` of the spec's text. */
export interface Insertion {
  offset: number;
  text: string;
}

export function patchSpec(input: PatchInput): PatchResult {
  const applied: AppliedPatch[] = [];
  const refused: RefusedChange[] = [];
  let text = input.specText;
  const order = (change: PatchableChange) => `${change.rule}\u0000${change.status ?? ''}\u0000${change.path}`;
  for (const change of [...input.changes].sort((a, b) => order(a).localeCompare(order(b)))) {
    if (change.acknowledged !== undefined) continue;
    const refuse = (reason: string) => refused.push({ fingerprint: change.fingerprint, rule: change.rule, path: change.path, reason });
    if (!(capturableRules as readonly string[]).includes(change.rule)) {
      refuse(
        change.severity === 'breaking'
          ? 'breaking: never applied automatically; it stays in the report and the api-drift issue'
          : 'not capturable: it narrows or moves what the spec says, a person decides',
      );
      continue;
    }
    try {
      const patch = planPatch(text, change, input);
      if (!patch) continue; // the spec already says it
      text = `${text.slice(0, patch.insertion.offset)}${patch.insertion.text}${text.slice(patch.insertion.offset)}`;
      applied.push({
        fingerprint: change.fingerprint,
        operation: change.operation,
        rule: change.rule,
        path: change.path,
        ...(change.status !== undefined && { status: change.status }),
        summary: `${change.operation}${change.status ? ` ${change.status}` : ''} ${change.path}: ${patch.summary}`,
      });
    } catch (error) {
      if (!(error instanceof NotCapturable)) throw error;
      refuse(`not capturable: ${error.message}`);
    }
  }
  return { text, applied, refused };
}

/** What one change inserts, or undefined when the spec already has it. */
function planPatch(text: string, change: PatchableChange, input: PatchInput): { insertion: Insertion; summary: string } | undefined {
  const doc = parseDocument(text);
  const spec = doc.toJS() as OpenApiDocument;
  const operation = findOperation(spec, change.operation);
  const mark = `Captured by ${input.seen.by} on ${input.seen.on} (change ${change.fingerprint}).`;
  const theirs = input.definition ? findOperation(input.definition, change.operation, operation) : undefined;
  const site = { doc, text, spec };

  switch (change.rule) {
    case 'response-property-added': {
      const status = requireStatus(change);
      const segments = parseBodyPath(change.path);
      const last = segments.at(-1);
      if (!last || !('key' in last)) throw new NotCapturable(`${change.path} does not end in a property name`);
      const parent = walkSchema(spec, [...operation.at, 'responses', status], segments.slice(0, -1));
      const existing = propertiesOf(spec, parent);
      if (existing && last.key in existing) return undefined;
      const copied = theirs && copySchemaAt(input.definition as OpenApiDocument, [...theirs.at, 'responses', status], segments);
      const schema = withDescription(copied ?? inferSchema(observedAt(input.observed, status, change.path)), mark);
      const insertion = existing
        ? insertIntoMap(site, [...ownerOfProperties(spec, parent), 'properties'], last.key, schema)
        : insertIntoMap(site, parent, 'properties', { [last.key]: schema });
      return { insertion, summary: `new optional property (${describeSchema(schema)})${copied ? ', as the definition declares it' : ''}` };
    }
    case 'response-enum-value-added': {
      const status = requireStatus(change);
      const at = walkSchema(spec, [...operation.at, 'responses', status], parseBodyPath(change.path));
      const holder = valueAt(spec, at) as Json;
      const known = Array.isArray(holder.enum) ? (holder.enum as unknown[]) : undefined;
      if (!known) throw new NotCapturable(`no enum at ${change.path}`);
      const candidates = theirs
        ? ((
            valueAt(
              input.definition as OpenApiDocument,
              walkSchema(input.definition as OpenApiDocument, [...theirs.at, 'responses', status], parseBodyPath(change.path)),
            ) as Json
          ).enum as unknown[] | undefined)
        : observedAt(input.observed, status, change.path);
      const added = [...new Set((candidates ?? []).filter((value) => value !== null && !known.includes(value)))].sort();
      if (added.length === 0) return undefined;
      return {
        insertion: appendToSeq(site, [...at, 'enum'], added, `${mark}`),
        summary: `enum value${added.length > 1 ? 's' : ''} ${added.map((value) => JSON.stringify(value)).join(', ')} added`,
      };
    }
    case 'request-parameter-added-optional': {
      const [, where, name] = /^parameter:([^:]+):(.+)$/.exec(change.path) ?? [];
      if (!where || !name) throw new NotCapturable(`${change.path} names no parameter`);
      const ours = ((valueAt(spec, operation.at) as Json).parameters ?? []) as Json[];
      if (ours.some((parameter) => matchesParameter(spec, parameter, where, name))) return undefined;
      if (!theirs) throw new NotCapturable('a new parameter is only captured from the provider’s definition, which declares it');
      const definition = input.definition as OpenApiDocument;
      const declared = (((valueAt(definition, theirs.at) as Json).parameters ?? []) as Json[]).find((parameter) =>
        matchesParameter(definition, parameter, where, name),
      );
      if (!declared) throw new NotCapturable(`the definition has no ${where} parameter ${name}`);
      const parameter = withDescription(inline(definition, declared) as Schema, mark);
      delete parameter.required;
      const insertion = Array.isArray((valueAt(spec, operation.at) as Json).parameters)
        ? appendToSeq(site, [...operation.at, 'parameters'], [parameter])
        : insertIntoMap(site, operation.at, 'parameters', [parameter]);
      return { insertion, summary: `new optional ${where} parameter ${name}, as the definition declares it` };
    }
    case 'response-status-added':
    case 'response-status-undocumented': {
      const status = requireStatus(change);
      const responses = (valueAt(spec, operation.at) as Json).responses as Json;
      if (status in responses) return undefined;
      const declared =
        theirs && ((valueAt(input.definition as OpenApiDocument, theirs.at) as Json).responses as Json | undefined)?.[status];
      const response = declared
        ? withDescription(inline(input.definition as OpenApiDocument, declared) as Schema, mark)
        : observedResponse(input.observed, status, mark);
      return { insertion: insertIntoMap(site, [...operation.at, 'responses'], status, response), summary: `new status ${status}` };
    }
    case 'response-header-added': {
      const status = requireStatus(change);
      const name = change.path.replace(/^header:/, '');
      const responseAt = resolvedPath(spec, [...operation.at, 'responses', status]);
      const response = valueAt(spec, responseAt) as Json | undefined;
      if (!response) throw new NotCapturable(`the spec documents no ${status} response`);
      const headers = response.headers as Json | undefined;
      if (headers && Object.keys(headers).some((header) => header.toLowerCase() === name.toLowerCase())) return undefined;
      const declaredHeaders = theirs
        ? ((
            valueAt(
              input.definition as OpenApiDocument,
              resolvedPath(input.definition as OpenApiDocument, [...theirs.at, 'responses', status]),
            ) as Json | undefined
          )?.headers as Json | undefined)
        : undefined;
      const declared =
        declaredHeaders && Object.entries(declaredHeaders).find(([header]) => header.toLowerCase() === name.toLowerCase())?.[1];
      const header = withDescription(
        declared ? (inline(input.definition as OpenApiDocument, declared) as Schema) : { schema: { type: 'string' } },
        mark,
      );
      const insertion = headers
        ? insertIntoMap(site, [...responseAt, 'headers'], name, header)
        : insertIntoMap(site, responseAt, 'headers', { [name]: header });
      return { insertion, summary: `new response header ${name}` };
    }
    default:
      throw new NotCapturable(`no patch for ${change.rule}`);
  }
}

function requireStatus(change: PatchableChange): string {
  if (change.status === undefined) throw new NotCapturable('the change names no response status');
  return String(change.status);
}

/** The operation with `operationId` (or, in a definition, the one at our operation's method and path). */
function findOperation(document: OpenApiDocument, operationId: string, fallback?: { path: string; method: string }) {
  const paths = (document.paths ?? {}) as Record<string, Json>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of methods) {
      if ((item[method] as Json | undefined)?.operationId === operationId) return { path, method, at: ['paths', path, method] as Key[] };
    }
  }
  if (fallback && paths[fallback.path]?.[fallback.method]) return { ...fallback, at: ['paths', fallback.path, fallback.method] as Key[] };
  throw new NotCapturable(`no operation ${operationId}`);
}

function valueAt(document: unknown, path: readonly Key[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<Key, unknown> | undefined)?.[key], document);
}

const pointerPath = (ref: string): Key[] =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));

/** The path of the node `path` leads to once its `$ref`s are followed. */
function resolvedPath(document: OpenApiDocument, path: readonly Key[]): Key[] {
  let at = [...path];
  for (let hops = 0; hops < 32; hops++) {
    const node = valueAt(document, at) as Json | undefined;
    if (typeof node?.$ref !== 'string') return at;
    if (!node.$ref.startsWith('#/')) throw new NotCapturable(`an external $ref (${node.$ref})`);
    at = pointerPath(node.$ref);
  }
  throw new NotCapturable(`a $ref cycle at ${path.join('/')}`);
}

/** Walks a response's JSON schema along a body path to the schema of its last segment (its `$ref` followed). */
function walkSchema(document: OpenApiDocument, responseAt: readonly Key[], segments: readonly Segment[]): Key[] {
  const content = (valueAt(document, resolvedPath(document, responseAt)) as Json | undefined)?.content as Json | undefined;
  if (!content) throw new NotCapturable(`no response body documented at ${responseAt.slice(-1)[0]}`);
  const type = Object.keys(content).find((name) => name.includes('json'));
  if (!type) throw new NotCapturable('no JSON body documented');
  let at = resolvedPath(document, [...resolvedPath(document, responseAt), 'content', type, 'schema']);
  for (const segment of segments) {
    if ('key' in segment) {
      const owner = ownerOfProperty(document, at, segment.key);
      if (!owner) throw new NotCapturable(`the spec has no property at ${segment.key}`);
      at = resolvedPath(document, [...owner, 'properties', segment.key]);
    } else {
      if (!(valueAt(document, at) as Json).items) throw new NotCapturable('not an array in the spec');
      at = resolvedPath(document, [...at, 'items']);
    }
  }
  return at;
}

/** The schema (itself or an `allOf` branch) whose `properties` hold `key`. */
function ownerOfProperty(document: OpenApiDocument, at: Key[], key: string): Key[] | undefined {
  const schema = valueAt(document, at) as Json;
  if ((schema.properties as Json | undefined)?.[key] !== undefined) return at;
  for (const [index] of ((schema.allOf as unknown[]) ?? []).entries()) {
    const found = ownerOfProperty(document, resolvedPath(document, [...at, 'allOf', index]), key);
    if (found) return found;
  }
  return undefined;
}

/** Where new properties of the object schema at `at` go: its own `properties`, or its first `allOf` branch that has them. */
function ownerOfProperties(document: OpenApiDocument, at: Key[]): Key[] {
  const schema = valueAt(document, at) as Json;
  if (schema.properties) return at;
  for (const [index] of ((schema.allOf as unknown[]) ?? []).entries()) {
    const branch = resolvedPath(document, [...at, 'allOf', index]);
    if ((valueAt(document, branch) as Json).properties) return branch;
  }
  return at;
}

function propertiesOf(document: OpenApiDocument, at: Key[]): Json | undefined {
  const owner = ownerOfProperties(document, at);
  const schema = valueAt(document, at) as Json;
  const merged = { ...((valueAt(document, owner) as Json).properties as Json | undefined) };
  for (const [index] of ((schema.allOf as unknown[]) ?? []).entries())
    Object.assign(merged, (valueAt(document, resolvedPath(document, [...at, 'allOf', index])) as Json).properties);
  return (valueAt(document, owner) as Json).properties ? merged : undefined;
}

/** The definition's schema at a body path, `$ref`s inlined; undefined where the definition does not describe it. */
function copySchemaAt(definition: OpenApiDocument, responseAt: readonly Key[], segments: readonly Segment[]): Schema | undefined {
  try {
    return inline(definition, valueAt(definition, walkSchema(definition, responseAt, segments))) as Schema;
  } catch (error) {
    if (error instanceof NotCapturable) return undefined;
    throw error;
  }
}

/** A copy of `node` with every local `$ref` replaced by what it points at (a cycle is cut with an open schema). */
function inline(document: OpenApiDocument, node: unknown, seen: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => inline(document, item, seen));
  if (node === null || typeof node !== 'object') return node;
  const ref = (node as Json).$ref;
  if (typeof ref === 'string') {
    if (seen.includes(ref)) return { description: `Recursive: see ${ref} in the provider's definition.` };
    return inline(document, resolveRef(document, ref), [...seen, ref]);
  }
  return Object.fromEntries(Object.entries(node as Json).map(([key, value]) => [key, inline(document, value, seen)]));
}

function observedAt(observed: PatchInput['observed'], status: string, path: string): unknown[] {
  return (observed ?? []).filter((response) => String(response.status) === status).flatMap((response) => valuesAt(response.body, path));
}

function observedResponse(observed: PatchInput['observed'], status: string, mark: string): Schema {
  const bodies = (observed ?? []).filter((response) => String(response.status) === status).map((response) => response.body);
  const json = bodies.filter((body) => body !== undefined && typeof body !== 'string');
  return {
    description: mark,
    ...(json.length > 0 && { content: { 'application/json': { schema: inferSchema(json) } } }),
  };
}

export function withDescription(schema: Schema, mark: string): Schema {
  const { description, ...rest } = schema;
  return { description: typeof description === 'string' && description.trim() ? `${description.trim()}\n\n${mark}` : mark, ...rest };
}

function describeSchema(schema: Schema): string {
  const parts = [schema.type, schema.format].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(', ') : 'any type';
}

function matchesParameter(document: OpenApiDocument, parameter: Json, where: string, name: string): boolean {
  const resolved = (typeof parameter.$ref === 'string' ? resolveRef(document, parameter.$ref) : parameter) as Json;
  return resolved.in === where && String(resolved.name).toLowerCase() === name.toLowerCase();
}

// Text insertion at the places the parse found.

export interface Site {
  doc: ReturnType<typeof parseDocument>;
  text: string;
  spec: OpenApiDocument;
}

function nodeAt(site: Site, path: readonly Key[]): Node {
  const node = site.doc.getIn(path, true) as Node | undefined;
  if (!node?.range) throw new NotCapturable(`no node at ${path.join('/')}`);
  return node;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const indentAt = (text: string, offset: number) => offset - lineStart(text, offset);
/** The offset just past the line `offset` ends on (or `offset` itself when it is already a line start). */
const endOfLine = (text: string, offset: number) => {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
};

function indented(block: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return block
    .split('\n')
    .filter((line, index, lines) => index < lines.length - 1 || line !== '')
    .map((line) => (line === '' ? line : `${pad}${line}`))
    .join('\n')
    .concat('\n');
}

export const yamlOf = (value: unknown) =>
  stringify(value, { indent: 2, lineWidth: 0, defaultKeyType: 'PLAIN', defaultStringType: 'PLAIN' });

/** `key: value` as the last entry of the block map at `mapPath`. */
export function insertIntoMap(site: Site, mapPath: readonly Key[], key: string, value: unknown): Insertion {
  const map = nodeAt(site, mapPath);
  if (!isMap(map) || map.flow) throw new NotCapturable(`${mapPath.join('/')} is not a block mapping`);
  const first = map.items[0]?.key as Node | undefined;
  const last = map.items.at(-1)?.value as Node | undefined;
  if (!first?.range || !last?.range) throw new NotCapturable(`${mapPath.join('/')} is empty`);
  const indent = indentAt(site.text, first.range[0]);
  return { offset: endOfLine(site.text, last.range[1]), text: indented(yamlOf({ [key]: value }), indent) };
}

/** `values` as the last items of the block sequence at `seqPath`, each with `comment` on its line (scalars only). */
export function appendToSeq(site: Site, seqPath: readonly Key[], values: readonly unknown[], comment?: string): Insertion {
  const seq = nodeAt(site, seqPath);
  if (!isSeq(seq) || seq.flow) throw new NotCapturable(`${seqPath.join('/')} is not a block sequence`);
  const first = seq.items[0] as Node | undefined;
  const last = seq.items.at(-1) as Node | undefined;
  if (!first?.range || !last?.range) throw new NotCapturable(`${seqPath.join('/')} is empty`);
  const dash = site.text.lastIndexOf('-', first.range[0]);
  const indent = indentAt(site.text, dash);
  const block = values
    .map((value) => {
      const item = yamlOf([value]).replace(/\n$/, '');
      return comment && (value === null || typeof value !== 'object') ? `${item} # ${comment}` : item;
    })
    .join('\n');
  return { offset: endOfLine(site.text, last.range[1]), text: indented(`${block}\n`, indent) };
}
