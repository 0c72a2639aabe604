import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, createVectaraClient, TimeoutError } from '../../src/index.js';
import { apiKey, sendJson, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
afterEach(() => server?.close());

// Collect garbage all through these tests: fetch follows signals through weak references, and a
// timeout wired the wrong way only fails once the collector runs (vitest.config passes --expose-gc).
let collector: ReturnType<typeof setInterval>;
beforeAll(() => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  collector = setInterval(gc, 10);
});
afterAll(() => clearInterval(collector));

describe('timeouts', () => {
  it('throws a TimeoutError when the server does not answer in time', async () => {
    server = await startServer(() => {}); // never answers
    const error = await createVectaraClient({ apiKey, baseUrl: server.url, timeoutMs: 100, retry: false })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100, operation: 'listAgentSessions', url: `${server.url}/v2/agents/agt_a/sessions` });
    expect((error as Error).message).toBe(`listAgentSessions: request to ${server.url}/v2/agents/agt_a/sessions timed out after 100 ms`);
    expect((error as Error).message).toMatch(/timed out after 100 ms$/);
  });

  it('times out a body that stalls after the headers', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"sessions": [');
    });
    const error = await createVectaraClient({ apiKey, baseUrl: server.url, timeoutMs: 150, retry: false })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    // URL and operation apart: the URL is where the request went, the operation what the client was doing.
    expect(error).toMatchObject({ url: `${server.url}/v2/agents/agt_a/sessions`, operation: 'listAgentSessions', timeoutMs: 150 });
    expect((error as Error).message).toBe(`listAgentSessions: request to ${server.url}/v2/agents/agt_a/sessions timed out after 150 ms`);
  });

  it('times out an error body that stalls after the headers, naming URL and operation', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.write('{"messages": [');
    });
    const error = await createVectaraClient({ apiKey, baseUrl: server.url, timeoutMs: 150, retry: false })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe(`listAgentSessions: request to ${server.url}/v2/agents/agt_a/sessions timed out after 150 ms`);
  });

  it('applies the timeout to each attempt, not only the first', async () => {
    server = await startServer((_request, response, index) => {
      if (index === 0) return; // the first attempt hangs
      sendJson(response, 200, { sessions: [], metadata: {} });
    });
    // Timeouts are not retried: a hung request is reported, not silently repeated.
    await expect(
      createVectaraClient({ apiKey, baseUrl: server.url, timeoutMs: 100, retry: { baseDelayMs: 1 } }).listAgentSessions('agt_a'),
    ).rejects.toThrow(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('caller abort', () => {
  it('throws an AbortError when the caller aborts an in-flight request', async () => {
    server = await startServer(() => {});
    const controller = new AbortController();
    const pending = createVectaraClient({ apiKey, baseUrl: server.url, timeoutMs: 5_000 })
      .listAgentSessions('agt_a', { signal: controller.signal })
      .catch((caught: unknown) => caught);
    await waitFor(() => server.requests.length === 1);
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
  });

  it('throws an AbortError when the caller aborts during a retry backoff, without another attempt', async () => {
    server = await startServer((_request, response) => sendJson(response, 503, {}, { 'retry-after': '30' }));
    const controller = new AbortController();
    const pending = createVectaraClient({ apiKey, baseUrl: server.url, retry: { maxTotalWaitMs: 60_000 } })
      .listAgentSessions('agt_a', { signal: controller.signal })
      .catch((caught: unknown) => caught);
    await waitFor(() => server.requests.length === 1);
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects at once with an already-aborted signal, sending nothing', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, {}));
    const error = await createVectaraClient({ apiKey, baseUrl: server.url })
      .listAgentSessions('agt_a', { signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
