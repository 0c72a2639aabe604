import { createVectaraClient } from '@api-contracts/client';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { pactDir } from '../src/paths.js';
import { consumer, examples, placeholderApiKey, providers } from '../src/states.js';

const { boolean, eachLike, fromProviderState, integer, like, regex } = MatchersV3;
const ids = examples.vectara;
const pact = new PactV4({ consumer, provider: providers.vectara, dir: pactDir, logLevel: 'error' });

const isoDateTime = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';
const path = (agentKey: string) => fromProviderState('/v2/agents/${agentKey}/sessions', `/v2/agents/${agentKey}/sessions`);
const headers = { 'x-api-key': like(placeholderApiKey) };
const client = (baseUrl: string, apiKey = placeholderApiKey) => createVectaraClient({ apiKey, baseUrl, retry: false });

// Only what the client relies on: the spec's required fields. Optional ones (description, metadata) are
// left to the schema validation of live responses, so a provider that omits them does not fail the pact.
const session = (agentKey: string, enabled = true) => ({
  id: regex('^ase_[0-9a-zA-Z_-]+$', 'ase_customer_support_001'),
  agent_key: fromProviderState('${agentKey}', agentKey),
  enabled: boolean(enabled),
  created_at: regex(isoDateTime, '2024-01-15T10:30:00Z'),
});

const page = (agentKey: string) => ({
  sessions: eachLike(session(agentKey)),
  metadata: { page_key: like(ids.pageKey), total_count: integer(127) },
});

/** An error interaction: the client configured not to retry must surface the documented code. */
async function expectError(
  state: string,
  description: string,
  status: number,
  code: string,
  options: { agentKey: string; query?: Record<string, string>; apiKey?: string },
) {
  await pact
    .addInteraction()
    .given(state, { agentKey: options.agentKey })
    .uponReceiving(description)
    .withRequest('GET', path(options.agentKey), (request) => {
      request.headers(headers);
      if (options.query) request.query(options.query);
    })
    .willRespondWith(status, (response) => response.jsonBody({ code, message: like(`the ${code} message`) }))
    .executeTest(async (server) => {
      const call = client(server.url, options.apiKey).listAgentSessions(
        options.agentKey,
        options.query?.page_key ? { pageKey: options.query.page_key } : {},
      );
      await expect(call).rejects.toMatchObject({ name: 'ApiError', status, code });
    });
}

describe('Vectara consumer pact', () => {
  it('lists the first page of an agent’s sessions', async () => {
    await pact
      .addInteraction()
      .given('an agent with sessions', { agentKey: ids.agentKey })
      .uponReceiving('a request for the first page of an agent’s sessions')
      .withRequest('GET', path(ids.agentKey), (request) => request.headers(headers).query({ limit: '10' }))
      .willRespondWith(200, (response) => response.jsonBody(page(ids.agentKey)))
      .executeTest(async (server) => {
        const result = await client(server.url).listAgentSessions(ids.agentKey, { limit: 10 });
        expect(result.sessions[0]).toMatchObject({ id: 'ase_customer_support_001', agent_key: ids.agentKey, enabled: true });
        expect(result.metadata.page_key).toBe(ids.pageKey);
      });
  });

  it('follows page_key to the next page', async () => {
    await pact
      .addInteraction()
      .given('an agent with more than one page of sessions', { agentKey: ids.agentKey, pageKey: ids.pageKey })
      .uponReceiving('a request for the next page of an agent’s sessions')
      .withRequest('GET', path(ids.agentKey), (request) =>
        request.headers(headers).query({ limit: '1', page_key: fromProviderState('${pageKey}', ids.pageKey) }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody({ sessions: eachLike(session(ids.agentKey)), metadata: { total_count: integer(127) } }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).listAgentSessions(ids.agentKey, { limit: 1, pageKey: ids.pageKey });
        expect(result.sessions).toHaveLength(1);
      });
  });

  it('filters by enabled', async () => {
    await pact
      .addInteraction()
      .given('an agent with sessions', { agentKey: ids.agentKey })
      .uponReceiving('a request for an agent’s enabled sessions')
      .withRequest('GET', path(ids.agentKey), (request) => request.headers(headers).query({ enabled: 'true' }))
      .willRespondWith(200, (response) => response.jsonBody(page(ids.agentKey)))
      .executeTest(async (server) => {
        const result = await client(server.url).listAgentSessions(ids.agentKey, { enabled: true });
        expect(result.sessions.every((item) => item.enabled)).toBe(true);
      });
  });

  it('lists nothing for an agent without sessions', async () => {
    await pact
      .addInteraction()
      .given('an agent without sessions', { agentKey: ids.emptyAgentKey })
      .uponReceiving('a request for the sessions of an agent that has none')
      .withRequest('GET', path(ids.emptyAgentKey), (request) => request.headers(headers))
      .willRespondWith(200, (response) => response.jsonBody({ sessions: [], metadata: { total_count: integer(0) } }))
      .executeTest(async (server) => {
        const sessions = [];
        for await (const item of client(server.url).iterateAgentSessions(ids.emptyAgentKey)) sessions.push(item);
        expect(sessions).toEqual([]);
      });
  });

  it('gets 400 invalid_request for a page_key the provider does not recognise', () =>
    expectError('a page_key the provider does not recognise', 'a request with an unrecognised page_key', 400, 'invalid_request', {
      agentKey: ids.agentKey,
      query: { page_key: 'not-a-page-key' },
    }));

  it('gets 401 unauthorized for a key the provider does not accept', () =>
    expectError('an API key the provider does not accept', 'a request with an unaccepted API key', 401, 'unauthorized', {
      agentKey: ids.agentKey,
      apiKey: 'not-a-valid-key',
    }));

  it('gets 403 forbidden for an agent the key may not read', () =>
    expectError('an agent the API key may not read', 'a request for an agent the key may not read', 403, 'forbidden', {
      agentKey: ids.agentKey,
    }));

  it('gets 404 agent_not_found for an unknown agent', () =>
    expectError('no agent with that key', 'a request for the sessions of an unknown agent', 404, 'agent_not_found', {
      agentKey: ids.unknownAgentKey,
    }));

  it('gets 429 rate_limit_exceeded when the rate limit is exhausted', () =>
    expectError('the rate limit is exhausted', 'a request over the rate limit', 429, 'rate_limit_exceeded', { agentKey: ids.agentKey }));
});
