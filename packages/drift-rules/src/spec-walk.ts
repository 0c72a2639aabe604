/**
 * From a change's place (operation, status, path) to the node of our spec it contradicts, as a JSON
 * pointer (`#/components/schemas/AgentSession/properties/key`). `$ref`s are followed, so the pointer
 * lands where the schema is written, which is the line a reviewer edits.
 */
import { type OpenApiDocument, resolveRef } from '@api-contracts/specs';
import { isBodyPath, parseBodyPath } from './paths.js';

export interface SpecPlace {
  /** operationId (`listAgentSessions`) or `METHOD /path/template`. */
  operation: string;
  status?: number | string | undefined;
  /** Schema path (`$.sessions[].key`) or token (`status`, `content-type`, `header:<name>`, `parameter:<in>:<name>`, `security:<scheme>`, `operation`). */
  path: string;
}

export interface SpecLocation {
  /** `#/...`: the node itself when `exact`, else the nearest node that exists (the `properties` an added field is missing from, the `responses` an undocumented status is missing from). */
  pointer: string;
  exact: boolean;
  /** The node at `pointer`, `$ref`s not followed. */
  node: unknown;
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const escapeToken = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');
type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Follows `$ref`s from `pointer`, returning where they lead. */
function follow(document: OpenApiDocument, pointer: string, node: unknown): { pointer: string; node: unknown } {
  let current = { pointer, node };
  for (let hops = 0; isNode(current.node) && typeof current.node.$ref === 'string'; hops++) {
    if (hops > 32) throw new TypeError(`$ref cycle at ${current.node.$ref}`);
    const ref = current.node.$ref;
    current = { pointer: ref, node: resolveRef(document, ref) };
  }
  return current;
}

/** The operation named by operationId or `METHOD /path`, with its pointer; undefined when the spec has none. */
export function findOperation(document: OpenApiDocument, operation: string): { pointer: string; node: Node; template: string } | undefined {
  const [method, template] = operation.split(' ');
  for (const [path, item] of Object.entries((document?.paths ?? {}) as Record<string, Node>)) {
    for (const candidate of methods) {
      const node = item?.[candidate];
      if (!isNode(node)) continue;
      const byId = node.operationId === operation;
      const byRoute = method?.toLowerCase() === candidate && template === path;
      if (byId || byRoute) return { pointer: `#/paths/${escapeToken(path)}/${candidate}`, node, template: path };
    }
  }
  return undefined;
}

/** The pointer of the spec node a change at `place` contradicts (see `SpecLocation`). */
export function locateInSpec(document: OpenApiDocument, place: SpecPlace): SpecLocation {
  const operation = findOperation(document, place.operation);
  if (!operation) return { pointer: '#/paths', exact: false, node: document?.paths };
  const at = (pointer: string, node: unknown, exact = true): SpecLocation => ({ pointer, exact, node });
  const { path } = place;
  if (path === 'operation') return at(operation.pointer, operation.node);

  const parameter = /^parameter:([^:]+):(.+)$/.exec(path);
  if (parameter) {
    const [, where, name = ''] = parameter;
    const pathItemPointer = operation.pointer.slice(0, operation.pointer.lastIndexOf('/'));
    const lists = [
      { pointer: `${operation.pointer}/parameters`, list: operation.node.parameters },
      { pointer: `${pathItemPointer}/parameters`, list: resolveRef(document, pathItemPointer)?.parameters },
    ];
    for (const { pointer, list } of lists) {
      if (!Array.isArray(list)) continue;
      for (const [index, entry] of list.entries()) {
        const target = follow(document, `${pointer}/${index}`, entry);
        const candidate = target.node;
        if (!isNode(candidate) || candidate.in !== where) continue;
        // Header names are case-insensitive; query, path and cookie names are not.
        const named = where === 'header' ? String(candidate.name).toLowerCase() === name.toLowerCase() : candidate.name === name;
        if (named) return at(target.pointer, candidate);
      }
    }
    return Array.isArray(operation.node.parameters)
      ? at(`${operation.pointer}/parameters`, operation.node.parameters, false)
      : at(operation.pointer, operation.node, false);
  }

  const security = /^security:(.+)$/.exec(path);
  if (security) {
    const scheme = document?.components?.securitySchemes?.[security[1] ?? ''];
    if (scheme) return at(`#/components/securitySchemes/${escapeToken(security[1] ?? '')}`, scheme);
    if (operation.node.security) return at(`${operation.pointer}/security`, operation.node.security, false);
    return at('#/security', document?.security, false);
  }

  const responses = operation.node.responses;
  const responsesPointer = `${operation.pointer}/responses`;
  if (!isNode(responses)) return at(operation.pointer, operation.node, false);
  const status = place.status === undefined ? undefined : String(place.status);
  const key = status !== undefined && status in responses ? status : 'default' in responses ? 'default' : undefined;
  if (key === undefined) return at(responsesPointer, responses, path === 'status' && status === undefined);
  const response = follow(document, `${responsesPointer}/${escapeToken(key)}`, responses[key]);
  const exactStatus = key === status;
  if (path === 'status') return at(`${responsesPointer}/${escapeToken(key)}`, responses[key], exactStatus);
  if (!isNode(response.node)) return at(response.pointer, response.node, false);

  if (path === 'content-type') {
    const content = response.node.content;
    return content ? at(`${response.pointer}/content`, content, exactStatus) : at(response.pointer, response.node, false);
  }

  const header = /^header:(.+)$/.exec(path);
  if (header) {
    const headers = response.node.headers;
    if (!isNode(headers)) return at(response.pointer, response.node, false);
    const name = Object.keys(headers).find((candidate) => candidate.toLowerCase() === header[1]?.toLowerCase());
    return name === undefined
      ? at(`${response.pointer}/headers`, headers, false)
      : at(`${response.pointer}/headers/${escapeToken(name)}`, headers[name], exactStatus);
  }

  if (!isBodyPath(path)) return at(response.pointer, response.node, false);
  const content = response.node.content;
  if (!isNode(content)) return at(response.pointer, response.node, false);
  const mediaType = Object.keys(content).find((type) => /json/i.test(type)) ?? Object.keys(content)[0];
  if (mediaType === undefined) return at(`${response.pointer}/content`, content, false);
  const mediaPointer = `${response.pointer}/content/${escapeToken(mediaType)}`;
  const media = content[mediaType];
  if (!isNode(media) || media.schema === undefined) return at(mediaPointer, media, false);

  let current = { pointer: `${mediaPointer}/schema`, node: media.schema as unknown };
  for (const segment of parseBodyPath(path)) {
    const schema = follow(document, current.pointer, current.node);
    const next = 'key' in segment ? propertyOf(document, schema, segment.key) : itemsOf(schema);
    if (!next) {
      const properties = isNode(schema.node) && 'key' in segment && isNode(schema.node.properties);
      return properties
        ? at(`${schema.pointer}/properties`, (schema.node as Node).properties, false)
        : at(schema.pointer, schema.node, false);
    }
    current = next;
  }
  return at(current.pointer, current.node, exactStatus);
}

type Located = { pointer: string; node: unknown };

function propertyOf(document: OpenApiDocument, schema: Located, key: string): Located | undefined {
  if (!isNode(schema.node)) return undefined;
  const properties = schema.node.properties;
  if (isNode(properties) && key in properties)
    return { pointer: `${schema.pointer}/properties/${escapeToken(key)}`, node: properties[key] };
  for (const combiner of ['allOf', 'oneOf', 'anyOf']) {
    const members = schema.node[combiner];
    if (!Array.isArray(members)) continue;
    for (const [index, member] of members.entries()) {
      const found = propertyOf(document, follow(document, `${schema.pointer}/${combiner}/${index}`, member), key);
      if (found) return found;
    }
  }
  const additional = schema.node.additionalProperties;
  if (isNode(additional)) return { pointer: `${schema.pointer}/additionalProperties`, node: additional };
  return undefined;
}

function itemsOf(schema: Located): Located | undefined {
  if (!isNode(schema.node) || schema.node.items === undefined) return undefined;
  return { pointer: `${schema.pointer}/items`, node: schema.node.items };
}

/** The JSON type the spec gives the node at `location` (following `$ref`s and `allOf`), or undefined. */
export function typeAt(document: OpenApiDocument, location: SpecLocation): string | undefined {
  if (!location.exact) return undefined;
  const resolved = follow(document, location.pointer, location.node);
  if (!isNode(resolved.node)) return undefined;
  if (typeof resolved.node.type === 'string') return resolved.node.type;
  for (const [index, member] of (Array.isArray(resolved.node.allOf) ? resolved.node.allOf : []).entries()) {
    const type = typeAt(document, { pointer: `${resolved.pointer}/allOf/${index}`, exact: true, node: member });
    if (type) return type;
  }
  return undefined;
}

/** The property names the schema at `place` declares (its own and its `allOf` members'); empty when it declares none. */
export function propertiesAt(document: OpenApiDocument, place: SpecPlace): string[] {
  const location = locateInSpec(document, place);
  if (!location.exact) return [];
  const names = new Set<string>();
  const collect = (located: Located) => {
    const schema = follow(document, located.pointer, located.node);
    if (!isNode(schema.node)) return;
    if (isNode(schema.node.properties)) for (const name of Object.keys(schema.node.properties)) names.add(name);
    const members = schema.node.allOf;
    if (!Array.isArray(members)) return;
    for (const [index, member] of members.entries()) collect({ pointer: `${schema.pointer}/allOf/${index}`, node: member });
  };
  collect(location);
  return [...names];
}
