import { ValidationError } from './errors.js';

/** One parameter's rules as the types package generates them from the spec. */
export interface ParameterRule {
  readonly in: string;
  readonly required: boolean;
  readonly type?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
}

/**
 * Checks `values` (keyed by the spec's parameter names) against the spec's rules, throwing a
 * ValidationError for the first broken rule. Hand-written rather than ajv: these are the only
 * keywords the specs use on parameters, and ajv would multiply the client's bundle size.
 */
export function checkParameters(rules: Readonly<Record<string, ParameterRule>>, values: Readonly<Record<string, unknown>>): void {
  for (const [field, rule] of Object.entries(rules)) {
    const value = values[field];
    if (value === undefined || value === null || value === '') {
      if (rule.required) throw new ValidationError(field, 'required', 'is required and must not be empty');
      continue;
    }
    checkType(field, rule, value);
    if (typeof value === 'string') checkString(field, rule, value);
    if (typeof value === 'number') checkNumber(field, rule, value);
  }
}

function checkType(field: string, rule: ParameterRule, value: unknown): void {
  const ok =
    rule.type === undefined ||
    (rule.type === 'integer' ? Number.isInteger(value) : rule.type === 'number' ? Number.isFinite(value) : typeof value === rule.type);
  if (!ok) throw new ValidationError(field, 'type', `must be ${article(rule.type)} ${rule.type}, got ${JSON.stringify(value)}`);
}

function checkString(field: string, rule: ParameterRule, value: string): void {
  if (rule.minLength !== undefined && value.length < rule.minLength) {
    throw new ValidationError(field, 'minLength', `must be at least ${rule.minLength} characters long`);
  }
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    throw new ValidationError(field, 'maxLength', `must be at most ${rule.maxLength} characters long`);
  }
  if (rule.pattern !== undefined && !compiled(rule.pattern).test(value)) {
    throw new ValidationError(field, 'pattern', `must match ${rule.pattern}, got ${JSON.stringify(value)}`);
  }
  // Even percent-encoded, a whole segment of "." or ".." is resolved away by URL parsers and would change the path.
  if (rule.in === 'path' && (value === '.' || value === '..')) {
    throw new ValidationError(field, 'path-segment', `must not be "." or "..", which would change the request path`);
  }
}

function checkNumber(field: string, rule: ParameterRule, value: number): void {
  if (rule.minimum !== undefined && value < rule.minimum) {
    throw new ValidationError(field, 'minimum', `must be at least ${rule.minimum}, got ${value}`);
  }
  if (rule.maximum !== undefined && value > rule.maximum) {
    throw new ValidationError(field, 'maximum', `must be at most ${rule.maximum}, got ${value}`);
  }
}

const patterns = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  const known = patterns.get(pattern);
  if (known) return known;
  const regex = new RegExp(pattern, 'u');
  patterns.set(pattern, regex);
  return regex;
}

const article = (word: string | undefined) => (word && /^[aeiou]/.test(word) ? 'an' : 'a');
