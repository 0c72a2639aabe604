/**
 * Every kind of change between what a consumer of our specs relies on and what a provider does (or
 * documents), with a stable id, a severity and the reason for its direction. The live gate, the
 * spec-change gate, the vendor route and the live probe all speak these ids.
 *
 * Direction, after oasdiff's catalogue: what a provider sends (responses) must stay within what our
 * types promise, so anything that widens a response (a removed or optional or nullable field, a new
 * enum value, a new status, a relaxed bound) breaks consumers; anything that narrows what a provider
 * accepts (requests) breaks us as a caller. The reverse directions are additive.
 */

/** `breaking`: fails the gate (a GitHub error). `additive`: listed, a warning; fails only with `--strict`. */
export type Severity = 'breaking' | 'additive';

/** What part of an exchange a rule is about; decides the path form (see README) and what a report may show. */
export type RuleTarget = 'body' | 'status' | 'content-type' | 'header' | 'parameter' | 'security' | 'operation' | 'interaction';

export interface Rule {
  id: RuleId;
  severity: Severity;
  target: RuleTarget;
  /** One line, for tables. */
  title: string;
  /** Why this direction has this severity. */
  rationale: string;
}

const rules = [
  // Response bodies: what our types promise the consumer.
  {
    id: 'response-property-removed',
    severity: 'breaking',
    target: 'body',
    title: 'a response property the spec requires is absent',
    rationale: 'consumers read it unconditionally; our types declare it non-optional',
  },
  {
    id: 'response-property-type-changed',
    severity: 'breaking',
    target: 'body',
    title: 'a response value has a type other than the spec’s (or the type was widened)',
    rationale: 'code typed for the old type misreads or throws on the new one',
  },
  {
    id: 'response-property-became-optional',
    severity: 'breaking',
    target: 'body',
    title: 'a response property the spec requires is optional in the provider’s definition',
    rationale: 'our types promise it is always there; consumers do not check for its absence',
  },
  {
    id: 'response-property-became-nullable',
    severity: 'breaking',
    target: 'body',
    title: 'a response value is null where the spec does not allow null',
    rationale: 'our types exclude null; a consumer dereferencing it throws',
  },
  {
    id: 'response-property-became-required',
    severity: 'additive',
    target: 'body',
    title: 'an optional response property is now always present',
    rationale: 'a stronger guarantee: code that handles its absence keeps working',
  },
  {
    id: 'response-property-added',
    severity: 'additive',
    target: 'body',
    title: 'a response property the spec does not mention',
    rationale: 'tolerant readers ignore unknown fields; capture it in the spec to use it',
  },
  {
    id: 'response-enum-value-added',
    severity: 'breaking',
    target: 'body',
    title: 'a response value outside the spec’s enum (a value was added)',
    rationale: 'it breaks our generated unions and consumers’ exhaustive switches',
  },
  {
    id: 'response-enum-value-removed',
    severity: 'additive',
    target: 'body',
    title: 'a response enum lost a value',
    rationale: 'fewer values than the union allows: every consumer branch still compiles and runs',
  },
  {
    id: 'response-format-changed',
    severity: 'breaking',
    target: 'body',
    title: 'a response value breaks its format (date-time, uri, email...)',
    rationale: 'consumers parse by format (dates); a different format fails to parse or parses wrong',
  },
  {
    id: 'response-pattern-violated',
    severity: 'breaking',
    target: 'body',
    title: 'a response value does not match the spec’s pattern (or the pattern changed)',
    rationale: 'consumers reuse such values (keys in paths, ids); the client refuses input outside the pattern',
  },
  {
    id: 'response-constraint-relaxed',
    severity: 'breaking',
    target: 'body',
    title: 'a response value falls outside a bound of the spec (min/max, length, item count)',
    rationale: 'consumers size buffers, columns and loops by the documented bounds',
  },
  {
    id: 'response-constraint-tightened',
    severity: 'additive',
    target: 'body',
    title: 'a response bound became stricter',
    rationale: 'values stay within what consumers already handle',
  },
  {
    id: 'response-schema-violated',
    severity: 'breaking',
    target: 'body',
    title: 'a response breaks its schema in a way no finer rule names',
    rationale: 'anything the schema forbids, consumers may rely on never seeing',
  },
  {
    id: 'response-paging-violated',
    severity: 'breaking',
    target: 'body',
    title: 'a page breaks a paging rule the spec states (more than `limit` items, a repeated item)',
    rationale: 'iterators built on the stated rules loop forever, duplicate or drop items',
  },
  // Statuses, content types and headers of responses.
  {
    id: 'response-status-undocumented',
    severity: 'breaking',
    target: 'status',
    title: 'the provider answered with a status the spec does not document',
    rationale: 'the client has no type and no handling for it',
  },
  {
    id: 'response-status-removed',
    severity: 'breaking',
    target: 'status',
    title: 'a status our spec documents is gone from the provider’s definition',
    rationale: 'consumers handle it (e.g. 404 as "not found"); its replacement reaches them unhandled',
  },
  {
    id: 'response-status-added',
    severity: 'additive',
    target: 'status',
    title: 'the provider’s definition documents a status our spec lacks',
    rationale: 'documented before it is seen: capture it in the spec so the client types it',
  },
  {
    id: 'response-content-type-changed',
    severity: 'breaking',
    target: 'content-type',
    title: 'a response content type the spec does not document',
    rationale: 'the client parses by content type; a JSON consumer gets text it cannot read',
  },
  {
    id: 'response-header-removed',
    severity: 'breaking',
    target: 'header',
    title: 'a response header the spec declares is absent (e.g. Retry-After on 429)',
    rationale: 'the client acts on it (retry timing); without it the behaviour changes',
  },
  {
    id: 'response-header-added',
    severity: 'additive',
    target: 'header',
    title: 'a response header the spec does not mention',
    rationale: 'unknown headers are ignored; capture it if consumers should use it',
  },
  // Requests: what we send, as the provider's caller.
  {
    id: 'request-parameter-added-required',
    severity: 'breaking',
    target: 'parameter',
    title: 'the provider requires a parameter our spec does not send',
    rationale: 'every request the client builds is now invalid',
  },
  {
    id: 'request-parameter-added-optional',
    severity: 'additive',
    target: 'parameter',
    title: 'the provider accepts an optional parameter our spec lacks',
    rationale: 'nothing we send changes; capture it to offer it',
  },
  {
    id: 'request-parameter-removed',
    severity: 'breaking',
    target: 'parameter',
    title: 'a parameter our spec sends is no longer accepted or documented',
    rationale: 'the provider may reject the request or silently ignore what the caller asked for',
  },
  {
    id: 'request-parameter-became-required',
    severity: 'breaking',
    target: 'parameter',
    title: 'a parameter our spec treats as optional is now required',
    rationale: 'requests that omit it, which our types allow, are now invalid',
  },
  {
    id: 'request-parameter-became-optional',
    severity: 'additive',
    target: 'parameter',
    title: 'a parameter our spec requires is now optional',
    rationale: 'requests that send it stay valid',
  },
  {
    id: 'request-parameter-type-changed',
    severity: 'breaking',
    target: 'parameter',
    title: 'a parameter’s type differs from our spec’s',
    rationale: 'values our types produce may be refused',
  },
  {
    id: 'request-constraint-tightened',
    severity: 'breaking',
    target: 'parameter',
    title: 'a parameter accepts less than our spec allows (bound, pattern, enum value removed)',
    rationale: 'input the client lets through is refused by the provider',
  },
  {
    id: 'request-constraint-relaxed',
    severity: 'additive',
    target: 'parameter',
    title: 'a parameter accepts more than our spec allows (bound, pattern, enum value added)',
    rationale: 'everything the client sends stays valid; capture it to allow more',
  },
  {
    id: 'request-parameter-ignored',
    severity: 'breaking',
    target: 'parameter',
    title: 'the provider does not honour a documented parameter (e.g. `limit`)',
    rationale: 'the caller gets something other than what it asked for, with no error',
  },
  // Security and operations.
  {
    id: 'security-scheme-removed',
    severity: 'breaking',
    target: 'security',
    title: 'a way of authenticating our spec offers is no longer accepted',
    rationale: 'callers configured with it are refused',
  },
  {
    id: 'security-scheme-added',
    severity: 'additive',
    target: 'security',
    title: 'the provider accepts a way of authenticating our spec lacks',
    rationale: 'existing credentials keep working',
  },
  {
    id: 'security-not-enforced',
    severity: 'breaking',
    target: 'security',
    title: 'a request without credentials was served (2xx) or sent on (3xx), not refused',
    rationale: 'the spec’s error contract does not hold; the client’s auth errors are never raised',
  },
  {
    id: 'operation-removed',
    severity: 'breaking',
    target: 'operation',
    title: 'an operation our spec documents is gone',
    rationale: 'every call to it fails',
  },
  {
    id: 'operation-added',
    severity: 'additive',
    target: 'operation',
    title: 'an operation our spec did not document (added by a spec change, or in the provider’s definition)',
    rationale: 'no existing call changes; capture it in the spec to offer it',
  },
  {
    id: 'server-url-changed',
    severity: 'additive',
    target: 'operation',
    title: 'the default server URL of an operation (its first `servers` entry) changed',
    rationale: 'every client that keeps the default now calls another host; one that sets its base URL is unaffected',
  },
  // Consumer pacts.
  {
    id: 'pact-mismatch',
    severity: 'breaking',
    target: 'interaction',
    title: 'a response breaks an expectation of the consumer pact that no finer rule names',
    rationale: 'the pact records what the client relies on; any mismatch can break it',
  },
] as const satisfies readonly (Omit<Rule, 'id'> & { id: string })[];

export type RuleId = (typeof rules)[number]['id'];

/** The catalogue, in report order (responses, statuses and headers, requests, security and operations, pacts). */
export const catalogue: readonly Rule[] = Object.freeze(rules.map((rule) => Object.freeze({ ...rule })));

export const ruleIds: readonly RuleId[] = Object.freeze(catalogue.map((rule) => rule.id));

const byId = new Map<string, Rule>(catalogue.map((rule) => [rule.id, rule]));

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && byId.has(value);
}

/** The rule with this id; a TypeError naming the known ids for an unknown one. */
export function ruleOf(id: string): Rule {
  const rule = byId.get(id);
  if (!rule) throw new TypeError(`Unknown drift rule ${JSON.stringify(id)}: expected one of ${ruleIds.join(', ')}`);
  return rule;
}

/** The catalogue as the Markdown table the README lists. */
export function renderCatalogueMarkdown(): string {
  const rows = catalogue.map((rule) => `| \`${rule.id}\` | ${rule.severity} | ${rule.title} | ${rule.rationale} |`);
  return ['| rule id | severity | change | why this severity |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
