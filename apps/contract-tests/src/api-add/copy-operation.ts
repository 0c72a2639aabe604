/**
 * Copies one operation of a provider's published definition into our spec, with every component it reaches
 * (schemas, parameters, responses, request bodies, headers, examples, security schemes), recursively. The copy
 * is made of inserted lines only, at places the `yaml` parse finds (the `--capture` machinery of
 * ../capture/spec-patch.ts): the rest of the spec stays byte for byte. The operation and each new component
 * are marked "Copied by pnpm api:add from <definition> on <day>.".
 *
 * A component our spec already has is kept as it is, never overwritten: our spec is a reconciled copy of the
 * same provider's definition (one namespace), so a same-named component is the same thing, refined by us
 * ("Not in the definition: ..."). When its text differs from the definition's, the result lists it, so the
 * person reads the difference (`pnpm contracts:vendor` classifies it). Renaming it would give the client two
 * types for one thing.
 */

import { isDeepStrictEqual } from 'node:util';
import type { OpenApiDocument } from '@api-contracts/specs';
import { parseDocument } from 'yaml';
import type { Schema } from '../capture/infer-schema.js';
import { appendToSeq, type Insertion, insertIntoMap, NotCapturable, type Site, withDescription, yamlOf } from '../capture/spec-patch.js';

type Json = Record<string, unknown>;
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Method = (typeof methods)[number];

/** Bad input or a definition that cannot be copied from: exit 2 ("could not run"), nothing written. */
export class CopyRefused extends Error {
  override name = 'CopyRefused';
}

export interface CopyInput {
  /** specs/<api>/openapi.yaml as text; undefined for a new API (the spec is written whole). */
  specText: string | undefined;
  /** The provider's definition, parsed. */
  definition: OpenApiDocument;
  /** An operationId of the definition, or `METHOD /path` (for a definition without operationIds). */
  operation: string;
  /** Our operationId when the definition gives none (derived from the method and path otherwise). */
  name?: string | undefined;
  /** Where the definition came from (URL without secrets, or path), and the day: the provenance mark. */
  source: string;
  on: string;
}

export type CopyResult =
  | { outcome: 'already'; operationId: string; method: string; path: string }
  | {
      outcome: 'copied';
      text: string;
      operationId: string;
      method: string;
      path: string;
      /** Whether the operationId is ours (the definition has none). */
      ourOperationId: boolean;
      /** `#/components/schemas/AgentSession`, each new component the copy inserted. */
      inserted: string[];
      /** Components our spec already had that differ from the definition's: kept as ours. */
      keptDiffering: string[];
      /** The operation's documented statuses, in the definition's order. */
      statuses: string[];
    };

interface Located {
  path: string;
  method: Method;
  operation: Json;
  item: Json;
}

/** `GET /v2/agents/{agent_key}` → `getAgents`… the method and the path's literal segments, camelCased. */
export function derivedOperationId(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((segment) => segment !== '' && !segment.startsWith('{'))
    .flatMap((segment) => segment.split(/[^0-9A-Za-z]+/))
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((word) => word[0]?.toUpperCase() + word.slice(1))].join('');
}

const label = (found: { method: string; path: string }) => `${found.method.toUpperCase()} ${found.path}`;

function operationsOf(document: OpenApiDocument): Located[] {
  const found: Located[] = [];
  for (const [path, item] of Object.entries<Json>(document?.paths ?? {})) {
    for (const method of methods) {
      const operation = item?.[method] as Json | undefined;
      if (operation && typeof operation === 'object') found.push({ path, method, operation, item });
    }
  }
  return found;
}

/** The definition's operation `wanted` names, or a refusal listing those it has. */
export function findDefinitionOperation(definition: OpenApiDocument, wanted: string): Located {
  const all = operationsOf(definition);
  const byRoute = /^([A-Za-z]+)\s+(\/\S*)$/.exec(wanted.trim());
  const found = byRoute
    ? all.find((entry) => entry.method === byRoute[1]?.toLowerCase() && entry.path === byRoute[2])
    : all.find((entry) => entry.operation.operationId === wanted);
  if (found) return found;
  const names = all.map((entry) => (typeof entry.operation.operationId === 'string' ? entry.operation.operationId : label(entry)));
  throw new CopyRefused(
    `--operation ${JSON.stringify(wanted)}: the definition has no such operation${
      byRoute ? '' : ' (an operationId; or "METHOD /path")'
    }. It has ${names.length}: ${names.sort().join(', ')}`,
  );
}

const pointer = (ref: string): string[] =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
const valueAt = (document: unknown, path: readonly string[]) =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);

