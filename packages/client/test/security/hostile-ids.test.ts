import { afterEach, describe, expect, it } from 'vitest';
import { createVectaraClient, createVerisoulClient } from '../../src/index.js';
import { apiKey, sendJson, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
afterEach(() => server?.close());

describe('hostile ids on the wire', () => {
  it.each([
    ['a/b', '/account/a%2Fb/sessions'],
    ['../admin', '/account/..%2Fadmin/sessions'],
    ['a..b', '/account/a..b/sessions'],
    ['x?admin=true', '/account/x%3Fadmin%3Dtrue/sessions'],
    ['x#frag', '/account/x%23frag/sessions'],
    ['100%', '/account/100%25/sessions'],
    ['%2e%2e', '/account/%252e%252e/sessions'],
    ['a b&c=d', '/account/a%20b%26c%3Dd/sessions'],
  ])('sends account id %j as one encoded path segment: %s', async (accountId, target) => {
    server = await startServer((_request, response) => sendJson(response, 200, { request_id: 'r', sessions: [] }));
    await createVerisoulClient({ apiKey, environment: 'sandbox', baseUrl: server.url }).getAccountSessions(accountId);
    expect(server.requests.map((request) => request.target)).toEqual([target]);
  });

  it('keeps a hostile page_key inside its query value', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, { sessions: [], metadata: {} }));
    await createVectaraClient({ apiKey, baseUrl: server.url }).listAgentSessions('agt_a', { pageKey: 'k&limit=100#x/../y' });
    const sent = new URL(server.requests[0]?.target ?? '', 'http://x');
    expect(sent.pathname).toBe('/v2/agents/agt_a/sessions');
    expect([...sent.searchParams]).toEqual([['page_key', 'k&limit=100#x/../y']]);
  });
});
