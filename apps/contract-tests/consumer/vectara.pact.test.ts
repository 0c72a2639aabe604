import { createVectaraClient } from '@api-contracts/client';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { pactDir } from '../src/paths.js';
import { consumer, placeholderApiKey } from '../src/providers/provider.js';
import { vectara } from '../src/providers/vectara.js';

const { atLeastLike, boolean, eachLike, fromProviderState, like, regex } = MatchersV3;
const ids = vectara.examples;
const pact = new PactV4({ consumer, provider: vectara.name, dir: pactDir, logLevel: 'error' });

const isoDateTime = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';
const sessionKey = '^[0-9a-zA-Z_-]+$';
const path = (agentKey: string) => fromProviderState('/v2/agents/${agentKey}/sessions', `/v2/agents/${agentKey}/sessions`);
// The client sends its own timeout so the provider can stop work it gave up on; the spec allows any integer >= 1.
const sessionPath = (agentKey: string, key: string) =>
  fromProviderState('/v2/agents/${agentKey}/sessions/${sessionKey}', `/v2/agents/${agentKey}/sessions/${key}`);
const headers = { 'x-api-key': like(placeholderApiKey), 'Request-Timeout-Millis': regex('^[1-9][0-9]*$', '10000') };
const client = (baseUrl: string, apiKey = placeholderApiKey) => createVectaraClient({ apiKey, baseUrl, retry: false });

// Only what the client relies on: the spec's required fields. Optional ones (description, metadata) are
// left to the schema validation of live responses, so a provider that omits them does not fail the pact.
const session = (agentKey: string, enabled = true) => ({
  key: regex(sessionKey, 'customer_support_chat'),
  name: like('Billing inquiry'),
  agent_key: fromProviderState('${agentKey}', agentKey),
  enabled: boolean(enabled),
  created_at: regex(isoDateTime, '2024-01-15T10:30:00Z'),
});

// A pact asserts only what its provider state guarantees. `metadata.page_key` is there only when another
// page follows, which "an agent with sessions" does not promise (an agent may hold ten or fewer), so a
// page's metadata is asserted as an object and nothing more, except where the state guarantees a next page.
const page = (agentKey: string) => ({ sessions: eachLike(session(agentKey)), metadata: {} });

/** An error body as the provider's definition has it: its messages and request id, plus `id` on a 404. */
const errorBody = (message: string, extra: Record<string, unknown> = {}) => ({
  ...extra,
  messages: eachLike(message),
  request_id: like('4e3d2c1b-0a9f-4e8d-b7c6-5a4b3c2d1e0f'),
});

/** An error interaction: the client configured not to retry must surface the status, messages and request id. */
async function expectError(
  state: Parameters<typeof vectara.state>[0],
  description: string,
  status: number,
  message: string,
  options: { agentKey: string; query?: Record<string, string>; apiKey?: string; notFoundId?: string },
) {
  await pact
    .addInteraction()
    .given(vectara.state(state), { agentKey: options.agentKey })
    .uponReceiving(description)
    .withRequest('GET', path(options.agentKey), (request) => {
      request.headers(headers);
      if (options.query) request.query(options.query);
    })
    .willRespondWith(status, (response) =>
      response.jsonBody(errorBody(message, options.notFoundId ? { id: like(options.notFoundId) } : {})),
    )
    .executeTest(async (server) => {
      const call = client(server.url, options.apiKey).listAgentSessions(
        options.agentKey,
        options.query?.page_key ? { pageKey: options.query.page_key } : {},
      );
      await expect(call).rejects.toMatchObject({
        name: 'ApiError',
        status,
        messages: [message],
        requestId: '4e3d2c1b-0a9f-4e8d-b7c6-5a4b3c2d1e0f',
        message: expect.stringContaining(message),
        ...(options.notFoundId && { id: options.notFoundId }),
      });
    });
}

