import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenError, tokenSource } from '../src/oauth.js';
import { vectara } from '../src/providers/vectara.js';
import { readLiveSettings } from '../src/settings.js';

const secret = 'cs_unit_secret_do_not_leak';

/** A local OAuth2 token endpoint: client credentials in the form body; every answer counted and held until released. */
let url: string;
let requests = 0;
let lifetime = 3600;
let refuse = false;
let hold: Promise<void> | undefined;
const server = createServer(async (request, response) => {
  requests++;
  let text = '';
  for await (const chunk of request) text += chunk;
  await hold;
  const form = new URLSearchParams(text);
  if (refuse || form.get('client_secret') !== secret || form.get('grant_type') !== 'client_credentials') {
    response.writeHead(401, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'invalid_client' }));
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ access_token: `token_${requests}`, token_type: 'Bearer', expires_in: lifetime }));
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/token`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const credentials = () => ({ clientId: 'client', clientSecret: secret, tokenUrl: url });

describe('OAuth2 tokens of a live run', () => {
  it('reuses one token while it is valid and fetches a new one shortly before expiry (fake clock)', async () => {
    requests = 0;
    lifetime = 3600;
    let now = 0;
    const tokens = tokenSource(credentials(), () => now);
    expect(await tokens.token()).toBe('token_1');
    now = 3_000_000;
    expect(await tokens.token()).toBe('token_1');
    now = 3_600_000 - 10_000; // inside the 30 s margin before expiry
    expect(await tokens.token()).toBe('token_2');
    expect(tokens.requests).toBe(2);
  });

  it('makes concurrent first callers share one token request', async () => {
    requests = 0;
    let release = () => {};
    hold = new Promise((resolve) => {
      release = resolve;
    });
    const tokens = tokenSource(credentials());
    const all = Promise.all([tokens.token(), tokens.token(), tokens.token()]);
    release();
    expect(await all).toEqual(['token_1', 'token_1', 'token_1']);
    expect(requests).toBe(1);
    hold = undefined;
  });

  it('says the endpoint refused, with the status and without the secret', async () => {
    refuse = true;
    try {
      const error = await tokenSource(credentials())
        .token()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TokenError);
      expect(error).toMatchObject({ status: 401, message: expect.stringContaining('HTTP 401') });
      expect(String((error as Error).message)).not.toContain(secret);
    } finally {
      refuse = false;
    }
  });
});

describe('live settings for Vectara', () => {
  const base = { VECTARA_AGENT_KEY: 'customer_support', VECTARA_CLIENT_ID: 'client', VECTARA_CLIENT_SECRET: secret };

  it('uses OAuth with the token URL of the spec’s security scheme when no API key is set', () => {
    expect(readLiveSettings(vectara, base)).toMatchObject({
      auth: { kind: 'oauth', clientId: 'client', tokenUrl: 'https://auth.vectara.io/oauth2/token' },
      baseUrl: 'https://api.vectara.io',
    });
  });

  it('lets VECTARA_TOKEN_URL override the token URL', () => {
    expect(readLiveSettings(vectara, { ...base, VECTARA_TOKEN_URL: url })).toMatchObject({ auth: { kind: 'oauth', tokenUrl: url } });
  });

  it('prefers the API key when it is set, and needs both halves of the client credentials', () => {
    expect(readLiveSettings(vectara, { ...base, VECTARA_API_KEY: 'key' })).toMatchObject({ auth: { kind: 'api-key', apiKey: 'key' } });
    expect(readLiveSettings(vectara, { VECTARA_AGENT_KEY: 'customer_support', VECTARA_CLIENT_ID: 'client' })).toEqual({
      missing: ['VECTARA_API_KEY (or VECTARA_CLIENT_ID and VECTARA_CLIENT_SECRET)'],
    });
  });
});
