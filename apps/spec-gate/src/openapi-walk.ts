/**
 * Small walks over an OpenAPI document with its `$ref`s left in place: its operations, the components
 * they reach, and where a path of the resolved document (api-smart-diff's) lands in the written one.
 */
import { type OpenApiDocument, resolveRef } from '@api-contracts/specs';

export type Node = Record<string, unknown>;
export type Token = string | number;

export const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** How reports name an operation: its operationId, else `GET /path`. */
export function operationName(document: OpenApiDocument, template: string, method: string): string {
  const operation = document?.paths?.[template]?.[method];
  return isNode(operation) && typeof operation.operationId === 'string' ? operation.operationId : `${method.toUpperCase()} ${template}`;
}

/** Every operation of the document as `[template, method]`. */
export function operationsOf(document: OpenApiDocument): [string, string][] {
  return Object.entries((document?.paths ?? {}) as Record<string, unknown>).flatMap(([template, item]) =>
    isNode(item) ? httpMethods.filter((method) => isNode(item[method])).map((method): [string, string] => [template, method]) : [],
  );
}

/** A node with its `$ref` followed (repeatedly); undefined for a dangling one. */
export function follow(document: OpenApiDocument, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isNode(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) return undefined;
    current = current.$ref.startsWith('#') ? resolveRef(document, current.$ref) : undefined;
  }
  return current;
}

const componentOfRef = (ref: string) => {
  const match = /^#\/components\/([^/]+)\/([^/]+)/.exec(ref);
  return match ? { kind: match[1] ?? '', name: (match[2] ?? '').replaceAll('~1', '/').replaceAll('~0', '~') } : undefined;
};

/**
 * The components the operations reach, through `$ref`s and transitively, as `components/<kind>/<name>`,
 * with the security schemes their (or the document's) security requirements name.
 */
export function reachedComponents(document: OpenApiDocument): Set<string> {
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isNode(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key !== '$ref' || typeof value !== 'string') {
        visit(value);
        continue;
      }
      const component = componentOfRef(value);
      if (!component) continue;
      const id = `components/${component.kind}/${component.name}`;
      if (reached.has(id)) continue;
      reached.add(id);
      visit(document?.components?.[component.kind]?.[component.name]);
    }
  };
  visit(document?.paths);
  const requirements = [
    document?.security,
    ...operationsOf(document).map(([template, method]) => document.paths[template][method].security),
  ];
  for (const list of requirements) {
    if (!Array.isArray(list)) continue;
    for (const requirement of list)
      if (isNode(requirement)) for (const name of Object.keys(requirement)) reached.add(`components/securitySchemes/${name}`);
  }
  return reached;
}

const escapeToken = (token: Token) => String(token).replaceAll('~', '~0').replaceAll('/', '~1');

/** `#/a/b~1c` from tokens. */
export const toPointer = (tokens: readonly Token[]) => `#${tokens.map((token) => `/${escapeToken(token)}`).join('')}`;

/**
 * Where `tokens` (a path of the resolved document, as api-smart-diff gives it) lands in the written
 * document: `$ref`s are followed on the way, so a schema change points at the component that holds it.
 * A path that leaves the document stops at the deepest node that exists: for a removal, its parent.
 */
export function writtenPointer(document: OpenApiDocument, tokens: readonly Token[]): string {
  return toPointer(deepest(document, { pointer: [], node: document, depth: 0 }, tokens, 0).pointer);
}

interface Written {
  pointer: Token[];
  node: unknown;
  /** How many tokens were found. */
  depth: number;
}

const refTokens = (ref: string): Token[] =>
  ref
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));

/** A written node with its `$ref`s followed, the pointer moving to the target; itself when a ref dangles. */
function throughRefs(document: OpenApiDocument, at: Written): Written {
  let current = at;
  for (let hops = 0; hops < 32 && isNode(current.node) && typeof current.node.$ref === 'string'; hops++) {
    const ref = current.node.$ref;
    const target = ref.startsWith('#') ? resolveRef(document, ref) : undefined;
    if (target === undefined) break;
    current = { ...current, pointer: refTokens(ref), node: target };
  }
  return current;
}

/**
 * The deepest written node the rest of `tokens` reaches from `at`. The diff runs on schemas with `allOf`
 * merged, so a key the merged schema holds may be written in any `allOf` member (through `$ref`s): the
 * member that reaches deepest is where the change is.
 */
function deepest(document: OpenApiDocument, from: Written, tokens: readonly Token[], depth: number): Written {
  const token = tokens[depth];
  // The last node stays where it is written (a property that is a `$ref` is annotated on the property).
  if (token === undefined) return from;
  const at = throughRefs(document, from);
  const { node } = at;
  const direct = Array.isArray(node) ? node[Number(token)] : isNode(node) ? node[String(token)] : undefined;
  let best: Written =
    direct === undefined ? at : deepest(document, { pointer: [...at.pointer, token], node: direct, depth: depth + 1 }, tokens, depth + 1);
  if (isNode(node) && Array.isArray(node.allOf))
    for (const [index, member] of node.allOf.entries()) {
      const found = deepest(document, { pointer: [...at.pointer, 'allOf', index], node: member, depth }, tokens, depth);
      if (found.depth > best.depth) best = found;
    }
  return best;
}

/** The node at `tokens` of the resolved document, found in the written one (`$ref`s followed, the last one too); undefined when absent. */
export function resolvedNode(document: OpenApiDocument, tokens: readonly Token[]): unknown {
  let node: unknown = follow(document, document);
  for (const token of tokens) {
    node = follow(document, Array.isArray(node) ? node[Number(token)] : isNode(node) ? node[String(token)] : undefined);
    if (node === undefined) return undefined;
  }
  return node;
}
