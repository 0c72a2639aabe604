import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createVectaraClient } from '../../src/index.js';
import { apiKey, sendJson, session, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
afterEach(() => server?.close());

describe('listAgentSessions', () => {
  it('sends the key, path and query and returns the parsed page', async () => {
    const page = { sessions: [session(1), session(2)], metadata: { page_key: 'next' } };
    server = await startServer((_request, response) => sendJson(response, 200, page));
    const client = createVectaraClient({ apiKey, baseUrl: server.url });

    const result = await client.listAgentSessions('customer_support', {
      limit: 25,
      pageKey: 'abc',
      filter: 'support.*',
      metadataFilter: "user_role = 'premium' AND tier >= 2",
    });

    expect(result).toEqual(page);
    expect(result.sessions.map((item) => [item.key, item.name])).toEqual([
      ['session_1', 'Session 1'],
      ['session_2', 'Session 2'],
    ]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.target).toBe(
      '/v2/agents/customer_support/sessions?limit=25&page_key=abc&filter=support.*&metadata_filter=user_role%20%3D%20%27premium%27%20AND%20tier%20%3E%3D%202',
    );
    expect(server.requests[0]?.headers['x-api-key']).toBe(apiKey);
  });

  it('omits the query parameters it was not given', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, { sessions: [], metadata: {} }));
    await createVectaraClient({ apiKey, baseUrl: server.url }).listAgentSessions('customer_support');
    expect(server.requests[0]?.target).toBe('/v2/agents/customer_support/sessions');
  });

  it.each([
    [10_000, undefined],
    [2_500, 2_500],
  ])(
    'sends Request-Timeout-Millis: %i, its own timeout, so the provider can stop work the client gave up on',
    async (expected, timeoutMs) => {
      server = await startServer((_request, response) => sendJson(response, 200, { sessions: [], metadata: {} }));
      const client = createVectaraClient({ apiKey, baseUrl: server.url, ...(timeoutMs && { timeoutMs }) });
      await client.listAgentSessions('customer_support');
      await client.raw.GET('/v2/agents/{agent_key}/sessions', { params: { path: { agent_key: 'customer_support' } } });
      expect(server.requests.map((request) => request.headers['request-timeout-millis'])).toEqual([String(expected), String(expected)]);
    },
  );

  it('sends no Request-Timeout-Millis with timeoutMs: false', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, { sessions: [], metadata: {} }));
    await createVectaraClient({ apiKey, baseUrl: server.url, timeoutMs: false }).listAgentSessions('customer_support');
    expect(server.requests[0]?.headers).not.toHaveProperty('request-timeout-millis');
  });

  it.each([
    [400, { field_errors: { limit: 'must be less than or equal to 100' }, messages: ['Invalid query parameters'], request_id: 'req_123' }],
    [401, { messages: ['Invalid or missing API key'], request_id: 'req_123' }],
    [403, { messages: ['Insufficient permissions', 'for this agent'], request_id: 'req_123' }],
    [404, { id: 'customer_support', messages: ['Agent with the specified agent_key does not exist'], request_id: 'req_123' }],
    [429, { messages: ['Request rate limit exceeded'], request_id: 'req_123' }],
  ])('turns a documented %i into an ApiError carrying the provider messages', async (status, body) => {
    server = await startServer((_request, response) => sendJson(response, status, body));
    const client = createVectaraClient({ apiKey, baseUrl: server.url, retry: false });

    const error = await client.listAgentSessions('customer_support').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status,
      messages: body.messages,
      requestId: 'req_123',
      id: 'id' in body ? body.id : undefined,
      body,
      operation: 'listAgentSessions',
    });
    expect(error).not.toHaveProperty('code');
    expect((error as Error).message).toBe(`listAgentSessions failed with HTTP ${status}: ${body.messages.join('; ')} (request id req_123)`);
  });

  it('takes the request id from the x-request-id header when the body has none, and keeps a text body', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/plain', 'x-request-id': 'hdr_9' });
      response.end('no such agent');
    });
    const error = await createVectaraClient({ apiKey, baseUrl: server.url })
      .listAgentSessions('missing_agent')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 404, messages: [], id: undefined, requestId: 'hdr_9', body: 'no such agent' });
    expect((error as Error).message).toBe('listAgentSessions failed with HTTP 404: no such agent (request id hdr_9)');
  });

  it('exposes the raw openapi-fetch client with the key applied', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, { sessions: [], metadata: {} }));
    const { raw } = createVectaraClient({ apiKey, baseUrl: server.url });
    const { data, response } = await raw.GET('/v2/agents/{agent_key}/sessions', { params: { path: { agent_key: 'customer_support' } } });
    expect(response.status).toBe(200);
    expect(data?.sessions).toEqual([]);
    expect(server.requests[0]?.headers['x-api-key']).toBe(apiKey);
  });

  it('defaults to the server the spec declares', async () => {
    const seen: string[] = [];
    // A stub fetch is enough here: the point is the URL the client builds, not the network.
    const fetch = async (input: RequestInfo | URL) => {
      seen.push(new Request(input).url);
      return Response.json({ sessions: [], metadata: {} });
    };
    await createVectaraClient({ apiKey, fetch }).listAgentSessions('customer_support');
    expect(seen).toEqual(['https://api.vectara.io/v2/agents/customer_support/sessions']);
  });
});
