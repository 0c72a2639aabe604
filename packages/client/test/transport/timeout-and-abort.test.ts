import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AbortError, createVectaraClient, TimeoutError } from '../../src/index.js';
import { fakeTimeouts, pause, waitFor } from '../support/clock.js';
import { apiKey, sendJson, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
});

/** A fetch that counts the requests handed to it and records each response as its headers arrive. */
function watchedFetch() {
  const watched = {
    sent: 0,
    responses: [] as Response[],
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      watched.sent++;
      const response = await fetch(input, init);
      watched.responses.push(response);
      return response;
    },
  };
  return watched;
}

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
    const watched = watchedFetch();
    fakeTimeouts();
    const pending = createVectaraClient({ apiKey, baseUrl: server.url, timeoutMs: 150, retry: false, fetch: watched.fetch })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    // The headers are in: the timer that fires now strikes while the body is read.
    await waitFor(() => watched.responses.length === 1);
    await vi.advanceTimersByTimeAsync(150);
    const error = await pending;
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
    const watched = watchedFetch();
    fakeTimeouts();
    const pending = createVectaraClient({ apiKey, baseUrl: server.url, timeoutMs: 150, retry: false, fetch: watched.fetch })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    await waitFor(() => watched.responses.length === 1);
    await vi.advanceTimersByTimeAsync(150);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe(`listAgentSessions: request to ${server.url}/v2/agents/agt_a/sessions timed out after 150 ms`);
  });

  it('does not retry an attempt that timed out', async () => {
    server = await startServer((_request, response, index) => {
      if (index === 0) return; // the first attempt hangs
      sendJson(response, 200, { sessions: [], metadata: {} });
    });
    fakeTimeouts();
    const pending = createVectaraClient({ apiKey, baseUrl: server.url, timeoutMs: 100, retry: { baseDelayMs: 1 } })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    // The timer fires once the server holds the request, however long the busy machine took to send it.
    await waitFor(() => server.requests.length === 1);
    await vi.advanceTimersByTimeAsync(100);
    // Timeouts are not retried: a hung request is reported, not silently repeated.
    expect(await pending).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it('applies the timeout to each attempt, not only the first', async () => {
    server = await startServer((_request, response, index) => {
      if (index === 0) return sendJson(response, 503, { messages: ['try again'] });
      // The second attempt hangs.
    });
    const watched = watchedFetch();
    fakeTimeouts();
    const pending = createVectaraClient({ apiKey, baseUrl: server.url, timeoutMs: 100, retry: { baseDelayMs: 1 }, fetch: watched.fetch })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    // The backoff sleep (under 1 ms) is a faked timer too: step the clock 1 ms at a time until the second
    // attempt is handed to fetch, its timer armed; then stop the clock until the server holds that request.
    while (watched.sent < 2) {
      await vi.advanceTimersByTimeAsync(1);
      await pause();
    }
    await waitFor(() => server.requests.length === 2);
    expect(watched.responses.map((response) => response.status)).toEqual([503]);
    await vi.advanceTimersByTimeAsync(100);
    expect(await pending).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(2);
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
    const watched = watchedFetch();
    const pending = createVectaraClient({ apiKey, baseUrl: server.url, retry: { maxTotalWaitMs: 60_000 }, fetch: watched.fetch })
      .listAgentSessions('agt_a', { signal: controller.signal })
      .catch((caught: unknown) => caught);
    // The 503 is in: the client is about to wait its 30 s.
    await waitFor(() => watched.responses.length === 1);
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
