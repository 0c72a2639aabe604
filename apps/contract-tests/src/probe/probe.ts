/**
 * The live probe: budgeted, read-only requests derived from the spec (checks.ts), beyond what the pacts
 * exercise. Every answer to a request the spec allows is checked like a live pact answer (status documented,
 * content type, declared headers, body against the schema); each check adds its own rule: a refused
 * anonymous request, a page no longer than the page size asked for, a cursor that never repeats an item, a
 * filter that keeps only what it matches. A request the spec calls invalid (no credentials) only has to be
 * refused: any 4xx, whatever its body; a refusal with a status the spec does not document is additive.
 * Findings are drift-rules instances with source `probe`, so they group, fingerprint, acknowledge and report
 * like every other drift.
 */
import { type DriftInstance, instanceFromSchemaFinding, valuesAt } from '@api-contracts/drift-rules';
import type { OpenApiDocument } from '@api-contracts/specs';
import type { Exercise, ProbeCheck } from '../model.js';
import type { AuthHeaders, ProbeHints } from '../providers/provider.js';
import { defaultRetryDelayMs, retryAfterMs, unavailableStatuses } from '../retry-after.js';
import type { ResponseValidator } from '../schema-check.js';
import { operationName, type SpecOperation, specOperations } from '../spec-operation.js';
import { type CheckPlan, type ProbeRequest, pagingOf, planChecks } from './checks.js';
import { pathOfOperation } from './links.js';

