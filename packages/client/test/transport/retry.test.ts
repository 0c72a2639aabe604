import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createVectaraClient, NetworkError } from '../../src/index.js';
import { apiKey, sendJson, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
afterEach(() => server?.close());

const page = { sessions: [], metadata: {} };
const fast = { baseDelayMs: 1, maxDelayMs: 5 };

/** Answers with `statuses` in turn (then 200), each failure with the given headers. */
function sequence(statuses: number[], headers: Record<string, string> = {}) {
  return startServer((_request, response, index) => {
    const status = statuses[index];
    if (status === undefined) return sendJson(response, 200, page);
    sendJson(response, status, { messages: [`attempt ${index + 1}`], request_id: `req_${index + 1}` }, headers);
  });
}

describe('retries', () => {
  it.each([429, 502, 503, 504])('retries a GET answered %i and returns the later success', async (status) => {
    server = await sequence([status, status]);
    const client = createVectaraClient({ apiKey, baseUrl: server.url, retry: fast });
    expect(await client.listAgentSessions('agt_a')).toEqual(page);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((request) => request.headers['x-api-key'] === apiKey)).toBe(true);
  });

  it.each([400, 401, 403, 404, 500])('does not retry %i', async (status) => {
    server = await sequence([status]);
    const error = await createVectaraClient({ apiKey, baseUrl: server.url, retry: fast })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ApiError', status });
    expect(server.requests).toHaveLength(1);
  });

  it('stops after maxAttempts and reports the last response', async () => {
    server = await sequence([503, 503, 503, 503, 503]);
    const error = await createVectaraClient({ apiKey, baseUrl: server.url, retry: { ...fast, maxAttempts: 4 } })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, messages: ['attempt 4'], message: expect.stringContaining('attempt 4') });
    expect(server.requests).toHaveLength(4);
  });

  it('makes one attempt only with retry: false', async () => {
    server = await sequence([503]);
    await expect(createVectaraClient({ apiKey, baseUrl: server.url, retry: false }).listAgentSessions('agt_a')).rejects.toThrow(ApiError);
    expect(server.requests).toHaveLength(1);
  });

  it('waits the Retry-After seconds before retrying', async () => {
    server = await sequence([429], { 'retry-after': '1' });
    await createVectaraClient({ apiKey, baseUrl: server.url, retry: fast }).listAgentSessions('agt_a');
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After as an HTTP date', async () => {
    server = await sequence([503], { 'retry-after': new Date(Date.now() - 5_000).toUTCString() });
    await createVectaraClient({ apiKey, baseUrl: server.url, retry: { ...fast, maxTotalWaitMs: 0 } }).listAgentSessions('agt_a');
    // A date in the past means "now": within a zero wait budget, so the retry happens.
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ['seconds', '120'],
    ['an HTTP date', () => new Date(Date.now() + 120_000).toUTCString()],
  ])('gives up at once when Retry-After (%s) is beyond the total wait budget', async (_kind, value) => {
    server = await sequence([429, 429], { 'retry-after': typeof value === 'function' ? value() : value });
    const error = await createVectaraClient({ apiKey, baseUrl: server.url, retry: { ...fast, maxTotalWaitMs: 1_000 } })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ApiError', status: 429, messages: ['attempt 1'], requestId: 'req_1' });
    expect(server.requests).toHaveLength(1);
  });

  it('retries network errors, then succeeds', async () => {
    server = await startServer((request, response, index) => {
      if (index < 2) return request.socket.destroy();
      sendJson(response, 200, page);
    });
    expect(await createVectaraClient({ apiKey, baseUrl: server.url, retry: fast }).listAgentSessions('agt_a')).toEqual(page);
    expect(server.requests).toHaveLength(3);
  });

  it('reports a NetworkError when every attempt fails before a response', async () => {
    server = await startServer((request) => request.socket.destroy());
    const error = await createVectaraClient({ apiKey, baseUrl: server.url, retry: fast })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ operation: 'listAgentSessions', url: expect.stringMatching(/\/v2\/agents\/agt_a\/sessions$/) });
    expect((error as Error).message).toMatch(
      /^listAgentSessions: request to http:\/\/127\.0\.0\.1:\d+\/v2\/agents\/agt_a\/sessions failed before a response: /,
    );
    expect(server.requests).toHaveLength(3);
  });

  it('never retries a non-GET request through the raw client', async () => {
    server = await sequence([503, 503]);
    const { raw } = createVectaraClient({ apiKey, baseUrl: server.url, retry: fast });
    // biome-ignore lint/suspicious/noExplicitAny: POST is not in the spec; the raw request is the point.
    const { response } = await (raw as any).request('post', '/v2/agents/agt_a/sessions', {});
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });
});
