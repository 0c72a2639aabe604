import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createVectaraClient, createVerisoulClient, isApiError, ValidationError } from '../../src/index.js';
import { apiKey, sendJson, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
afterEach(() => server?.close());

const notFound = { id: 'unknown_agent', messages: ['Agent with the specified agent_key does not exist'], request_id: 'req_404' };

describe('isApiError', () => {
  it('tells statuses and operations apart at run time', async () => {
    server = await startServer((request, response) =>
      request.url?.startsWith('/account')
        ? sendJson(response, 400, { statusCode: 400, message: 'Account not found' })
        : sendJson(response, 404, notFound),
    );
    const vectaraError = await createVectaraClient({ apiKey, baseUrl: server.url })
      .listAgentSessions('unknown_agent')
      .catch((caught: unknown) => caught);
    const verisoulError = await createVerisoulClient({ apiKey, environment: 'sandbox', baseUrl: server.url })
      .getAccountSessions('nobody')
      .catch((caught: unknown) => caught);

    expect(isApiError(vectaraError)).toBe(true);
    expect(isApiError(vectaraError, 404)).toBe(true);
    expect(isApiError(vectaraError, 404, 'listAgentSessions')).toBe(true);
    expect(isApiError(vectaraError, 403)).toBe(false);
    expect(isApiError(vectaraError, 404, 'getAccountSessions')).toBe(false);
    expect(isApiError(verisoulError, 400, 'getAccountSessions')).toBe(true);
    expect(isApiError(new ValidationError('limit', 'minimum', 'too small'))).toBe(false);
    expect(isApiError({ name: 'ApiError', status: 404 }, 404)).toBe(false);

    if (!isApiError(vectaraError, 404, 'listAgentSessions')) throw new Error('unreachable');
    expect(vectaraError.id).toBe('unknown_agent');
    expect(vectaraError.body.messages).toEqual(notFound.messages);
    expect(vectaraError.message).toBe(
      'listAgentSessions failed with HTTP 404: Agent with the specified agent_key does not exist (request id req_404)',
    );
    if (!isApiError(verisoulError, 400, 'getAccountSessions')) throw new Error('unreachable');
    expect(verisoulError.body.statusCode).toBe(400);
  });

  it('carries the id only on a 404', async () => {
    server = await startServer((_request, response) => sendJson(response, 403, { id: 'x', messages: ['no'], request_id: 'r' }));
    const error = await createVectaraClient({ apiKey, baseUrl: server.url })
      .listAgentSessions('customer_support')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, id: undefined, messages: ['no'] });
  });
});
