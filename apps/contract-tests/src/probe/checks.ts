/**
 * The probe's checks, derived from a spec and its provider's descriptor: what no pact covers. Each documented
 * parameter at its bounds and with an example value, a request without credentials, and the paging rules the
 * spec states in words. Most valuable first: when the budget runs out, the later ones are skipped.
 */
import { deref, type OpenApiDocument } from '@api-contracts/specs';
import type { ProbeHints } from '../providers/provider.js';
import { specOperation } from '../spec-operation.js';

type Json = Record<string, unknown>;

/** One request of a check: query and header values beyond the operation's path; `anonymous` sends no credentials. */
export interface ProbeRequest {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  anonymous?: boolean;
}

export type CheckPlan =
  | { kind: 'anonymous'; name: string; expected: string[] }
  | { kind: 'parameter'; name: string; request: ProbeRequest; parameter: string; pageSize?: number }
  | { kind: 'paging'; name: string; pageSize: number }
  | { kind: 'skip'; name: string; reason: string };

const exampleOf = (spec: OpenApiDocument, parameter: Json): unknown => {
  const schema = deref(spec, parameter.schema) as Json | undefined;
  return parameter.example ?? schema?.example ?? (schema?.enum as unknown[] | undefined)?.[0] ?? schema?.default;
};

export function planChecks(spec: OpenApiDocument, hints: ProbeHints = {}): CheckPlan[] {
  const operation = specOperation(spec);
  const errors = Object.keys(operation.responses).filter((status) => /^4/.test(status));
  const plans: CheckPlan[] = [
    {
      kind: 'anonymous',
      name: 'no credentials: a documented refusal',
      // The documented 401 where the spec has one; else any documented client error (Verisoul documents only 400).
      expected: errors.includes('401') ? ['401'] : errors,
    },
  ];
  const paging = hints.paging;
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
  plans.push(...examples);
  return plans;
}
