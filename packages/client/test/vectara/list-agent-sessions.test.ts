import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createVectaraClient } from '../../src/index.js';
import { apiKey, sendJson, session, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
afterEach(() => server?.close());

describe('listAgentSessions', () => {
  it('sends the key, path and query and returns the parsed page', async () => {
    const page = { sessions: [session(1), session(2)], metadata: { page_key: 'next', total_count: 2 } };
    server = await startServer((_request, response) => sendJson(response, 200, page));
    const client = createVectaraClient({ apiKey, baseUrl: server.url });

    const result = await client.listAgentSessions('agt_support', { limit: 25, enabled: true, pageKey: 'abc' });

    expect(result).toEqual(page);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.target).toBe('/v2/agents/agt_support/sessions?limit=25&page_key=abc&enabled=true');
    expect(server.requests[0]?.headers['x-api-key']).toBe(apiKey);
  });

  it('omits the query parameters it was not given', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, { sessions: [], metadata: {} }));
    await createVectaraClient({ apiKey, baseUrl: server.url }).listAgentSessions('agt_support');
    expect(server.requests[0]?.target).toBe('/v2/agents/agt_support/sessions');
  });

  it.each([
    [400, 'invalid_request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'agent_not_found'],
    [429, 'rate_limit_exceeded'],
  ])('turns a documented %i into an ApiError with code %s', async (status, code) => {
    const body = { code, message: `the ${code} message`, request_id: 'req_123' };
    server = await startServer((_request, response) => sendJson(response, status, body));
    const client = createVectaraClient({ apiKey, baseUrl: server.url, retry: false });

    const error = await client.listAgentSessions('agt_support').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, code, requestId: 'req_123', body, operation: 'listAgentSessions' });
    expect((error as Error).message).toBe(
      `listAgentSessions failed with HTTP ${status}: ${code}: the ${code} message (request id req_123)`,
    );
  });

  it('takes the request id from the x-request-id header when the body has none, and keeps a text body', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/plain', 'x-request-id': 'hdr_9' });
      response.end('no such agent');
    });
    const error = await createVectaraClient({ apiKey, baseUrl: server.url })
      .listAgentSessions('agt_missing')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 404, code: undefined, requestId: 'hdr_9', body: 'no such agent' });
  });

  it('exposes the raw openapi-fetch client with the key applied', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, { sessions: [], metadata: {} }));
    const { raw } = createVectaraClient({ apiKey, baseUrl: server.url });
    const { data, response } = await raw.GET('/v2/agents/{agent_key}/sessions', { params: { path: { agent_key: 'agt_x' } } });
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
    await createVectaraClient({ apiKey, fetch }).listAgentSessions('agt_x');
    expect(seen).toEqual(['https://api.vectara.io/v2/agents/agt_x/sessions']);
  });
});
