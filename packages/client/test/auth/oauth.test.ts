import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbortError, ApiError, AuthenticationError, createVectaraClient, ValidationError } from '../../src/index.js';
import { bearer, clientId, clientSecret, issueTokens, startProvider, startTokenEndpoint, type TokenEndpoint } from '../support/oauth.js';
import { apiKey, sendJson, startServer, type TestServer } from '../support/server.js';

let tokens: TokenEndpoint | undefined;
let provider: TestServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await tokens?.close();
  await provider?.close();
});

// Every request of this file's clients carries this header. Other suites run beside this one, and a request
// of theirs to a port they closed can reach one of our providers if the kernel hands that port out again: the
// "nothing reached the provider" checks count only what this file's clients sent.
const clientTag = { name: 'x-oauth-test-client', value: `oauth-${process.pid}` };
const taggedFetch: typeof fetch = (input, init) => {
  const headers = new Headers(input instanceof Request ? input.headers : undefined);
  for (const [name, value] of new Headers(init?.headers)) headers.set(name, value);
  headers.set(clientTag.name, clientTag.value);
  return fetch(input, { ...init, headers });
};
const sentByThisFile = (server: TestServer) => server.requests.filter((request) => request.headers[clientTag.name] === clientTag.value);

const oauthClient = (tokenUrl: string, options: { timeoutMs?: number } = {}) =>
  createVectaraClient({
    oauth: { clientId, clientSecret, tokenUrl },
    baseUrl: provider?.url ?? '',
    retry: false,
    fetch: taggedFetch,
    ...options,
  });

