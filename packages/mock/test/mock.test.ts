// The mock through the real client over real HTTP on 127.0.0.1: paging, the specs' errors, credentials,
// OAuth, overrides, and a close that leaves nothing listening.
import { connect } from 'node:net';
import { createVectaraClient, createVerisoulClient, isApiError } from '@api-contracts/client';
import { apis, loadSpec } from '@api-contracts/specs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Mock, MockSeedError, startMock } from '../src/index.js';

const session = (index: number) => ({
  key: `ase_${String(index).padStart(3, '0')}`,
  name: `Session ${index}`,
  agent_key: 'paged_agent',
  enabled: true,
  created_at: '2024-01-15T10:30:00Z',
});

let mock: Mock;
beforeAll(async () => {
  mock = await startMock();
});
afterEach(() => mock.reset());
afterAll(() => mock?.close());

const vectara = () => createVectaraClient({ apiKey: 'test-key', baseUrl: mock.url, retry: false });
const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected an error'),
    (error: unknown) => error,
  );

describe('what it serves', () => {
  it('serves every operation of both specs, at the specs own paths', () => {
    const expected: Record<string, string> = {};
    for (const api of apis)
      for (const [path, item] of Object.entries<Record<string, { operationId: string }>>(loadSpec(api).paths))
        for (const [method, operation] of Object.entries(item)) expected[operation.operationId] = `${method.toUpperCase()} ${path}`;
    expect(mock.operations).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(2);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('seeds the specs examples: an agent of the example, page after page, and an account', async () => {
    const keys: string[] = [];
    for await (const item of vectara().iterateAgentSessions('customer_support', { limit: 1 })) keys.push(item.key);
    expect(keys).toEqual(['ase_customer_support_001', 'ase_customer_support_002', 'ase_customer_support_003']);

    const verisoul = createVerisoulClient({ apiKey: 'test-key', baseUrl: mock.url, retry: false });
    expect((await verisoul.getAccountSessions('account_sessions')).sessions).toEqual([
      '56f9a065-1583-48af-a5c4-cd5921b21a12',
      '2ddd11ed-2a46-4e21-9dc2-c2dbe7f7ef69',
    ]);
    expect((await verisoul.getAccountSessions('no_sessions')).sessions).toEqual([]);
  });
});

describe('paging', () => {
  it('iterates every page with limit 2 over 7 seeded sessions, each once, the last page without page_key', async () => {
    mock.seed(
      'listAgentSessions',
      'paged_agent',
      Array.from({ length: 7 }, (_, index) => session(index + 1)),
    );
    const keys: string[] = [];
    for await (const item of vectara().iterateAgentSessions('paged_agent', { limit: 2 })) keys.push(item.key);
    expect(keys).toEqual(['ase_001', 'ase_002', 'ase_003', 'ase_004', 'ase_005', 'ase_006', 'ase_007']);
    const pages = mock.requests.filter((request) => request.path === '/v2/agents/paged_agent/sessions');
    expect(pages.map((request) => [request.query.limit, request.query.page_key !== undefined])).toEqual([
      ['2', false],
      ['2', true],
      ['2', true],
      ['2', true],
    ]);
    const last = await vectara().listAgentSessions('paged_agent', { limit: 7 });
    expect(last.sessions).toHaveLength(7);
    expect(last.metadata.page_key).toBeUndefined();
  });

  it("uses the spec's default limit (10) when none is given", async () => {
    mock.seed(
      'listAgentSessions',
      'paged_agent',
      Array.from({ length: 12 }, (_, index) => session(index + 1)),
    );
    const first = await vectara().listAgentSessions('paged_agent');
    expect(first.sessions).toHaveLength(10);
    const second = await vectara().listAgentSessions('paged_agent', { pageKey: first.metadata.page_key as string });
    expect(second.sessions.map((item) => item.key)).toEqual(['ase_011', 'ase_012']);
  });

  it("refuses a page_key it did not issue for this agent with the spec's 400", async () => {
    const foreign = (await vectara().listAgentSessions('customer_support', { limit: 1 })).metadata.page_key as string;
    mock.seed('listAgentSessions', 'paged_agent', [session(1), session(2)]);
    for (const pageKey of [foreign, 'not-a-cursor']) {
      const error = await caught(vectara().listAgentSessions('paged_agent', { pageKey }));
      if (!isApiError(error, 400, 'listAgentSessions')) throw error;
      expect(error.body.field_errors).toEqual({ page_key: 'is not a cursor this server issued for this resource' });
    }
  });
});

describe("the specs' errors", () => {
  it('answers an unknown agent with the 404 and NotFoundError body Vectara documents, naming the agent', async () => {
    const error = await caught(vectara().listAgentSessions('unknown_agent_42'));
    if (!isApiError(error, 404, 'listAgentSessions')) throw error;
    expect(error.body.id).toBe('unknown_agent_42');
    expect(error.messages).toEqual(['Agent with the specified agent_key does not exist']);
  });

  it('answers an unknown account with the 400 Verisoul documents', async () => {
    const verisoul = createVerisoulClient({ apiKey: 'test-key', baseUrl: mock.url, retry: false });
    const error = await caught(verisoul.getAccountSessions('acct_unknown'));
    if (!isApiError(error, 400, 'getAccountSessions')) throw error;
    expect(error.body).toEqual({ statusCode: 400, message: 'Account not found' });
  });

  it("validates parameters against the spec: the documented 400 with the field's error", async () => {
    const response = await fetch(`${mock.url}/v2/agents/customer_support/sessions?limit=500`, { headers: { 'x-api-key': 'k' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field_errors: { limit: 'must be <= 100' } });
    const badKey = await fetch(`${mock.url}/v2/agents/bad%20key/sessions`, { headers: { 'x-api-key': 'k' } });
    expect(badKey.status).toBe(400);
    expect(await badKey.json()).toMatchObject({ field_errors: { agent_key: expect.stringContaining('pattern') } });
  });
});

describe('credentials', () => {
  it('answers 401 without credentials, with the body the spec documents', async () => {
    const response = await fetch(`${mock.url}/v2/agents/customer_support/sessions`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ messages: ['Invalid or missing API key'], request_id: '2f1d9b7a-8c3e-4e5f-9a1b-0c2d3e4f5a6b' });
    expect((await fetch(`${mock.url}/account/account_sessions/sessions`)).status).toBe(401);
    // A bearer token the mock never issued is no credential either.
    const forged = await fetch(`${mock.url}/v2/agents/customer_support/sessions`, { headers: { authorization: 'Bearer forged' } });
    expect(forged.status).toBe(401);
  });

  it('accepts only the given keys when told to', async () => {
    const strict = await startMock({ apiKeys: ['right-key'] });
    try {
      const wrong = createVectaraClient({ apiKey: 'wrong-key', baseUrl: strict.url, retry: false });
      expect(isApiError(await caught(wrong.listAgentSessions('customer_support')), 401)).toBe(true);
      const right = createVectaraClient({ apiKey: 'right-key', baseUrl: strict.url, retry: false });
      expect((await right.listAgentSessions('customer_support')).sessions).toHaveLength(3);
    } finally {
      await strict.close();
    }
  });

  it("serves OAuth's client-credentials token endpoint; the client's token opens the API", async () => {
    expect(mock.tokenUrl).toBe(`${mock.url}/oauth2/token`);
    const client = createVectaraClient({
      oauth: { clientId: 'client id', clientSecret: 's3cret:+/', tokenUrl: mock.tokenUrl as string },
      baseUrl: mock.url,
      retry: false,
    });
    expect((await client.listAgentSessions('customer_support')).sessions).toHaveLength(3);
    expect(mock.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
      'POST /oauth2/token 200',
      'GET /v2/agents/customer_support/sessions 200',
    ]);
    // reset() ends every token: the client gets a new one on the 401 and goes on.
    mock.reset();
    expect((await client.listAgentSessions('customer_support')).sessions).toHaveLength(3);
    expect(mock.requests.map((request) => request.status)).toEqual([401, 200, 200]);
  });

  it('refuses clients it was not told of, and a grant other than client_credentials', async () => {
    const strict = await startMock({ oauthClients: [{ clientId: 'id', clientSecret: 'secret' }] });
    try {
      const client = createVectaraClient({
        oauth: { clientId: 'id', clientSecret: 'wrong', tokenUrl: strict.tokenUrl as string },
        baseUrl: strict.url,
        retry: false,
      });
      const error = await caught(client.listAgentSessions('customer_support'));
      expect(error).toMatchObject({ name: 'AuthenticationError', status: 401 });
      const grant = await fetch(strict.tokenUrl as string, {
        method: 'POST',
        headers: { authorization: `Basic ${btoa('id:secret')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=password',
      });
      expect(grant.status).toBe(400);
      expect(await grant.json()).toEqual({ error: 'unsupported_grant_type' });
    } finally {
      await strict.close();
    }
  });
});

describe('per-test overrides', () => {
  it('forces a 503 on every request until reset', async () => {
    mock.force('listAgentSessions', 503);
    for (let attempt = 0; attempt < 2; attempt++)
      expect(isApiError(await caught(vectara().listAgentSessions('customer_support')), 503)).toBe(true);
    mock.reset();
    expect((await vectara().listAgentSessions('customer_support')).sessions).toHaveLength(3);
  });

  it("forces the spec's 429 once, with its Retry-After, and the client's retry gets through", async () => {
    mock.force('listAgentSessions', 429, { times: 1 });
    const retrying = createVectaraClient({ apiKey: 'test-key', baseUrl: mock.url });
    expect((await retrying.listAgentSessions('customer_support')).sessions).toHaveLength(3);
    expect(mock.requests.map((request) => request.status)).toEqual([429, 200]);

    mock.force('listAgentSessions', 429, { times: 1 });
    const response = await fetch(`${mock.url}/v2/agents/customer_support/sessions`, { headers: { 'x-api-key': 'k' } });
    expect(response.headers.get('retry-after')).toBe('0');
    expect(await response.json()).toEqual({
      messages: ['Request rate limit exceeded'],
      request_id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    });
  });

  it('forces a body of the test', async () => {
    mock.force('getAccountSessions', 500, { body: { message: 'boom' } });
    const verisoul = createVerisoulClient({ apiKey: 'test-key', baseUrl: mock.url, retry: false });
    const error = await caught(verisoul.getAccountSessions('account_sessions'));
    if (!isApiError(error, 500)) throw error;
    expect(error.messages).toEqual(['boom']);
  });

  it('seeds data of the test, forgets it, and reset brings the examples back', async () => {
    mock.seed('getAccountSessions', 'acct_1', { request_id: 'r-1', sessions: ['s-1'] });
    mock.forget('listAgentSessions', 'customer_support');
    const verisoul = createVerisoulClient({ apiKey: 'test-key', baseUrl: mock.url, retry: false });
    expect(await verisoul.getAccountSessions('acct_1')).toEqual({ request_id: 'r-1', sessions: ['s-1'] });
    expect(isApiError(await caught(vectara().listAgentSessions('customer_support')), 404)).toBe(true);
    mock.reset();
    expect((await vectara().listAgentSessions('customer_support')).sessions).toHaveLength(3);
    expect(isApiError(await caught(verisoul.getAccountSessions('acct_1')), 400)).toBe(true);
  });

  it('refuses seed data the spec refuses, naming the field and the rule', () => {
    const bad = () => mock.seed('listAgentSessions', 'paged_agent', [{ ...session(1), key: 'has space' }]);
    expect(bad).toThrow(MockSeedError);
    expect(bad).toThrow(expect.objectContaining({ field: '/sessions/0/key', rule: expect.stringMatching(/^pattern: /) }));
    expect(() => mock.seed('noSuchOperation', 'x', {})).toThrow(
      /^No operation noSuchOperation: the specs have (\w+, )*listAgentSessions\b/,
    );
    expect(() => mock.force('listAgentSessions', 42)).toThrow(expect.objectContaining({ field: 'status' }));
    expect(() => mock.seed('getAccountSessions', 'acct_1', ['s-1'])).toThrow(/getAccountSessions is not paged \(no x-paging in its spec\)/);
  });

  it('starts from seed options and without the examples when asked', async () => {
    const own = await startMock({ examples: false, seed: { listAgentSessions: { paged_agent: [session(1)] } } });
    try {
      const client = createVectaraClient({ apiKey: 'test-key', baseUrl: own.url, retry: false });
      expect((await client.listAgentSessions('paged_agent')).sessions.map((item) => item.key)).toEqual(['ase_001']);
      expect(isApiError(await caught(client.listAgentSessions('customer_support')), 404)).toBe(true);
    } finally {
      await own.close();
    }
  });
});

describe('close', () => {
  it('leaves no listener, even with a keep-alive connection open', async () => {
    const own = await startMock();
    const { port } = new URL(own.url);
    // fetch keeps its connection alive: close() must not wait for it.
    expect((await fetch(`${own.url}/v2/agents/customer_support/sessions`, { headers: { 'x-api-key': 'k' } })).status).toBe(200);
    await own.close();
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });
});
