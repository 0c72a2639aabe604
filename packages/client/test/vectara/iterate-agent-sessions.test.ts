import { afterEach, describe, expect, it } from 'vitest';
import { type AgentSession, ApiError, createVectaraClient, PaginationError } from '../../src/index.js';
import { apiKey, sendJson, session, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
afterEach(() => server?.close());

/** Serves `pages` pages of `perPage` sessions, chained by page_key `p<n>`; the last page has no page_key. */
function pagedServer(pages: number, perPage: number) {
  return startServer((request, response) => {
    const url = new URL(request.url ?? '', 'http://x');
    const page = Number(url.searchParams.get('page_key')?.slice(1) ?? 0);
    const sessions = Array.from({ length: perPage }, (_, index) => session(page * perPage + index));
    const metadata = page + 1 < pages ? { page_key: `p${page + 1}` } : {};
    sendJson(response, 200, { sessions, metadata });
  });
}

async function collect(iterator: AsyncIterable<AgentSession>): Promise<AgentSession[]> {
  const all: AgentSession[] = [];
  for await (const item of iterator) all.push(item);
  return all;
}

describe('iterateAgentSessions', () => {
  it('walks every page in order, keeping the filters, and stops when no page_key comes back', async () => {
    server = await pagedServer(30, 7);
    const client = createVectaraClient({ apiKey, baseUrl: server.url });

    const sessions = await collect(
      client.iterateAgentSessions('customer_support', { limit: 7, filter: 'billing.*', metadataFilter: 'tier >= 2' }),
    );

    expect(sessions.map((item) => item.key)).toEqual(Array.from({ length: 210 }, (_, index) => `session_${index}`));
    expect(sessions[0]?.name).toBe('Session 0');
    expect(server.requests).toHaveLength(30);
    expect(server.requests[0]?.target).toBe(
      '/v2/agents/customer_support/sessions?limit=7&filter=billing.*&metadata_filter=tier%20%3E%3D%202',
    );
    expect(server.requests[29]?.target).toBe(
      '/v2/agents/customer_support/sessions?limit=7&page_key=p29&filter=billing.*&metadata_filter=tier%20%3E%3D%202',
    );
  });

  it('treats an empty page_key as the last page', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, { sessions: [session(1)], metadata: { page_key: '' } }));
    const sessions = await collect(createVectaraClient({ apiKey, baseUrl: server.url }).iterateAgentSessions('customer_support'));
    expect(sessions).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
  });

  it('throws a PaginationError when a page_key repeats instead of looping for ever', async () => {
    // Pages 1 -> a -> b -> a: the fourth request would revisit page a.
    const next = ['a', 'b', 'a'];
    server = await startServer((_request, response, index) =>
      sendJson(response, 200, { sessions: [session(index)], metadata: { page_key: next[index] } }),
    );
    const seen: string[] = [];

    const error = await (async () => {
      for await (const item of createVectaraClient({ apiKey, baseUrl: server.url }).iterateAgentSessions('customer_support')) {
        seen.push(item.key);
      }
    })().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ pageKey: 'a', page: 3 });
    expect(seen).toEqual(['session_0', 'session_1', 'session_2']);
    expect(server.requests).toHaveLength(3);
  });

  it('surfaces an error on a later page after yielding the earlier ones', async () => {
    server = await startServer((_request, response, index) =>
      index === 0
        ? sendJson(response, 200, { sessions: [session(0)], metadata: { page_key: 'p1' } })
        : sendJson(response, 404, { id: 'customer_support', messages: ['gone'], request_id: 'req_9' }),
    );
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of createVectaraClient({ apiKey, baseUrl: server.url }).iterateAgentSessions('customer_support')) {
        seen.push(item.key);
      }
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(['session_0']);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, id: 'customer_support', messages: ['gone'] });
  });
});
