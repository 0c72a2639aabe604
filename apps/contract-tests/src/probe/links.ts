/**
 * Where an operation's path parameters come from in a live run: the run's ids by parameter name, else the
 * spec's OpenAPI `links` from another operation's answer (e.g. listAgentSessions 200 gives getAgentSession its
 * `session_key` as `$response.body#/sessions/0/key`), else values the descriptor gives. The live states of the
 * descriptors follow the same links (`linkedValues`), so the probe and the pacts obtain ids alike.
 */
import { deref, type OpenApiDocument } from '@api-contracts/specs';
import { fillPath, operationName, pathParametersOf, type SpecOperation } from '../spec-operation.js';

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked generically.
type Json = any;

/** The run's ids by the path parameter they fill: `agentKey` fills `agent_key`, `accountId` fills `account_id`. */
export const pathValuesOf = (ids: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(ids).map(([id, value]) => [id.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`), value]));

/** A path parameter's name as pact provider-state parameters and the run's ids spell it: `session_key` is `sessionKey`. */
export const idNameOf = (parameter: string) => parameter.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** One link of the spec into `target`: the operation whose answer gives the values, and its expressions by parameter. */
export interface LinkInto {
  source: SpecOperation;
  status: string;
  name: string;
  parameters: Record<string, unknown>;
}

/** Every link of another operation's response that names `target` by operationId, in spec order. */
export function linksInto(spec: OpenApiDocument, operations: readonly SpecOperation[], target: SpecOperation): LinkInto[] {
  if (!target.operationId) return [];
  const found: LinkInto[] = [];
  for (const source of operations) {
    for (const [status, responseOrRef] of Object.entries(source.responses)) {
      const links = (deref(spec, responseOrRef) as Json)?.links ?? {};
      for (const [name, linkOrRef] of Object.entries<Json>(links)) {
        const link = deref(spec, linkOrRef) as Json;
        if (link?.operationId === target.operationId) found.push({ source, status, name, parameters: link.parameters ?? {} });
      }
    }
  }
  return found;
}

/** What a link's runtime expressions read: the source's request path and its answer. */
export interface LinkedAnswer {
  url: string;
  status: number;
  body: unknown;
  responseHeaders?: Record<string, string>;
}

/**
 * A link parameter's runtime expression evaluated against the source's request and answer
 * (`$request.path.x`, `$request.query.x`, `$response.body#/pointer`, `$response.header.x`; anything else is a
 * constant, as OpenAPI says). Undefined when it yields no string or number.
 */
export function evaluateLinkExpression(expression: unknown, source: SpecOperation, answer: LinkedAnswer): string | undefined {
  if (typeof expression !== 'string' || !expression.startsWith('$')) return expression === undefined ? undefined : String(expression);
  const url = new URL(answer.url);
  let value: unknown;
  const [, where, rest = ''] = /^\$(request\.path\.|request\.query\.|response\.header\.|response\.body)(.*)$/.exec(expression) ?? [];
  if (where === 'request.path.') value = pathParametersOf(source, url.pathname)[rest];
  else if (where === 'request.query.') value = url.searchParams.get(rest) ?? undefined;
  else if (where === 'response.header.') value = answer.responseHeaders?.[rest.toLowerCase()];
  else if (where === 'response.body') value = pointerValue(answer.body, rest.startsWith('#') ? rest.slice(1) : rest);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The value at a JSON pointer (`/sessions/0/key`); undefined where there is none. */
function pointerValue(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, token) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined),
      document,
    );
}

export interface PathSources {
  operations: readonly SpecOperation[];
  /** Values by path parameter name (the run's ids). */
  values: Record<string, string>;
  /** Values to use when neither the ids nor a link give one (the descriptor's `probe.values`). */
  fallback: Record<string, string>;
  /** The source operation's answer at `path`: one already seen, or a request made for it. */
  answerOf: (source: SpecOperation, path: string) => Promise<LinkedAnswer>;
}

/** `operation`'s path with every parameter filled, or why it cannot be. */
export async function pathOfOperation(
  spec: OpenApiDocument,
  operation: SpecOperation,
  sources: PathSources,
): Promise<{ path: string } | { skip: string }> {
  const names = operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => String(parameter.name));
  const values: Record<string, string | undefined> = Object.fromEntries(names.map((name) => [name, sources.values[name]]));
  const tried: string[] = [];
  for (const link of linksInto(spec, sources.operations, operation)) {
    if (names.every((name) => values[name] !== undefined)) break;
    if (link.source === operation) continue;
    // The source's own path from the run's ids only: links are followed one step.
    const sourcePath = fillPath(link.source.path, sources.values);
    const described = `the link ${link.name} of ${operationName(link.source)} ${link.status}`;
    if (sourcePath === undefined) {
      tried.push(`${described} (its own path parameters are not among the run's ids)`);
      continue;
    }
    const answer = await sources.answerOf(link.source, sourcePath);
    if (String(answer.status) !== link.status) {
      tried.push(`${described} (it answered ${answer.status})`);
      continue;
    }
    for (const [name, expression] of Object.entries(link.parameters)) {
      if (!names.includes(name) || values[name] !== undefined) continue;
      const value = evaluateLinkExpression(expression, link.source, answer);
      if (value === undefined) tried.push(`${described} (${String(expression)} is absent from its answer)`);
      else values[name] = value;
    }
  }
  for (const name of names) if (values[name] === undefined && sources.fallback[name] !== undefined) values[name] = sources.fallback[name];
  const missing = names.filter((name) => values[name] === undefined);
  if (missing.length === 0) return { path: fillPath(operation.path, values) ?? operation.path };
  return {
    skip:
      `no value for path parameter ${missing.join(', ')}: not one of the run's ids` +
      (tried.length > 0 ? `, ${tried.join('; ')}` : ', no link of another operation gives it') +
      `, and the descriptor's probe.values has none`,
  };
}
