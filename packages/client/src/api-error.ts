import type { operations as VectaraOperations } from '@api-contracts/types/vectara';
import type { operations as VerisoulOperations } from '@api-contracts/types/verisoul';
import { ApiContractsError } from './errors.js';

type Operations = VectaraOperations & VerisoulOperations;

/** The spec operations the clients call. */
export type ApiOperation = keyof Operations;

type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : unknown;

/** The body the spec declares for `Operation` answering `Status`; `unknown` for a status it does not document. */
export type ErrorBody<Operation extends ApiOperation, Status extends number> = Status extends keyof Operations[Operation]['responses']
  ? JsonBody<Operations[Operation]['responses'][Status]>
  : unknown;

/** The error statuses the spec documents for `Operation`, e.g. `400 | 401 | 403 | 404 | 429` for listAgentSessions. */
export type ErrorStatus<Operation extends ApiOperation> = {
  [Status in keyof Operations[Operation]['responses']]: Status extends number ? (`${Status}` extends `2${string}` ? never : Status) : never;
}[keyof Operations[Operation]['responses']];

export interface ApiErrorDetails<Status extends number, Body> {
  operation: string;
  status: Status;
  /** The provider's messages: Vectara's `messages`, Verisoul's `message`. */
  messages: readonly string[];
  requestId: string | undefined;
  id: string | undefined;
  body: Body;
  /** What the message shows when the provider sent no messages: the text body or the status text. */
  fallback: string;
}

/**
 * The provider answered with a non-2xx status (after any retries). Its message joins the provider's
 * messages. Tell statuses apart with `isApiError(error, 404)`, or `isApiError(error, 404, 'listAgentSessions')`
 * to have `body` typed as the spec declares it for that operation and status.
 */
export class ApiError<Status extends number = number, Body = unknown> extends ApiContractsError {
  override name = 'ApiError';
  readonly operation: string;
  readonly status: Status;
  /** The provider's messages describing the error (may be empty). */
  readonly messages: readonly string[];
  /** The provider's request id, from the body (`request_id`) or the `x-request-id` header. */
  readonly requestId: string | undefined;
  /** On a 404: the id the provider could not find, when its body names it (Vectara's `id`). */
  readonly id: string | undefined;
  /** The response body, parsed as JSON when it is JSON, else the text. */
  readonly body: Body;
  constructor(details: ApiErrorDetails<Status, Body>) {
    const said = details.messages.length > 0 ? details.messages.join('; ') : details.fallback;
    super(
      `${details.operation} failed with HTTP ${details.status}${said ? `: ${said}` : ''}` +
        (details.requestId ? ` (request id ${details.requestId})` : ''),
    );
    this.operation = details.operation;
    this.status = details.status;
    this.messages = details.messages;
    this.requestId = details.requestId;
    this.id = details.id;
    this.body = details.body;
  }
}

/** Whether `error` is an ApiError (of `status`, and of `operation`, when given): a type guard that narrows `status` and `body`. */
export function isApiError(error: unknown): error is ApiError;
export function isApiError<Status extends number>(error: unknown, status: Status): error is ApiError<Status>;
export function isApiError<Operation extends ApiOperation, Status extends ErrorStatus<Operation> | (number & {})>(
  error: unknown,
  status: Status,
  operation: Operation,
): error is ApiError<Status, ErrorBody<Operation, Status>> & { readonly operation: Operation };
export function isApiError(error: unknown, status?: number, operation?: string): boolean {
  return (
    error instanceof ApiError &&
    (status === undefined || error.status === status) &&
    (operation === undefined || error.operation === operation)
  );
}
