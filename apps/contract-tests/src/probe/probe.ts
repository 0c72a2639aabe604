/**
 * The live probe: budgeted, read-only requests derived from the spec (checks.ts), beyond what the pacts
 * exercise. Every answer is checked like a live pact answer (status documented, content type, declared
 * headers, body against the schema); each check adds its own rule: a refused anonymous request, a page no
 * longer than the page size asked for, a cursor that never repeats an item. Findings are drift-rules
 * instances with source `probe`, so they group, fingerprint, acknowledge and report like every other drift.
 */
import { type DriftInstance, instanceFromSchemaFinding, valuesAt } from '@api-contracts/drift-rules';
import type { OpenApiDocument } from '@api-contracts/specs';
import type { Exercise, ProbeCheck } from '../model.js';
import type { AuthHeaders, ProbeHints } from '../providers/provider.js';
import type { ResponseValidator } from '../schema-check.js';
import { operationName, specOperation } from '../spec-operation.js';
import { type CheckPlan, type ProbeRequest, planChecks } from './checks.js';

/** One request the probe sent and what came back: for coverage, the HAR of a failure and capture's inference. */
export interface ProbeExchange {
  check: string;
  method: string;
  url: string;
  /** Request headers sent, credentials replaced by `[credentials]`. */
  requestHeaders: Record<string, string>;
  status: number;
  statusText: string;
  responseHeaders: Record<string, string>;
  contentType: string | null;
  /** Parsed JSON, else the text. */
  body: unknown;
  text: string;
  startedAt: string;
  ms: number;
}

export interface ProbeOptions {
  api: string;
  spec: OpenApiDocument;
  hints?: ProbeHints;
  baseUrl: string;
  /** The path of the configured ids' request (the descriptor's access check). */
  path: string;
  /** Headers carrying the run's credentials, asked for before each request (a token may renew). */
  credentials: () => Promise<AuthHeaders>;
  validator: ResponseValidator;
  /** Requests allowed. */
  budget: number;
  /** The longest `Retry-After` waited out; a longer one ends the probe of the API (default 30 s). */
  maxRetryAfterMs?: number;
  /** Waits (tests give a fake clock). */
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
}

export interface ProbeOutcome {
  checks: (ProbeCheck & { instances: DriftInstance[] })[];
  requests: number;
  exchanges: ProbeExchange[];
  /** Set when the provider could not be reached: the probe could not run (never drift). */
  notRun?: string;
}

class BudgetSpent extends Error {}
class Unreachable extends Error {}
class WaitTooLong extends Error {}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export async function runProbe(options: ProbeOptions): Promise<ProbeOutcome> {
  const { api, spec, hints = {}, budget, validator, sleep = realSleep } = options;
  const operation = specOperation(spec);
  const exchanges: ProbeExchange[] = [];
  let sent = 0;
  let notBefore = 0;

