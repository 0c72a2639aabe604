import type { VectaraBadRequestError, VectaraError, VectaraNotFoundError } from '@api-contracts/types/vectara';
import type { AccountError } from '@api-contracts/types/verisoul';
import { describe, expectTypeOf, it } from 'vitest';
import { type ApiError, type ErrorBody, type ErrorStatus, isApiError } from '../../src/index.js';

declare const error: unknown;

describe('isApiError narrows by status and operation', () => {
  it('narrows the status to the literal asked for', () => {
    if (isApiError(error, 404)) {
      expectTypeOf(error.status).toEqualTypeOf<404>();
      expectTypeOf(error.id).toEqualTypeOf<string | undefined>();
      expectTypeOf(error.messages).toEqualTypeOf<readonly string[]>();
      // Without the operation the body is whatever the provider sent.
      expectTypeOf(error.body).toBeUnknown();
    }
    if (isApiError(error)) expectTypeOf(error).toEqualTypeOf<ApiError>();
  });

  it('types the body as the spec declares it for that operation and status', () => {
    if (isApiError(error, 404, 'listAgentSessions')) {
      expectTypeOf(error.body).toEqualTypeOf<VectaraNotFoundError>();
      expectTypeOf(error.operation).toEqualTypeOf<'listAgentSessions'>();
    }
    if (isApiError(error, 400, 'listAgentSessions')) expectTypeOf(error.body).toEqualTypeOf<VectaraBadRequestError>();
    if (isApiError(error, 429, 'listAgentSessions')) expectTypeOf(error.body).toEqualTypeOf<VectaraError>();
    if (isApiError(error, 400, 'getAccountSessions')) expectTypeOf(error.body).toEqualTypeOf<AccountError>();
    // A status the spec does not document: the body stays unknown.
    if (isApiError(error, 500, 'listAgentSessions')) expectTypeOf(error.body).toBeUnknown();
  });

  it('lists the documented error statuses of each operation', () => {
    expectTypeOf<ErrorStatus<'listAgentSessions'>>().toEqualTypeOf<400 | 401 | 403 | 404 | 429>();
    expectTypeOf<ErrorStatus<'getAccountSessions'>>().toEqualTypeOf<400>();
    expectTypeOf<ErrorBody<'getAccountSessions', 404>>().toBeUnknown();
  });

  it('has no code field any more', () => {
    expectTypeOf<ApiError>().not.toHaveProperty('code');
  });
});
