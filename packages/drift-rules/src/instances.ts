/**
 * Instances: one observation of drift each (one array item, one response, one spec difference), as the
 * routes find them, before they are grouped into changes. Converters for the two finders the contract
 * app has today (ajv schema findings, Pact Verifier mismatches) live here so that every caller maps
 * them to rules the same way.
 */
import { type RuleId, ruleOf } from './catalogue.js';
import { childPath, isBodyPath, normalizePath } from './paths.js';

/** Who found it: a pact replay, the schema check, the provider's published definition, the live probe, a spec diff. */
export type Source = 'pact' | 'schema' | 'vendor' | 'probe' | 'spec';

export interface DriftInstance {
  api: string;
  /** The operation as our spec names it: its operationId (`listAgentSessions`). */
  operation: string;
  /** The status of the response observed (not the one expected); absent for request-side and spec-level changes. */
  status?: number | string | undefined;
  rule: RuleId;
  /** Instance path (`$.sessions[3].key`, `/sessions/3/key`) or a token (`status`, `header:retry-after`, `parameter:query:limit`). */
  path: string;
  expected: string;
  actual: string;
  source: Source;
  message?: string | undefined;
  /** Which response it was seen in (e.g. the interaction's description); items are counted per response. */
  response?: string | undefined;
  /** JSON type of the value concerned when known: a removed property's type per the spec, an added one's as observed. */
  valueType?: string | undefined;
}

/** Where a finding was made; shared by every instance converted from it. */
export interface InstanceContext {
  api: string;
  operation: string;
  status?: number | string | undefined;
  response?: string | undefined;
}

const boundKeywords = new Set([
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
]);

/**
 * The rule for one schema-check finding: its ajv keyword (or the check's own `status`, `content-type`,
 * `header`), and its actual value as JSON text (`null` tells a nullable change from a type change).
 */
export function ruleForSchemaKeyword(keyword: string, actual?: string): RuleId {
  if (keyword === 'required') return 'response-property-removed';
  if (keyword === 'type') return actual?.trim() === 'null' ? 'response-property-became-nullable' : 'response-property-type-changed';
  if (keyword === 'nullable') return 'response-property-became-nullable';
  if (keyword === 'format') return 'response-format-changed';
  if (keyword === 'enum' || keyword === 'const') return 'response-enum-value-added';
  if (keyword === 'pattern') return 'response-pattern-violated';
  if (boundKeywords.has(keyword)) return 'response-constraint-relaxed';
  if (keyword === 'additionalProperties') return 'response-property-added';
  if (keyword === 'status') return 'response-status-undocumented';
  if (keyword === 'content-type') return 'response-content-type-changed';
  if (keyword === 'header') return 'response-header-added';
  return 'response-schema-violated';
}

/** What the contract app's schema check reports for one response (its `SchemaFinding`, structurally). */
export interface SchemaFindingLike {
  path: string;
  keyword: string;
  expected: string;
  actual: string;
  message?: string;
}

/** One schema-check finding as an instance (header values are never kept: see `hideHeaderValues`). */
export function instanceFromSchemaFinding(finding: SchemaFindingLike, context: InstanceContext): DriftInstance {
  const rule = ruleForSchemaKeyword(finding.keyword, finding.actual);
  const path = finding.keyword === 'status' ? 'status' : finding.keyword === 'content-type' ? 'content-type' : normalizePath(finding.path);
  return hideHeaderValues({
    ...context,
    rule,
    path,
    expected: finding.expected,
    actual: finding.actual,
    source: 'schema',
    message: finding.message,
    ...(rule === 'response-property-added' && { valueType: jsonTypeOfText(finding.actual) }),
  });
}

/** What the Pact Verifier reports for one mismatch (the contract app's `Mismatch`, structurally). */
export interface PactMismatchLike {
  path: string;
  expected?: string | undefined;
  actual?: string | undefined;
  message: string;
}

const pactTypes: Record<string, string> = {
  String: 'string',
  Boolean: 'boolean',
  Integer: 'integer',
  Decimal: 'number',
  Number: 'number',
  Null: 'null',
  Array: 'array',
  List: 'array',
  Map: 'object',
  Object: 'object',
};

