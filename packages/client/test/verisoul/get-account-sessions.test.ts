import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createVerisoulClient, ValidationError } from '../../src/index.js';
import { apiKey, sendJson, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
afterEach(() => server?.close());

describe('getAccountSessions', () => {
  it('returns the account sessions and sends the key', async () => {
    const body = { request_id: 'e57b7c0f', sessions: ['56f9a065', '2ddd11ed'] };
    server = await startServer((_request, response) => sendJson(response, 200, body));
    const client = createVerisoulClient({ apiKey, environment: 'sandbox', baseUrl: server.url });

    expect(await client.getAccountSessions('acct_1')).toEqual(body);
    expect(server.requests[0]).toMatchObject({ method: 'GET', target: '/account/acct_1/sessions' });
    expect(server.requests[0]?.headers['x-api-key']).toBe(apiKey);
  });

  it('turns the documented 400 "Account not found" into an ApiError', async () => {
    server = await startServer((_request, response) => sendJson(response, 400, { statusCode: 400, message: 'Account not found' }));
    const error = await createVerisoulClient({ apiKey, environment: 'sandbox', baseUrl: server.url })
      .getAccountSessions('nobody')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      message: 'getAccountSessions failed with HTTP 400: Account not found',
      messages: ['Account not found'],
      body: { statusCode: 400, message: 'Account not found' },
      operation: 'getAccountSessions',
    });
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['sandbox', 'https://api.sandbox.verisoul.ai/account/a/sessions'],
    ['production', 'https://api.prod.verisoul.ai/account/a/sessions'],
  ] as const)('calls the spec server of the %s environment', async (environment, expected) => {
    const seen: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      seen.push(new Request(input).url);
      return Response.json({ request_id: 'r', sessions: [] });
    };
    await createVerisoulClient({ apiKey, environment, fetch }).getAccountSessions('a');
    expect(seen).toEqual([expected]);
  });

  it('refuses an unknown environment', () => {
    // @ts-expect-error: the point is a value the types forbid
    expect(() => createVerisoulClient({ apiKey, environment: 'staging' })).toThrow(ValidationError);
  });
});