/** One request the probe sent and what came back: for coverage, the HAR of a failure and capture's inference. */
export interface ProbeExchange {
  check: string;
  /** The operation the request made (its operationId, else `GET /path`). */
  operation: string;
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
  /** The operations probed, in this order (default: every operation of the spec, in spec order). */
  operations?: SpecOperation[];
  hints?: ProbeHints;
  baseUrl: string;
  /**
   * Path parameter values by parameter name: the run's ids (`agent_key` is VECTARA_AGENT_KEY's). A parameter
   * without one is taken from another operation's answer by the spec's OpenAPI `links`, else from the
   * descriptor's `probe.values`; an operation still missing one is skipped with the reason.
   */
  pathValues: Record<string, string>;
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

/**
 * A probe finding; `refusal` marks one about how the provider refused a request the spec calls invalid: the
 * change it makes is additive whatever its rule's severity (route.ts), since a consumer sending that request
 * gets an error either way.
 */
export type ProbeInstance = DriftInstance & { refusal?: true };

export interface ProbeOutcome {
  checks: (ProbeCheck & { instances: ProbeInstance[] })[];
  requests: number;
  exchanges: ProbeExchange[];
  /** Set when the provider could not be reached: the probe could not run (never drift). */
  notRun?: string;
}

/** Where a check sends its requests: an operation, at a path with its parameters filled. */
interface Target {
  operation: SpecOperation;
  path: string;
}

class BudgetSpent extends Error {}
class Unreachable extends Error {}
class WaitTooLong extends Error {}
/** Still 502, 503 or 504 when asked again: an outage, never drift. */
class Unavailable extends Error {}
/** The run's data cannot drive this check (e.g. no value tells a filtered answer from an ignored filter). */
class NotApplicable extends Error {}

/** `text` as a regular expression that matches exactly it (the characters every dialect treats as special escaped). */
const literalPattern = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runProbe(options: ProbeOptions): Promise<ProbeOutcome> {
  const { api, spec, hints = {}, budget, validator, sleep = realSleep } = options;
  const operations = options.operations ?? specOperations(spec);
  const exchanges: ProbeExchange[] = [];
  let sent = 0;
  let notBefore = 0;

  /**
   * One GET within the budget, spaced by the last Retry-After; a 429, 502, 503 or 504 is waited out and asked
   * once more (a second 502-504 is an outage: Unavailable). Redirects are not followed: a 3xx is an answer.
   */
  async function send(at: Target, check: string, request: ProbeRequest, retried = false): Promise<ProbeExchange> {
    if (sent >= budget) throw new BudgetSpent(`the budget of ${budget} request${budget === 1 ? '' : 's'} is spent`);
    const wait = notBefore - Date.now();
    if (wait > 0) await sleep(wait);
    sent++;
    const url = new URL(`${options.baseUrl.replace(/\/$/, '')}${at.path}`);
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
    const auth = request.anonymous ? {} : await options.credentials();
    const headers: Record<string, string> = { accept: 'application/json', ...(request.headers ?? {}) };
    for (const [name, value] of Object.entries(auth)) if (value !== undefined) headers[name] = value;
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'GET',
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
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
      operation: operationName(at.operation),
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
    const unavailable = unavailableStatuses.has(response.status);
    if (response.status === 429 || unavailable) {
      if (unavailable && retried) throw new Unavailable(`the provider answered ${response.status} twice (unavailable, not drift)`);
      const after = retryAfterMs(response.headers.get('retry-after'));
      const pause = after ?? defaultRetryDelayMs;
      if (pause > (options.maxRetryAfterMs ?? 30_000))
        throw new WaitTooLong(`the provider asked to wait ${Math.round(pause / 1000)} s (Retry-After)`);
      notBefore = Date.now() + pause;
      if (!retried) return send(at, check, request, true);
    }
    return exchange;
  }

  /** The checks of one operation at one path: each runs as `runCheck(plan)`, its findings named by the operation. */
  function checker(target: Target) {
    const { operation } = target;
    const paging = pagingOf(operation);
    const context = { api, operation: operationName(operation) };
    /** The schema check of one answer, as probe instances. */
    const schemaInstances = (exchange: ProbeExchange): ProbeInstance[] =>
      validator
        .check(
          operation.path,
          operation.method.toUpperCase(),
          exchange.status,
          exchange.contentType,
          exchange.body,
          exchange.responseHeaders,
        )
        .map((finding) => ({
          ...instanceFromSchemaFinding(finding, { ...context, status: exchange.status, response: `probe: ${exchange.check}` }),
          source: 'probe' as const,
        }));
    /**
     * A refusal (a 4xx) of a request the spec calls invalid: only its status is judged, any body and content type
     * will do (a gateway's `{"message":"Forbidden"}`, an empty 401 with `WWW-Authenticate`, an HTML page). A status
     * the spec does not document is an additive `response-status-undocumented`.
     */
    const refusalInstances = (exchange: ProbeExchange): ProbeInstance[] =>
      schemaInstances(exchange)
        .filter((found) => found.rule === 'response-status-undocumented')
        .map((found) => ({ ...found, refusal: true as const }));
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
      if (!paging) return undefined;
      const [items] = valuesAt(exchange.body, paging.items);
      return Array.isArray(items) ? items : undefined;
    };
    /** The items of every 200 answer so far, each once (by the paging hints' item key when it has one). */
    const itemsSeen = (): unknown[] => {
      const byKey = new Map<string, unknown>();
      for (const exchange of exchanges.filter((candidate) => candidate.status === 200 && candidate.operation === context.operation)) {
        for (const item of itemsOf(exchange) ?? []) {
          const id = paging?.itemKey ? (item as Record<string, unknown> | null)?.[paging.itemKey] : undefined;
          byKey.set(id === undefined || id === null ? JSON.stringify(item) : JSON.stringify(id), item);
        }
      }
      return [...byKey.values()];
    };

    /**
     * `filter` really filters: a value derived from the run's own data (a regular expression matching exactly one
     * `fields[0]` value seen, and some item seen not at all), sent; every item answered must match it in one of
     * `fields`. A provider that accepts the parameter and ignores it answers items it does not match.
     */
    async function regexFilterCheck(plan: Extract<CheckPlan, { kind: 'regex-filter' }>): Promise<ProbeInstance[]> {
      const found: ProbeInstance[] = [];
      const [field] = plan.fields;
      const textOf = (item: unknown, name: string) => {
        const value = (item as Record<string, unknown> | null)?.[name];
        return typeof value === 'string' ? value : undefined;
      };
      const matches = (item: unknown, pattern: RegExp) => plan.fields.some((name) => pattern.test(textOf(item, name) ?? ''));
      let seen = itemsSeen();
      if (seen.length === 0) {
        // Nothing seen yet (the page-size checks were not run): one page of items to derive the value from.
        const page = await send(target, plan.name, {});
        found.push(...schemaInstances(page));
        seen = itemsOf(page) ?? [];
      }
      const values = [...new Set(seen.map((item) => textOf(item, field)).filter((value): value is string => !!value))].sort();
      const pattern = values
        .map((value) => new RegExp(literalPattern(value)))
        .find(
          (candidate) => values.filter((value) => candidate.test(value)).length === 1 && seen.some((item) => !matches(item, candidate)),
        );
      if (!pattern) {
        if (found.length > 0) return found;
        throw new NotApplicable(
          `no ${field} among the ${seen.length} item${seen.length === 1 ? '' : 's'} seen tells a filtered answer from an ignored ${plan.parameter} (items with different ${field}s are needed)`,
        );
      }
      const exchange = await send(target, plan.name, { query: { [plan.parameter]: pattern.source } });
      found.push(...schemaInstances(exchange));
      const path = `parameter:query:${plan.parameter}`;
      if (exchange.status >= 400) {
        found.push(
          instance(exchange, {
            rule: 'request-constraint-tightened',
            path,
            expected: 'a 2xx answer (the spec allows the value)',
            actual: String(exchange.status),
            message: `the provider refused ${plan.parameter}=${pattern.source}`,
          }),
        );
      }
      const items = itemsOf(exchange) ?? [];
      const unmatched = items.filter((item) => !matches(item, pattern));
      if (unmatched.length > 0) {
        found.push(
          instance(exchange, {
            rule: 'request-parameter-ignored',
            path,
            expected: `every item's ${plan.fields.join(' or ')} matches ${plan.parameter}=${pattern.source}`,
            actual: `${unmatched.length} of ${items.length} items do not match`,
            message: `${plan.parameter}=${pattern.source} was answered with ${unmatched.length} item${unmatched.length === 1 ? '' : 's'} it does not match`,
          }),
        );
      }
      return found;
    }

    async function runCheck(plan: CheckPlan): Promise<ProbeInstance[]> {
      switch (plan.kind) {
        case 'skip':
          return [];
        case 'anonymous': {
          const exchange = await send(target, plan.name, { anonymous: true });
          if (exchange.status >= 400 && exchange.status < 500) return refusalInstances(exchange);
          const found = schemaInstances(exchange);
          // Served (2xx) or sent on (3xx) without credentials; a 5xx is the provider failing, not letting through.
          if (exchange.status < 400) {
            found.push(
              instance(exchange, {
                rule: 'security-not-enforced',
                path: 'status',
                expected: 'a refusal (4xx)',
                actual: String(exchange.status),
                message: `a request without credentials was answered ${exchange.status}`,
              }),
            );
          }
          return found;
        }
        case 'regex-filter':
          return regexFilterCheck(plan);
        case 'parameter': {
          const exchange = await send(target, plan.name, plan.request);
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
            const exchange = await send(target, plan.name, { query });
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
              const id = paging.itemKey === undefined ? undefined : (item as Record<string, unknown> | null)?.[paging.itemKey];
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
    return runCheck;
  }

  const checks: ProbeOutcome['checks'] = [];
  let stopped: string | undefined;
  for (const operation of operations) {
    const name = operationName(operation);
    const plans = planChecks(spec, operation, hints);
    const named = (plan: CheckPlan) => `${name}: ${plan.name}`;
    const skipAll = (reason: string) => {
      for (const plan of plans) checks.push({ name: named(plan), operation: name, outcome: 'skip', reason, requests: 0, instances: [] });
    };
    if (stopped) {
      skipAll(stopped);
      continue;
    }
    // Its path: the run's ids, another operation's answer by the spec's links, the descriptor's values.
    const before = sent;
    let target: Target;
    try {
      const found = await pathOfOperation(spec, operation, {
        operations,
        values: { ...options.pathValues },
        fallback: hints.values ?? {},
        answerOf: async (source, path) => {
          const earlier = exchanges.find(
            (exchange) =>
              exchange.operation === operationName(source) && exchange.status === 200 && new URL(exchange.url).pathname === path,
          );
          return earlier ?? send({ operation: source, path }, `${name}: its path parameters from ${operationName(source)}`, {});
        },
      });
      if ('skip' in found) {
        skipAll(found.skip);
        continue;
      }
      target = { operation, path: found.path };
    } catch (error) {
      if (error instanceof Unreachable)
        return { checks, requests: sent, exchanges, notRun: `the probe could not reach ${options.baseUrl}: ${error.message}` };
      if (!(error instanceof BudgetSpent || error instanceof WaitTooLong || error instanceof Unavailable)) throw error;
      stopped = error instanceof BudgetSpent ? `not run: ${error.message} (--probe-budget)` : `not run: ${error.message}`;
      skipAll(stopped);
      continue;
    }
    const runCheck = checker(target);
    let first = true;
    for (const plan of plans) {
      const check = { name: named(plan), operation: name };
      if (plan.kind === 'skip' || stopped) {
        checks.push({
          ...check,
          outcome: 'skip',
          reason: stopped ?? (plan.kind === 'skip' ? plan.reason : ''),
          requests: 0,
          instances: [],
        });
        continue;
      }
      // The requests its path cost (a linked operation asked) count for its first check.
      const start = first ? before : sent;
      first = false;
      try {
        const instances = await runCheck({ ...plan, name: check.name });
        checks.push({
          ...check,
          outcome: instances.length > 0 ? 'fail' : 'pass',
          ...(instances.length > 0 && {
            reason: [...new Set(instances.map((found) => `${found.rule} ${found.path}: ${found.actual}`))].join('; '),
          }),
          requests: sent - start,
          instances,
        });
      } catch (error) {
        if (error instanceof Unreachable)
          return { checks, requests: sent, exchanges, notRun: `the probe could not reach ${options.baseUrl}: ${error.message}` };
        if (error instanceof NotApplicable) {
          checks.push({ ...check, outcome: 'skip', reason: error.message, requests: sent - start, instances: [] });
          continue;
        }
        if (!(error instanceof BudgetSpent || error instanceof WaitTooLong || error instanceof Unavailable)) throw error;
        stopped = error instanceof BudgetSpent ? `not run: ${error.message} (--probe-budget)` : `not run: ${error.message}`;
        checks.push({ ...check, outcome: 'skip', reason: stopped, requests: sent - start, instances: [] });
      }
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