/**
 * One Pact Verifier mismatch as instances, with the finest rule its message allows (the messages of
 * pact_verifier as shipped with @pact-foundation/pact 16, e.g. "Actual map is missing the following
 * keys: key" at `$.sessions[3]` becomes `response-property-removed` at `$.sessions[3].key`). What no
 * rule names stays `pact-mismatch`, which grouping merges into a schema change at the same path.
 */
export function instancesFromPactMismatch(mismatch: PactMismatchLike, context: InstanceContext): DriftInstance[] {
  const base = { ...context, source: 'pact' as const, message: mismatch.message };
  const expected = mismatch.expected ?? '(see message)';
  const actual = mismatch.actual ?? '(see message)';
  if (mismatch.path === 'StatusMismatch') return [{ ...base, rule: 'pact-mismatch', path: 'status', expected, actual }];
  if (mismatch.path === 'BodyTypeMismatch')
    return [{ ...base, rule: 'response-content-type-changed', path: 'content-type', expected, actual }];
  if (!isBodyPath(mismatch.path)) {
    const name = mismatch.path.toLowerCase();
    if (name === 'content-type') return [{ ...base, rule: 'response-content-type-changed', path: 'content-type', expected, actual }];
    return [hideHeaderValues({ ...base, rule: 'pact-mismatch', path: `header:${name}`, expected, actual })];
  }
  const path = normalizePath(mismatch.path);
  const missing = /^Actual map is missing the following keys: (.+)$/.exec(mismatch.message);
  if (missing) {
    return (missing[1] ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean)
      .map((key) => ({ ...base, rule: 'response-property-removed', path: childPath(path, key), expected: 'present', actual: 'absent' }));
  }
  const sameType = /^Expected .* \((\w+)\) to be the same type as .* \((\w+)\)$/s.exec(mismatch.message);
  if (sameType) {
    const [, actualType = '', expectedType = ''] = sameType;
    const rule = actualType === 'Null' ? 'response-property-became-nullable' : 'response-property-type-changed';
    return [{ ...base, rule, path, expected: pactTypes[expectedType] ?? expectedType, actual: mismatch.actual ?? actualType }];
  }
  if (mismatch.message.startsWith('Type mismatch:')) {
    return [{ ...base, rule: 'response-property-type-changed', path, expected: jsonTypeOfText(expected), actual: jsonTypeOfText(actual) }];
  }
  if (/to match a (timestamp|date|time|datetime) pattern/i.test(mismatch.message)) {
    return [{ ...base, rule: 'response-format-changed', path, expected, actual }];
  }
  const pattern = /^Expected .* to match '(.*)'$/s.exec(mismatch.message);
  if (pattern) return [{ ...base, rule: 'response-pattern-violated', path, expected: pattern[1] ?? expected, actual }];
  return [{ ...base, rule: 'pact-mismatch', path, expected, actual }];
}

/**
 * An instance about a header with its values replaced by `present` / `absent`: header values can carry
 * tokens and keys, and reports never show them. Other instances are returned as they are.
 */
export function hideHeaderValues(instance: DriftInstance): DriftInstance {
  const aboutHeader = ruleOf(instance.rule).target === 'header' || instance.path.startsWith('header:');
  if (!aboutHeader) return instance;
  if (instance.rule === 'response-header-added')
    return { ...instance, expected: 'absent (not in the spec)', actual: 'present (value not shown)', message: undefined };
  if (instance.rule === 'response-header-removed') return { ...instance, expected: 'present', actual: 'absent', message: undefined };
  return { ...instance, expected: '(value not shown)', actual: '(value not shown)', message: undefined };
}

/** The JSON type of a value given as JSON text, also when the text was shortened (`"abc...`); `unknown` otherwise. */
export function jsonTypeOfText(text: string): string {
  const trimmed = text.trim();
  try {
    return jsonTypeOf(JSON.parse(trimmed));
  } catch {
    if (trimmed.startsWith('"')) return 'string';
    if (trimmed.startsWith('{')) return 'object';
    if (trimmed.startsWith('[')) return 'array';
    return 'unknown';
  }
}

/** `string`, `integer`, `number`, `boolean`, `null`, `array` or `object`. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