/**
 * Every `#/components/<kind>/<name>` that `roots` reach, transitively, in the order first met; a component
 * `kept(ref)` says our spec keeps is listed but not walked (ours is kept, and what it reaches ours has).
 */
function reachedComponents(definition: OpenApiDocument, roots: unknown[], kept: (ref: string) => boolean): string[] {
  const reached: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const refs = [(node as Json).$ref, ...Object.values(((node as Json).discriminator as Json | undefined)?.mapping ?? {})];
    for (const ref of refs) {
      if (typeof ref !== 'string') continue;
      if (!ref.startsWith('#/')) throw new CopyRefused(`the operation reaches an external $ref (${ref}): only local ones are copied`);
      const path = pointer(ref);
      if (path[0] !== 'components' || path.length !== 3) throw new CopyRefused(`the operation reaches ${ref}, not a component`);
      if (reached.includes(ref)) continue;
      const target = valueAt(definition, path);
      if (target === undefined) throw new CopyRefused(`the definition's ${ref} does not exist`);
      reached.push(ref);
      if (!kept(ref)) visit(target);
    }
    for (const value of Object.values(node as Json)) visit(value);
  };
  for (const root of roots) visit(root);
  return reached;
}

/** The operation as our spec takes it: path-level parameters folded in, security explicit when it differs from ours. */
function operationToCopy(
  found: Located,
  definition: OpenApiDocument,
  ours: OpenApiDocument | undefined,
  operationId: string,
  mark: string,
) {
  const { operation, item } = found;
  const own = (operation.parameters as Json[] | undefined) ?? [];
  const key = (parameter: Json) => {
    const resolved = (typeof parameter.$ref === 'string' ? valueAt(definition, pointer(parameter.$ref)) : parameter) as Json | undefined;
    return `${resolved?.in}:${resolved?.name}`;
  };
  const inherited = ((item.parameters as Json[] | undefined) ?? []).filter(
    (parameter) => !own.some((mine) => key(mine) === key(parameter)),
  );
  const security = operation.security ?? definition.security;
  const copy: Json = { ...operation, operationId };
  if (inherited.length > 0) copy.parameters = [...inherited, ...own];
  delete copy.security;
  if (security !== undefined && !isDeepStrictEqual(security, ours?.security)) copy.security = security;
  const described = withDescription(copy as Schema, mark) as Json;
  // operationId first, then summary and description, as our specs read.
  const { operationId: id, summary, description, ...rest } = described;
  return { operationId: id, ...(summary !== undefined && { summary }), description, ...rest } as Json;
}

function securitySchemeNames(operation: Json): string[] {
  return [...new Set(((operation.security as Json[] | undefined) ?? []).flatMap((requirement) => Object.keys(requirement)))];
}

/**
 * Copies `input.operation` of the definition into the spec text (or, without one, writes a new spec).
 * Throws `CopyRefused` for what cannot be copied.
 */
