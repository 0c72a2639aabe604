import type { ResponseValidators, SchemaError } from '@api-contracts/types/vectara/validators';
import { ApiContractsError, ValidationError } from './errors.js';
import { redact } from './redact.js';

/** One place where a response body departs from the spec. */
export interface DriftMismatch {
  /** JSON Pointer into the body: where the spec is broken (for a missing property, where it should be). */
  pointer: string;
  /** The schema keyword broken: `required`, `type`, `format`, `enum`, `pattern`, `maxLength`... */
  keyword: string;
  /** What the spec expects there, e.g. `present (required)`, `must be string`, `one of "unstarted", "running", "stopped"`. */
  expected: string;
  /**
   * What the body holds there: a number, boolean or null as it is, a string cut at 100 characters, `object` or
   * `array of <n>` for containers, undefined when absent. Secrets the client holds are redacted.
   */
  actual: unknown;
}

/** A response that does not match the spec's schema for its operation and status. Holds no header and no secret. */
export interface DriftReport {
  operation: string;
  status: number;
  /** Every place the body departs from the spec (one per array item that does). */
  mismatches: DriftMismatch[];
}

/** The opt-in check's settings, as the transport reads them. */
export interface ResponseValidationSettings<Validators extends ResponseValidators = ResponseValidators> {
  /**
   * The spec's response validators, compiled at generate time: `responseValidators` from
   * `@api-contracts/types/<api>/validators`. Only a client given them carries them.
   */
  responseValidators?: Validators;
  /** Called, before the call returns its data, with one report per response that does not match the spec. */
  onDrift?: (report: DriftReport) => void;
  /** `'report'` (the default): call `onDrift` and return the data; `'throw'`: throw a ContractDriftError (after `onDrift`). */
  validateResponses?: 'report' | 'throw';
}

/**
 * Opt-in check of every response body against the spec. Off unless `responseValidators` is given; `onDrift`
 * and `validateResponses` without them are a type error (and, for untyped callers, a ValidationError).
 */
export type ResponseValidation<Validators extends ResponseValidators = ResponseValidators> =
  | (ResponseValidationSettings<Validators> & { responseValidators: Validators })
  | { responseValidators?: undefined; onDrift?: undefined; validateResponses?: undefined };

/** A response did not match the spec and the client was created with `validateResponses: 'throw'`. */
export class ContractDriftError extends ApiContractsError {
  override name = 'ContractDriftError';
  readonly operation: string;
  readonly status: number;
  constructor(
    readonly report: DriftReport,
    /** For a non-2xx response: the ApiError the call would have thrown. */
    options?: { cause: unknown },
  ) {
    const first = report.mismatches[0];
    super(
      `${report.operation}: HTTP ${report.status} body does not match the spec at ${first?.pointer || '/'} (${first?.expected})` +
        (report.mismatches.length > 1 ? ` and ${report.mismatches.length - 1} more place(s)` : ''),
      options,
    );
    this.operation = report.operation;
    this.status = report.status;
  }
}

/** Checks a parsed body; `apiError` is the error a non-2xx response is about to throw. */
export type DriftCheck = (operation: string, status: number, body: unknown, apiError?: unknown) => void;

/** The drift check a client's options ask for, or undefined (no work per call) when they ask for none. */
export function driftCheck(options: ResponseValidationSettings, secrets: () => string[]): DriftCheck | undefined {
  const { responseValidators: validators, onDrift, validateResponses } = options;
  if (onDrift !== undefined && typeof onDrift !== 'function') throw new ValidationError('onDrift', 'type', 'must be a function');
  if (validateResponses !== undefined && validateResponses !== 'report' && validateResponses !== 'throw') {
    throw new ValidationError('validateResponses', 'oneOf', `must be "report" or "throw", got ${JSON.stringify(validateResponses)}`);
  }
  if (!validators) {
    if (onDrift || validateResponses) {
      throw new ValidationError(
        'responseValidators',
        'required',
        'is required with onDrift or validateResponses (from @api-contracts/types/<api>/validators)',
      );
    }
    return undefined;
  }
  if (!onDrift && validateResponses !== 'throw') return undefined;
  return (operation, status, body, apiError) => {
    const byStatus = validators[operation];
    // Only a documented status has a schema; an undocumented one (a gateway's 502) is not the provider's contract.
    const validate = byStatus?.[String(status)] ?? byStatus?.[`${String(status)[0]}XX`] ?? byStatus?.default;
    if (!validate || validate(body)) return;
    const report: DriftReport = {
      operation,
      status,
      mismatches: redact(
        (validate.errors ?? []).map((error) => mismatch(error, body)),
        secrets(),
      ),
    };
    onDrift?.(report);
    if (validateResponses === 'throw') throw new ContractDriftError(report, apiError === undefined ? undefined : { cause: apiError });
  };
}

function mismatch(error: SchemaError, body: unknown): DriftMismatch {
  const missing = error.keyword === 'required' ? String(error.params.missingProperty) : undefined;
  const pointer =
    missing === undefined ? error.instancePath : `${error.instancePath}/${missing.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  const expected =
    missing !== undefined
      ? 'present (required)'
      : error.keyword === 'enum'
        ? `one of ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`
        : (error.message ?? error.keyword);
  return { pointer, keyword: error.keyword, expected, actual: summary(missing === undefined ? at(body, pointer) : undefined) };
}

/** The value at a JSON Pointer. */
function at(body: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (node, token) => (node as Record<string, unknown> | undefined)?.[token.replaceAll('~1', '/').replaceAll('~0', '~')],
      body,
    );
}

function summary(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 100 ? `${value.slice(0, 100)}…` : value;
  if (Array.isArray(value)) return `array of ${value.length}`;
  return typeof value === 'object' && value !== null ? 'object' : value;
}