describe('Vectara consumer pact', () => {
  it('lists the first page of an agent’s sessions', async () => {
    await pact
      .addInteraction()
      .given(vectara.state('an agent with sessions'), { agentKey: ids.agentKey })
      .uponReceiving('a request for the first page of an agent’s sessions')
      .withRequest('GET', path(ids.agentKey), (request) => request.headers(headers).query({ limit: '10' }))
      .willRespondWith(200, (response) => response.jsonBody(page(ids.agentKey)))
      .executeTest(async (server) => {
        const result = await client(server.url).listAgentSessions(ids.agentKey, { limit: 10 });
        expect(result.sessions[0]).toMatchObject({
          key: 'customer_support_chat',
          name: 'Billing inquiry',
          agent_key: ids.agentKey,
          enabled: true,
        });
        expect(result.metadata).toEqual({});
      });
  });

  it('gets a page_key with a page of one session when the agent has more', async () => {
    await pact
      .addInteraction()
      .given(vectara.state('an agent with more than one page of sessions'), { agentKey: ids.agentKey })
      .uponReceiving('a request for one session of an agent that has more')
      .withRequest('GET', path(ids.agentKey), (request) => request.headers(headers).query({ limit: '1' }))
      .willRespondWith(200, (response) =>
        response.jsonBody({ sessions: eachLike(session(ids.agentKey)), metadata: { page_key: like(ids.pageKey) } }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).listAgentSessions(ids.agentKey, { limit: 1 });
        expect(result.sessions).toHaveLength(1);
        expect(result.metadata.page_key).toBe(ids.pageKey);
      });
  });

  it('follows page_key to the next page', async () => {
    await pact
      .addInteraction()
      .given(vectara.state('an agent with more than one page of sessions'), { agentKey: ids.agentKey, pageKey: ids.pageKey })
      .uponReceiving('a request for the next page of an agent’s sessions')
      .withRequest('GET', path(ids.agentKey), (request) =>
        request.headers(headers).query({ limit: '1', page_key: fromProviderState('${pageKey}', ids.pageKey) }),
      )
      // The second page exists, but whether a third follows depends on how many sessions the agent has.
      .willRespondWith(200, (response) => response.jsonBody({ sessions: eachLike(session(ids.agentKey)), metadata: {} }))
      .executeTest(async (server) => {
        const result = await client(server.url).listAgentSessions(ids.agentKey, { limit: 1, pageKey: ids.pageKey });
        expect(result.sessions).toHaveLength(1);
      });
  });

  it('filters by name and by metadata', async () => {
    const filter = 'support';
    const metadataFilter = "user_role = 'premium' AND tier >= 2";
    await pact
      .addInteraction()
      .given(vectara.state('an agent with sessions'), { agentKey: ids.agentKey })
      .uponReceiving('a request for an agent’s sessions filtered by name and metadata')
      .withRequest('GET', path(ids.agentKey), (request) => request.headers(headers).query({ filter, metadata_filter: metadataFilter }))
      // A filter promises nothing about how many sessions match: none is a valid answer.
      .willRespondWith(200, (response) => response.jsonBody({ sessions: atLeastLike(session(ids.agentKey), 0, 1), metadata: {} }))
      .executeTest(async (server) => {
        const result = await client(server.url).listAgentSessions(ids.agentKey, { filter, metadataFilter });
        expect(result.sessions.every((item) => item.agent_key === ids.agentKey && item.enabled)).toBe(true);
      });
  });

  it('lists nothing for an agent without sessions', async () => {
    await pact
      .addInteraction()
      .given(vectara.state('an agent without sessions'), { agentKey: ids.emptyAgentKey })
      .uponReceiving('a request for the sessions of an agent that has none')
      .withRequest('GET', path(ids.emptyAgentKey), (request) => request.headers(headers))
      .willRespondWith(200, (response) => response.jsonBody({ sessions: [], metadata: {} }))
      .executeTest(async (server) => {
        const sessions = [];
        for await (const item of client(server.url).iterateAgentSessions(ids.emptyAgentKey)) sessions.push(item);
        expect(sessions).toEqual([]);
      });
  });

  it('gets 400 for a page_key the provider does not recognise', () =>
    expectError('a page_key the provider does not recognise', 'a request with an unrecognised page_key', 400, 'Invalid page_key', {
      agentKey: ids.agentKey,
      query: { page_key: 'not-a-page-key' },
    }));

  it('gets 401 for credentials the provider does not accept', () =>
    expectError('credentials the provider does not accept', 'a request with unaccepted credentials', 401, 'Invalid or missing API key', {
      agentKey: ids.agentKey,
      apiKey: 'not-a-valid-key',
    }));

  it('gets 403 for an agent the key may not read', () =>
    expectError(
      'an agent the API key may not read',
      'a request for an agent the key may not read',
      403,
      'Insufficient permissions for accessing sessions for this agent',
      { agentKey: ids.agentKey },
    ));

  it('gets 404 with the id for an unknown agent', () =>
    expectError(
      'no agent with that key',
      'a request for the sessions of an unknown agent',
      404,
      'Agent with the specified agent_key does not exist',
      { agentKey: ids.unknownAgentKey, notFoundId: ids.unknownAgentKey },
    ));

  it('gets 429 when the rate limit is exhausted', () =>
    expectError('the rate limit is exhausted', 'a request over the rate limit', 429, 'Request rate limit exceeded', {
      agentKey: ids.agentKey,
    }));

  // getAgentSession: the session key comes from provider state (live: the first session of the agent's first
  // page, by the spec's link from listAgentSessions), and the session answered is that one.
  it('gets one session of an agent by its key', async () => {
    await pact
      .addInteraction()
      .given(vectara.state('a session of the agent'), { agentKey: ids.agentKey, sessionKey: ids.sessionKey })
      .uponReceiving('a request for one session of an agent')
      .withRequest('GET', sessionPath(ids.agentKey, ids.sessionKey), (request) => request.headers(headers))
      .willRespondWith(200, (response) =>
        response.jsonBody({ ...session(ids.agentKey), key: fromProviderState('${sessionKey}', ids.sessionKey) }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).getAgentSession(ids.agentKey, ids.sessionKey);
        expect(result.key).toBe(ids.sessionKey);
        expect(result.agent_key).toBe(ids.agentKey);
      });
  });

  for (const [state, description, status, message, key] of [
    [
      'a session the API key may not read',
      'a request for a session the key may not read',
      403,
      'Permissions do not allow accessing this agent session',
      ids.sessionKey,
    ],
    ['no session with that key', 'a request for an unknown session of an agent', 404, 'Agent or session not found', ids.unknownSessionKey],
  ] as const) {
    it(`gets ${status} for ${state}`, async () => {
      await pact
        .addInteraction()
        .given(vectara.state(state), { agentKey: ids.agentKey, sessionKey: key })
        .uponReceiving(description)
        .withRequest('GET', sessionPath(ids.agentKey, key), (request) => request.headers(headers))
        .willRespondWith(status, (response) =>
          response.jsonBody(errorBody(message, status === 404 ? { id: like(ids.unknownSessionKey) } : {})),
        )
        .executeTest(async (server) => {
          await expect(client(server.url).getAgentSession(ids.agentKey, key)).rejects.toMatchObject({
            name: 'ApiError',
            status,
            messages: [message],
            requestId: '4e3d2c1b-0a9f-4e8d-b7c6-5a4b3c2d1e0f',
          });
        });
    });
  }
});
