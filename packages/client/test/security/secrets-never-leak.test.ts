import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVectaraClient, createVerisoulClient } from '../../src/index.js';
import { fakeTimeouts, waitFor } from '../support/clock.js';
import { clientId, clientSecret, startTokenEndpoint, type TokenEndpoint } from '../support/oauth.js';
import { apiKey, sendJson, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let tokens: TokenEndpoint | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  await tokens?.close();
});

/** Every way an error gets printed or shipped: message, toString, stack, inspect (cause chain included), JSON. */
function renderings(error: unknown): string[] {
  const asError = error as Error;
  return [asError.message, String(error), asError.stack ?? '', inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error)];
}

/** Each secret as it is and in the encodings a provider might echo it in. */
const forms = (secret: string) => [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];

function expectNoSecret(error: unknown, secrets: string[]) {
  expect(error).toBeInstanceOf(Error);
  for (const text of renderings(error)) for (const secret of secrets.flatMap(forms)) expect(text).not.toContain(secret);
}

/** A hostile provider: every refusal echoes whatever credentials it was sent, in the body and a header. */
function echoingProvider() {
  return startServer((request, response) => {
    if (request.url?.includes('agt_slow')) return;
    if (request.url?.includes('reset')) return request.socket.destroy();
    if (request.url?.includes('html')) return response.end('<html></html>');
    const sent = `${request.headers['x-api-key'] ?? ''} ${request.headers.authorization ?? ''}`;
    sendJson(
      response,
      401,
      { messages: [`Invalid credentials: ${sent}`, encodeURIComponent(sent)], request_id: sent, echo: { [sent]: [sent] } },
      { 'x-request-id': encodeURIComponent(sent) },
    );
  });
}

const cases: [string, (url: string) => Promise<unknown>][] = [
  ['an ApiError', (url) => createVectaraClient({ apiKey, baseUrl: url, retry: false }).listAgentSessions('agt_a', { limit: 5 })],
  ['a TimeoutError', (url) => createVectaraClient({ apiKey, baseUrl: url, timeoutMs: 50, retry: false }).listAgentSessions('agt_slow')],
  ['an UnparseableBodyError', (url) => createVerisoulClient({ apiKey, environment: 'sandbox', baseUrl: url }).getAccountSessions('html')],
  [
    'a NetworkError',
    (url) => createVerisoulClient({ apiKey, environment: 'sandbox', baseUrl: url, retry: false }).getAccountSessions('reset'),
  ],
  ['a ValidationError', (url) => createVectaraClient({ apiKey, baseUrl: url }).listAgentSessions('no/pe')],
];

describe('the API key never appears in an error', () => {
  it.each(cases)('%s', async (_kind, call) => {
    server = await echoingProvider();
    const error = await call(server.url).catch((caught: unknown) => caught);
    expectNoSecret(error, [apiKey]);
  });

  it('keeps the provider data around the key: the echo is redacted, not dropped', async () => {
    server = await echoingProvider();
    const error = await createVectaraClient({ apiKey, baseUrl: server.url, retry: false })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 401, messages: ['Invalid credentials: [REDACTED] ', '[REDACTED]%20'] });
  });

  it('keeps the key out of a printed client', () => {
    const client = createVectaraClient({ apiKey, baseUrl: 'http://127.0.0.1:9' });
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(apiKey);
    expect(JSON.stringify(client)).not.toContain(apiKey);
  });
});

describe('the OAuth client secret and tokens never appear in an error', () => {
  const token = 'tok_SENTINEL_3a7f_once';
  const renewed = 'tok_SENTINEL_8c2e_twice';
  const secrets = [clientSecret, token, renewed];
  const oauth = (tokenUrl: string) => ({ clientId, clientSecret, tokenUrl });

  it.each([
    ['an ApiError after a renewal (the provider echoes both tokens)', 200],
    ['an AuthenticationError (the endpoint echoes the secret and a token in its refusal)', 401],
    ['an AuthenticationError (the endpoint answers 200 without an access_token)', 'no-token'],
  ] as const)('%s', async (_kind, tokenAnswer) => {
    tokens = await startTokenEndpoint((index) =>
      tokenAnswer === 200
        ? { status: 200, body: { access_token: index === 0 ? token : renewed, expires_in: 3600 } }
        : tokenAnswer === 401
          ? { status: 401, body: { error: 'invalid_client', error_description: `${clientSecret} ${token}`, access_token: token } }
          : { status: 200, body: { token_type: 'Bearer', note: clientSecret } },
    );
    server = await echoingProvider();
    const error = await createVectaraClient({ oauth: oauth(tokens.tokenUrl), baseUrl: server.url, retry: false })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: tokenAnswer === 200 ? 'ApiError' : 'AuthenticationError' });
    if (tokenAnswer === 200)
      expect(server.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${token}`, `Bearer ${renewed}`]);
    expectNoSecret(error, secrets);
  });

  it('an AuthenticationError when the token endpoint is down, and a TimeoutError from the provider', async () => {
    tokens = await startTokenEndpoint(() => ({ status: 200, body: { access_token: token, expires_in: 3600 } }));
    server = await echoingProvider();
    // The token request and the provider request share the 50 ms timeout: the clock moves only once the
    // provider holds the request, so a slow token answer on a busy machine cannot time out instead.
    fakeTimeouts();
    const pending = createVectaraClient({ oauth: oauth(tokens.tokenUrl), baseUrl: server.url, timeoutMs: 50, retry: false })
      .listAgentSessions('agt_slow')
      .catch((caught: unknown) => caught);
    await waitFor(() => server.requests.length === 1);
    await vi.advanceTimersByTimeAsync(50);
    const timeout = await pending;
    vi.useRealTimers();
    expect(timeout).toMatchObject({ name: 'TimeoutError' });
    expectNoSecret(timeout, secrets);

    const { tokenUrl } = tokens;
    await tokens.close();
    const down = await createVectaraClient({ oauth: oauth(tokenUrl), baseUrl: server.url, retry: false })
      .listAgentSessions('agt_a')
      .catch((caught: unknown) => caught);
    expect(down).toMatchObject({ name: 'AuthenticationError' });
    expectNoSecret(down, secrets);
  });

  it('a ValidationError of the OAuth options, and a printed client', () => {
    let error: unknown;
    try {
      createVectaraClient({ oauth: { clientId, clientSecret, tokenUrl: `https://${clientId}:${clientSecret}@bad url` } });
    } catch (caught) {
      error = caught;
    }
    expectNoSecret(error, secrets);
    const client = createVectaraClient({ oauth: oauth('http://127.0.0.1:9/token') });
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(clientSecret);
    expect(JSON.stringify(client)).not.toContain(clientSecret);
  });
});