export function copyOperation(input: CopyInput): CopyResult {
  const { definition } = input;
  const found = findDefinitionOperation(definition, input.operation);
  const theirId = typeof found.operation.operationId === 'string' ? found.operation.operationId : undefined;
  const operationId = theirId ?? input.name ?? derivedOperationId(found.method, found.path);
  if (!/^[A-Za-z_$][\w$]*$/.test(operationId))
    throw new CopyRefused(`--name ${JSON.stringify(operationId)}: an operationId here is an identifier (letters, digits, _ and $)`);
  const ours = input.specText === undefined ? undefined : (parseDocument(input.specText).toJS() as OpenApiDocument);
  const present = operationsOf(ours).find(
    (entry) => entry.operation.operationId === operationId || (entry.path === found.path && entry.method === found.method),
  );
  if (present)
    return { outcome: 'already', operationId: String(present.operation.operationId), method: present.method, path: present.path };

  const mark = `Copied by pnpm api:add from ${input.source} on ${input.on}.${theirId ? '' : ` The operationId is ours: the definition gives none.`}`;
  const operation = operationToCopy(found, definition, ours, operationId, mark);
  const schemes = securitySchemeNames({ security: operation.security ?? ours?.security ?? definition.security }).map(
    (name) => `#/components/securitySchemes/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`,
  );
  const kept = (ref: string) => valueAt(ours, pointer(ref)) !== undefined;
  const reached = [...new Set([...reachedComponents(definition, [operation], kept), ...schemes])];
  for (const ref of schemes)
    if (valueAt(definition, pointer(ref)) === undefined)
      throw new CopyRefused(`the operation's security names ${ref}, which the definition lacks`);

  const inserted: string[] = [];
  const keptDiffering: string[] = [];
  const components: [kind: string, name: string, value: Json][] = [];
  for (const ref of reached) {
    const [, kind, name] = pointer(ref) as [string, string, string];
    const theirs = valueAt(definition, pointer(ref)) as Json;
    const mine = valueAt(ours, pointer(ref));
    if (mine !== undefined) {
      if (!isDeepStrictEqual(mine, theirs)) keptDiffering.push(ref);
      continue;
    }
    inserted.push(ref);
    components.push([kind, name, withDescription(theirs as Schema, mark) as Json]);
  }
  const statuses = Object.keys((found.operation.responses as Json | undefined) ?? {});
  const result = {
    outcome: 'copied' as const,
    operationId,
    method: found.method,
    path: found.path,
    ourOperationId: !theirId,
    inserted,
    keptDiffering,
    statuses,
  };

  if (input.specText === undefined) return { ...result, text: newSpec(input, definition, found, operation, components) };

  let text = input.specText;
  const insert = (plan: (site: Site) => Insertion) => {
    const doc = parseDocument(text);
    const site: Site = { doc, text, spec: doc.toJS() as OpenApiDocument };
    try {
      const at = plan(site);
      text = `${text.slice(0, at.offset)}${at.text}${text.slice(at.offset)}`;
    } catch (error) {
      if (error instanceof NotCapturable) throw new CopyRefused(`cannot insert into the spec: ${error.message}`);
      throw error;
    }
  };
  for (const [kind, name, value] of components) {
    insert((site) => {
      const spec = site.spec as Json;
      const all = spec.components as Json | undefined;
      if (all === undefined) return insertIntoMap(site, [], 'components', { [kind]: { [name]: value } });
      if (all[kind] === undefined) return insertIntoMap(site, ['components'], kind, { [name]: value });
      return insertIntoMap(site, ['components', kind], name, value);
    });
  }
  const tags = missingTags(definition, ours, operation);
  if (tags.length > 0) insert((site) => appendToSeq(site, ['tags'], tags));
  insert((site) =>
    (site.spec as Json).paths && ((site.spec as Json).paths as Json)[found.path]
      ? insertIntoMap(site, ['paths', found.path], found.method, operation)
      : insertIntoMap(site, ['paths'], found.path, { [found.method]: operation }),
  );
  return { ...result, text };
}

/** The definition's tag objects the operation names and our spec's `tags` list lacks (when it keeps one). */
function missingTags(definition: OpenApiDocument, ours: OpenApiDocument | undefined, operation: Json): Json[] {
  if (!Array.isArray(ours?.tags) || ours.tags.length === 0) return [];
  const known = new Set((ours.tags as Json[]).map((tag) => tag.name));
  const declared = (definition.tags as Json[] | undefined) ?? [];
  return ((operation.tags as string[] | undefined) ?? [])
    .filter((name) => !known.has(name))
    .map((name) => declared.find((tag) => tag.name === name) ?? { name });
}

/** A new spec: the definition's header (info, servers), the security the operation needs, the operation, its components. */
function newSpec(
  input: CopyInput,
  definition: OpenApiDocument,
  found: Located,
  operation: Json,
  components: [string, string, Json][],
): string {
  const { security, ...withoutSecurity } = operation;
  const info = definition.info as Json | undefined;
  const byKind: Record<string, Json> = {};
  for (const [kind, name, value] of components) byKind[kind] = { ...byKind[kind], [name]: value };
  const tags = missingTags(definition, { tags: [{}] }, operation);
  const document: Json = {
    openapi: '3.0.3',
    info: {
      title: info?.title ?? 'API',
      ...(info?.description !== undefined && { description: info.description }),
      version: info?.version ?? '0.0.0',
    },
    servers: (definition.servers as Json[] | undefined) ?? [],
    ...(security !== undefined && { security }),
    ...(tags.length > 0 && { tags }),
    paths: { [found.path]: { [found.method]: withoutSecurity } },
    ...(components.length > 0 && { components: byKind }),
  };
  if ((document.servers as Json[]).length === 0)
    throw new CopyRefused(
      `${input.source} declares no servers: a new API's spec needs its base URL (add \`servers\` to the definition or the spec)`,
    );
  const header = [
    `# Copied by pnpm api:add from ${input.source} on ${input.on}: the definition's info and servers, and`,
    `# ${label(found)} with every component it reaches. Raised to OpenAPI 3.0.3 (the dialect of every spec here).`,
  ];
  return `${header.join('\n')}\n${yamlOf(document)}`;
}
