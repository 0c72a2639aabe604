/**
 * The probe's checks, derived from a spec and its provider's descriptor: what no pact covers. Each documented
 * parameter at its bounds and with an example value, a request without credentials, and the rules the spec
 * states in words (paging; a regular-expression filter that really filters). Most valuable first: when the
 * budget runs out, the later ones are skipped.
 */
import { deref, type OpenApiDocument } from '@api-contracts/specs';
import type { ProbeHints } from '../providers/provider.js';
import type { SpecOperation } from '../spec-operation.js';

type Json = Record<string, unknown>;

/** One request of a check: query and header values beyond the operation's path; `anonymous` sends no credentials. */
export interface ProbeRequest {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  anonymous?: boolean;
}

export type CheckPlan =
  | { kind: 'anonymous'; name: string }
  | { kind: 'parameter'; name: string; request: ProbeRequest; parameter: string; pageSize?: number }
  | { kind: 'paging'; name: string; pageSize: number }
  /** `parameter` (a query parameter) keeps only the items where a regular expression matches one of `fields`. */
  | { kind: 'regex-filter'; name: string; parameter: string; fields: [string, ...string[]] }
  | { kind: 'skip'; name: string; reason: string };

/** How an operation's pages chain, from its `x-paging` (the spec's extension the client's generator reads too). */
export interface Paging {
  /** The query parameter of the page size, e.g. `limit`: a page never holds more items. */
  limit: string;
  /** The query parameter that asks for the next page, e.g. `page_key`. */
  cursor: string;
  /** Where a page gives the next page's cursor, e.g. `$.metadata.page_key`. */
  nextCursor: string;
  /** The array of items, e.g. `$.sessions`. */
  items: string;
  /** The property that identifies an item, e.g. `key`: no item comes twice across pages. */
  itemKey?: string;
}

/** The operation's `x-paging` in the probe's terms; undefined when it has none or names no page size. */
export function pagingOf(operation: SpecOperation): Paging | undefined {
  const paging = operation.definition?.['x-paging'] as Record<string, unknown> | undefined;
  const text = (key: string) => (typeof paging?.[key] === 'string' && paging[key] !== '' ? (paging[key] as string) : undefined);
  const [limit, cursor, next, items] = [text('limit'), text('cursor'), text('next'), text('items')];
  if (!limit || !cursor || !next || !items) return undefined;
  const itemKey = text('itemKey');
  return { limit, cursor, nextCursor: `$.${next}`, items: `$.${items}`, ...(itemKey && { itemKey }) };
}

const exampleOf = (spec: OpenApiDocument, parameter: Json): unknown => {
  const schema = deref(spec, parameter.schema) as Json | undefined;
  return parameter.example ?? schema?.example ?? (schema?.enum as unknown[] | undefined)?.[0] ?? schema?.default;
};

/**
 * The checks of one operation. `hints.regexFilters` apply to the operations that declare their parameter;
 * an operation no other check sends an authorised request to gets one with its path parameters alone, so its
 * answer is schema-checked too.
 */
export function planChecks(spec: OpenApiDocument, operation: SpecOperation, hints: ProbeHints = {}): CheckPlan[] {
  // Refused (any 4xx) is what a request without credentials must be; a refusal the spec does not document is
  // additive, never breaking (probe.ts).
  const plans: CheckPlan[] = [{ kind: 'anonymous', name: 'no credentials: a refusal' }];
  const paging = pagingOf(operation);
  const bounds: CheckPlan[] = [];
  const examples: CheckPlan[] = [];
  for (const parameter of operation.parameters) {
    const name = String(parameter.name);
    const where = String(parameter.in);
    if (where === 'path' || where === 'cookie' || name === paging?.cursor) continue;
    const schema = (deref(spec, parameter.schema) ?? {}) as Json;
    const send = (value: string): ProbeRequest => (where === 'query' ? { query: { [name]: value } } : { headers: { [name]: value } });
    const isPageSize = name === paging?.limit;
    // Both bounds of a range (a page size) are probed; a lone minimum is not a value to send (a 1 ms timeout
    // would make the provider fail on purpose): such a parameter gets its example.
    const numeric = schema.type === 'integer' || schema.type === 'number';
    if (numeric && typeof schema.minimum === 'number' && typeof schema.maximum === 'number') {
      for (const [label, bound] of [
        ['minimum', schema.minimum],
        ['maximum', schema.maximum],
      ] as const) {
        if (typeof bound !== 'number') continue;
        bounds.push({
          kind: 'parameter',
          name: `${where} ${name} at its ${label} (${bound})`,
          request: send(String(bound)),
          parameter: `parameter:${where}:${name}`,
          ...(isPageSize && { pageSize: bound }),
        });
      }
      continue;
    }
    const value = hints.values?.[name] ?? exampleOf(spec, parameter);
    examples.push(
      value === undefined
        ? { kind: 'skip', name: `${where} ${name} with an example value`, reason: `the spec gives ${name} no example: add one to probe it` }
        : {
            kind: 'parameter',
            name: `${where} ${name} with an example value`,
            request: send(String(value)),
            parameter: `parameter:${where}:${name}`,
          },
    );
  }
  plans.push(...bounds);
  if (paging) {
    const smallest = bounds.find((plan) => plan.kind === 'parameter' && plan.pageSize !== undefined);
    const pageSize = smallest?.kind === 'parameter' && smallest.pageSize !== undefined ? Math.max(smallest.pageSize, 1) : 1;
    plans.push({ kind: 'paging', name: `following ${paging.cursor} never repeats an item`, pageSize });
  }
  for (const { parameter, fields } of hints.regexFilters ?? []) {
    const name = `query ${parameter} really filters`;
    const declared = operation.parameters.some((entry) => entry.name === parameter && entry.in === 'query');
    if (!declared) continue;
    plans.push(
      !paging
        ? {
            kind: 'skip',
            name,
            reason: `the spec does not say where the items are (x-paging.items of ${operation.operationId ?? operation.path})`,
          }
        : { kind: 'regex-filter', name, parameter, fields },
    );
  }
  plans.push(...examples);
  const pathNames = operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => String(parameter.name));
  if (plans.length === 1) {
    plans.push({
      kind: 'parameter',
      name: pathNames.length > 0 ? `path ${pathNames.join(', ')}: an answer` : 'an answer',
      request: {},
      parameter: pathNames.length > 0 ? `parameter:path:${pathNames[0]}` : 'status',
    });
  }
  return plans;
}