describe('OAuth client credentials', () => {
  it('fetches a token with the client credentials (HTTP Basic, form grant) and sends it as a bearer token', async () => {
    tokens = await startTokenEndpoint(issueTokens());
    provider = await startProvider((token) => token === 'token_1');

    const page = await oauthClient(tokens.tokenUrl).listAgentSessions('customer_support');

    expect(page.sessions[0]?.key).toBe('session_1');
    // The tag the "nothing reached the provider" checks below rely on does reach the provider.
    expect(sentByThisFile(provider)).toHaveLength(1);
    expect(tokens.requests).toHaveLength(1);
    expect(tokens.requests[0]).toMatchObject({ method: 'POST', target: '/oauth2/token' });
    expect(tokens.requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    // RFC 6749 section 2.3.1: id and secret form-encoded, then joined for Basic.
    const basic = `${encodeURIComponent(clientId)}:${new URLSearchParams([['', clientSecret]]).toString().slice(1)}`;
    expect(tokens.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(basic).toString('base64')}`);
    expect(tokens.bodies).toEqual(['grant_type=client_credentials']);
    expect(bearer(provider)).toEqual(['Bearer token_1']);
    expect(provider.requests[0]?.headers).not.toHaveProperty('x-api-key');
  });

  it('reuses one token for every request while it is valid, raw requests included', async () => {
    tokens = await startTokenEndpoint(issueTokens());
    provider = await startProvider((token) => token === 'token_1');
    const client = oauthClient(tokens.tokenUrl);

    for (let call = 0; call < 5; call++) await client.listAgentSessions('customer_support');
    await client.raw.GET('/v2/agents/{agent_key}/sessions', { params: { path: { agent_key: 'customer_support' } } });

    expect(tokens.requests).toHaveLength(1);
    expect(bearer(provider)).toEqual(Array(6).fill('Bearer token_1'));
  });

  it('renews the token shortly before expires_in, not before', async () => {
    // Only Date is faked: the sockets and timers stay real. The token lives 3,600 s; it is renewed 60 s before.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-01-01T00:00:00Z') });
    tokens = await startTokenEndpoint(issueTokens(3600));
    provider = await startProvider((token) => token === 'token_1' || token === 'token_2');
    const client = oauthClient(tokens.tokenUrl);

    await client.listAgentSessions('customer_support');
    vi.setSystemTime(Date.parse('2026-01-01T00:58:30Z')); // 90 s before expiry: still in use
    await client.listAgentSessions('customer_support');
    vi.setSystemTime(Date.parse('2026-01-01T00:59:30Z')); // 30 s before expiry: inside the margin
    await client.listAgentSessions('customer_support');

    expect(tokens.requests).toHaveLength(2);
    expect(bearer(provider)).toEqual(['Bearer token_1', 'Bearer token_1', 'Bearer token_2']);
  });

  it('renews a short-lived token at 90% of its life', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 });
    tokens = await startTokenEndpoint(issueTokens(10));
    provider = await startProvider((token) => token !== undefined);
    const client = oauthClient(tokens.tokenUrl);

    await client.listAgentSessions('customer_support');
    vi.setSystemTime(8_900);
    await client.listAgentSessions('customer_support');
    vi.setSystemTime(9_100);
    await client.listAgentSessions('customer_support');

    expect(bearer(provider)).toEqual(['Bearer token_1', 'Bearer token_1', 'Bearer token_2']);
  });

  it('on a 401 fetches one new token and retries the request once', async () => {
    // The provider revoked token_1 before it expired.
    tokens = await startTokenEndpoint(issueTokens());
    provider = await startProvider((token) => token === 'token_2');

    const page = await oauthClient(tokens.tokenUrl).listAgentSessions('customer_support');

    expect(page.sessions).toHaveLength(1);
    expect(tokens.requests).toHaveLength(2);
    expect(bearer(provider)).toEqual(['Bearer token_1', 'Bearer token_2']);
  });

  it('gives up with the ApiError after one renewal when the new token is refused too', async () => {
    tokens = await startTokenEndpoint(issueTokens());
    provider = await startProvider(() => false);

    const error = await oauthClient(tokens.tokenUrl)
      .listAgentSessions('customer_support')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, messages: ['Invalid or expired token'] });
    expect(tokens.requests).toHaveLength(2);
    expect(bearer(provider)).toEqual(['Bearer token_1', 'Bearer token_2']);
  });

  it('makes concurrent first calls share one token request, and concurrent 401s one renewal', async () => {
    let revoked = false;
    tokens = await startTokenEndpoint(issueTokens());
    provider = await startProvider((token) => (revoked ? token === 'token_2' : token === 'token_1'));
    const client = oauthClient(tokens.tokenUrl);

    // All ten calls ask for a token before the endpoint has answered the first request.
    await Promise.all(Array.from({ length: 10 }, () => client.listAgentSessions('customer_support')));
    expect(tokens.requests).toHaveLength(1);
    expect(bearer(provider)).toEqual(Array(10).fill('Bearer token_1'));

    revoked = true;
    provider.requests.length = 0;
    await Promise.all(Array.from({ length: 10 }, () => client.listAgentSessions('customer_support')));
    expect(tokens.requests).toHaveLength(2);
    expect(bearer(provider).filter((header) => header === 'Bearer token_2')).toHaveLength(10);
  });

  it.each([
    [
      'refuses the credentials',
      { status: 401, body: { error: 'invalid_client', error_description: `bad secret ${clientSecret}` } },
      401,
      'invalid_client',
    ],
    [
      'answers 500 with an error of its own',
      { status: 500, body: { error: `oops ${clientSecret}` } },
      500,
      'the token endpoint refused the request',
    ],
    [
      'answers without an access_token',
      { status: 200, body: { token_type: 'Bearer' } },
      200,
      'the token endpoint answered without an access_token',
    ],
  ])('throws an AuthenticationError when the token endpoint %s, sending nothing to the provider', async (_case, answer, status, reason) => {
    tokens = await startTokenEndpoint(() => answer);
    provider = await startProvider(() => true);

    const error = await oauthClient(tokens.tokenUrl)
      .listAgentSessions('customer_support')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ tokenUrl: tokens.tokenUrl, status, reason });
    expect((error as Error).message).toBe(`OAuth token request to ${tokens.tokenUrl} failed with HTTP ${status}: ${reason}`);
    expect(sentByThisFile(provider)).toHaveLength(0);
  });

  it('throws an AuthenticationError when the token endpoint is down, and tries again on the next call', async () => {
    tokens = await startTokenEndpoint(issueTokens());
    const { tokenUrl } = tokens;
    await tokens.close();
    provider = await startProvider(() => true);
    const client = oauthClient(tokenUrl);

    const error = await client.listAgentSessions('customer_support').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ tokenUrl, status: undefined, reason: 'no response from the token endpoint' });
    expect(sentByThisFile(provider)).toHaveLength(0);
    await expect(client.listAgentSessions('customer_support')).rejects.toThrow(AuthenticationError);
  });

  it('throws an AuthenticationError when the token endpoint does not answer within the timeout', async () => {
    tokens = await startTokenEndpoint(issueTokens());
    // A token endpoint that accepts the connection and never answers.
    const hanging = await startServer(() => {});
    provider = await startProvider(() => true);

    const error = await oauthClient(`${hanging.url}/oauth2/token`, { timeoutMs: 200 })
      .listAgentSessions('customer_support')
      .catch((caught: unknown) => caught);
    await hanging.close();

    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error & { cause: Error }).cause.message).toMatch(/timed out after 200 ms/);
    expect(sentByThisFile(provider)).toHaveLength(0);
  });

  it('lets a caller abort while it waits for the shared token, without failing the others', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // A token endpoint that holds its answer until the test releases it.
    const slowTokens = await startServer((_request, response) => {
      void released.then(() => sendJson(response, 200, { access_token: 'token_1', expires_in: 3600 }));
    });
    provider = await startProvider((token) => token === 'token_1');
    const client = oauthClient(`${slowTokens.url}/oauth2/token`);
    const controller = new AbortController();

    const aborted = client.listAgentSessions('customer_support', { signal: controller.signal }).catch((caught: unknown) => caught);
    const waiting = client.listAgentSessions('customer_support');
    await vi.waitFor(() => expect(slowTokens.requests).toHaveLength(1));
    controller.abort();

    expect(await aborted).toBeInstanceOf(AbortError);
    release();
    expect((await waiting).sessions).toHaveLength(1);
    expect(slowTokens.requests).toHaveLength(1);
    expect(bearer(provider)).toEqual(['Bearer token_1']);
    await slowTokens.close();
  });
});

describe('OAuth options', () => {
  it('takes the token URL from the spec when none is given', async () => {
    const seen: string[] = [];
    // A stub fetch: the point is where the token request goes, not the network.
    const fetch = async (input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : String(input);
      seen.push(url);
      return url.endsWith('/oauth2/token')
        ? Response.json({ access_token: 't', expires_in: 60 })
        : Response.json({ sessions: [], metadata: {} });
    };
    await createVectaraClient({ oauth: { clientId, clientSecret }, fetch }).listAgentSessions('customer_support');
    expect(seen).toEqual(['https://auth.vectara.io/oauth2/token', 'https://api.vectara.io/v2/agents/customer_support/sessions']);
  });

  it.each([
    ['both apiKey and oauth', { apiKey, oauth: { clientId, clientSecret } }, 'oauth', 'oneOf'],
    ['neither apiKey nor oauth', {}, 'apiKey', 'required'],
    ['oauth without a clientId', { oauth: { clientSecret } }, 'oauth.clientId', 'required'],
    ['oauth with an empty clientSecret', { oauth: { clientId, clientSecret: '' } }, 'oauth.clientSecret', 'required'],
    [
      'oauth with a token URL that is not one',
      { oauth: { clientId, clientSecret, tokenUrl: 'auth.example/token' } },
      'oauth.tokenUrl',
      'format',
    ],
    ['oauth with a non-HTTP token URL', { oauth: { clientId, clientSecret, tokenUrl: 'file:///etc/token' } }, 'oauth.tokenUrl', 'format'],
  ])('refuses %s when the client is created, naming the field', (_case, options, field, rule) => {
    let error: unknown;
    try {
      createVectaraClient(options as Parameters<typeof createVectaraClient>[0]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, rule });
    expect((error as Error).message).not.toContain(clientSecret);
  });
});