  /** One GET within the budget, spaced by the last Retry-After; a 429 is waited out and asked once more. */
  async function send(check: string, request: ProbeRequest, retried = false): Promise<ProbeExchange> {
    if (sent >= budget) throw new BudgetSpent(`the budget of ${budget} request${budget === 1 ? '' : 's'} is spent`);
    const wait = notBefore - Date.now();
    if (wait > 0) await sleep(wait);
    sent++;
    const url = new URL(`${options.baseUrl.replace(/\/$/, '')}${options.path}`);
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
    const auth = request.anonymous ? {} : await options.credentials();
    const headers: Record<string, string> = { accept: 'application/json', ...(request.headers ?? {}) };
    for (const [name, value] of Object.entries(auth)) if (value !== undefined) headers[name] = value;
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(url, { method: 'GET', headers, signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
      throw new Unreachable(`${error instanceof Error ? error.message : String(error)}${cause}`);
    }
    const text = await response.text();
    const contentType = response.headers.get('content-type');
    let body: unknown = text;
    try {
      body = JSON.parse(text) as unknown;
    } catch {}
    const exchange: ProbeExchange = {
      check,
      method: 'GET',
      url: url.toString(),
      requestHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, name in auth ? '[credentials]' : value])),
      status: response.status,
      statusText: response.statusText,
      responseHeaders: Object.fromEntries(response.headers),
      contentType,
      body,
      text,
      startedAt: new Date(started).toISOString(),
      ms: Date.now() - started,
    };
    exchanges.push(exchange);
    if (response.status === 429) {
      const after = retryAfterMs(response.headers.get('retry-after'));
      const pause = after ?? 1000;
      if (pause > (options.maxRetryAfterMs ?? 30_000))
        throw new WaitTooLong(`the provider asked to wait ${Math.round(pause / 1000)} s (Retry-After)`);
      notBefore = Date.now() + pause;
      if (!retried) return send(check, request, true);
    }
    return exchange;
  }

  const context = { api, operation: operationName(operation) };
  /** The schema check of one answer, as probe instances. */
  const schemaInstances = (exchange: ProbeExchange): DriftInstance[] =>
    validator
      .check(operation.path, operation.method.toUpperCase(), exchange.status, exchange.contentType, exchange.body, exchange.responseHeaders)
      .map((finding) => ({
        ...instanceFromSchemaFinding(finding, { ...context, status: exchange.status, response: `probe: ${exchange.check}` }),
        source: 'probe' as const,
      }));
  const instance = (
    exchange: ProbeExchange,
    fields: Pick<DriftInstance, 'rule' | 'path' | 'expected' | 'actual' | 'message'>,
  ): DriftInstance => ({
    ...context,
    status: exchange.status,
    response: `probe: ${exchange.check}`,
    source: 'probe',
    ...fields,
  });
  const itemsOf = (exchange: ProbeExchange): unknown[] | undefined => {
    if (!hints.paging) return undefined;
    const [items] = valuesAt(exchange.body, hints.paging.items);
    return Array.isArray(items) ? items : undefined;
  };

  async function runCheck(plan: CheckPlan): Promise<DriftInstance[]> {
    switch (plan.kind) {
      case 'skip':
        return [];
      case 'anonymous': {
        const exchange = await send(plan.name, { anonymous: true });
        const found = schemaInstances(exchange);
        if (!plan.expected.includes(String(exchange.status))) {
          found.push(
            instance(exchange, {
              rule: 'security-not-enforced',
              path: 'status',
              expected: plan.expected.join(' or '),
              actual: String(exchange.status),
              message: `a request without credentials was answered ${exchange.status}`,
            }),
          );
        }
        return found;
      }
      case 'parameter': {
        const exchange = await send(plan.name, plan.request);
        const found = schemaInstances(exchange);
        if (exchange.status >= 400) {
          found.push(
            instance(exchange, {
              rule: 'request-constraint-tightened',
              path: plan.parameter,
              expected: 'a 2xx answer (the spec allows the value)',
              actual: String(exchange.status),
              message: `the provider refused ${plan.name}`,
            }),
          );
        }
        const items = itemsOf(exchange);
        if (plan.pageSize !== undefined && items && items.length > plan.pageSize) {
          found.push(
            instance(exchange, {
              rule: 'request-parameter-ignored',
              path: plan.parameter,
              expected: `at most ${plan.pageSize} item${plan.pageSize === 1 ? '' : 's'}`,
              actual: `${items.length} items`,
              message: `${plan.name} was answered with ${items.length} items`,
            }),
          );
        }
        return found;
      }
      case 'paging': {
        const paging = hints.paging;
        if (!paging) return [];
        const found: DriftInstance[] = [];
        const seen = new Set<string>();
        let cursor: string | undefined;
        // Three pages at most: enough to see a repeat, cheap for the budget.
        for (let page = 0; page < 3; page++) {
          const query: Record<string, string> = {
            [paging.limit]: String(plan.pageSize),
            ...(cursor !== undefined && { [paging.cursor]: cursor }),
          };
          const exchange = await send(plan.name, { query });
          found.push(...schemaInstances(exchange));
          const items = itemsOf(exchange) ?? [];
          if (items.length > plan.pageSize) {
            found.push(
              instance(exchange, {
                rule: 'response-paging-violated',
                path: paging.items,
                expected: `at most ${plan.pageSize} items a page`,
                actual: `${items.length} items`,
                message: `page ${page + 1} holds more items than ${paging.limit}=${plan.pageSize}`,
              }),
            );
          }
          for (const item of items) {
            const id = (item as Record<string, unknown> | null)?.[paging.itemKey];
            // An item without its key cannot repeat; the schema check reports the missing key.
            if (id === undefined || id === null) continue;
            const key = JSON.stringify(id);
            if (seen.has(key)) {
              found.push(
                instance(exchange, {
                  rule: 'response-paging-violated',
                  path: `${paging.items}[].${paging.itemKey}`,
                  expected: 'no item twice across pages',
                  actual: `${key} again on page ${page + 1}`,
                  message: `following ${paging.cursor} repeated ${key}`,
                }),
              );
            }
            seen.add(key);
          }
          const [next] = valuesAt(exchange.body, paging.nextCursor);
          if (exchange.status !== 200 || typeof next !== 'string' || next === '') break;
          cursor = next;
        }
        return found;
      }
    }
  }

  const checks: ProbeOutcome['checks'] = [];
  let stopped: string | undefined;
  for (const plan of planChecks(spec, hints)) {
    if (plan.kind === 'skip' || stopped) {
      checks.push({
        name: plan.name,
        outcome: 'skip',
        reason: stopped ?? (plan.kind === 'skip' ? plan.reason : ''),
        requests: 0,
        instances: [],
      });
      continue;
    }
    const before = sent;
    try {
      const instances = await runCheck(plan);
      checks.push({
        name: plan.name,
        outcome: instances.length > 0 ? 'fail' : 'pass',
        ...(instances.length > 0 && {
          reason: [...new Set(instances.map((found) => `${found.rule} ${found.path}: ${found.actual}`))].join('; '),
        }),
        requests: sent - before,
        instances,
      });
    } catch (error) {
      if (error instanceof Unreachable)
        return { checks, requests: sent, exchanges, notRun: `the probe could not reach ${options.baseUrl}: ${error.message}` };
      if (!(error instanceof BudgetSpent || error instanceof WaitTooLong)) throw error;
      stopped = error instanceof BudgetSpent ? `not run: ${error.message} (--probe-budget)` : `not run: ${error.message}`;
      checks.push({ name: plan.name, outcome: 'skip', reason: stopped, requests: sent - before, instances: [] });
    }
  }
  return { checks, requests: sent, exchanges };
}

/** The probe's exchanges as coverage counts them: header names only. */
export function exercisesOf(exchanges: readonly ProbeExchange[]): Exercise[] {
  return exchanges.map((exchange) => {
    const url = new URL(exchange.url);
    const query: Record<string, string[]> = {};
    for (const [name, value] of url.searchParams) query[name] = [...(query[name] ?? []), value];
    return {
      source: 'probe',
      method: exchange.method,
      path: url.pathname,
      query,
      headers: Object.keys(exchange.requestHeaders).map((name) => name.toLowerCase()),
      status: exchange.status,
      body: exchange.body,
      responseHeaders: Object.keys(exchange.responseHeaders),
    };
  });
}
