import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVectaraClient, createVerisoulClient, ValidationError } from '../../src/index.js';
import { apiKey, sendJson, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, 200, { sessions: [], metadata: {} }));
});
afterAll(() => server.close());

async function refusal(call: () => Promise<unknown>) {
  const error = await call().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('input checked against the spec before any request', () => {
  const vectara = () => createVectaraClient({ apiKey, baseUrl: server.url });
  const verisoul = () => createVerisoulClient({ apiKey, environment: 'sandbox', baseUrl: server.url });

  it.each([
    ['an agent key without the agt_ prefix', () => vectara().listAgentSessions('support'), 'agent_key', 'pattern'],
    ['an agent key with a slash', () => vectara().listAgentSessions('agt_a/b'), 'agent_key', 'pattern'],
    ['an empty agent key', () => vectara().listAgentSessions(''), 'agent_key', 'required'],
    ['a limit of 0', () => vectara().listAgentSessions('agt_a', { limit: 0 }), 'limit', 'minimum'],
    ['a limit of 101', () => vectara().listAgentSessions('agt_a', { limit: 101 }), 'limit', 'maximum'],
    ['a fractional limit', () => vectara().listAgentSessions('agt_a', { limit: 2.5 }), 'limit', 'type'],
    ['a string limit', () => vectara().listAgentSessions('agt_a', { limit: '10' as unknown as number }), 'limit', 'type'],
    ['a string enabled', () => vectara().listAgentSessions('agt_a', { enabled: 'yes' as unknown as boolean }), 'enabled', 'type'],
    ['an empty account id', () => verisoul().getAccountSessions(''), 'account_id', 'required'],
    ['an account id of ".."', () => verisoul().getAccountSessions('..'), 'account_id', 'path-segment'],
    ['an account id of "."', () => verisoul().getAccountSessions('.'), 'account_id', 'path-segment'],
  ])('refuses %s, naming %s and the %s rule', async (_case, call, field, rule) => {
    const error = await refusal(call);
    expect(error).toMatchObject({ field, rule });
    expect(error.message).toMatch(new RegExp(`^Invalid ${field}: .+ \\(rule: ${rule}\\)$`));
    expect(server.requests).toHaveLength(0);
  });

  it('names the pattern it read from the spec', async () => {
    const error = await refusal(() => vectara().listAgentSessions('bot_1'));
    expect(error.message).toBe('Invalid agent_key: must match ^agt_[0-9a-zA-Z_-]+$, got "bot_1" (rule: pattern)');
  });

  it.each([undefined, '', '   '])('refuses a missing API key (%j) when the client is created', (missing) => {
    expect(() => createVectaraClient({ apiKey: missing as string })).toThrow(
      expect.objectContaining({ name: 'ValidationError', field: 'apiKey', rule: 'required' }),
    );
    expect(() => createVerisoulClient({ apiKey: missing as string, environment: 'sandbox' })).toThrow(ValidationError);
  });

  it('accepts the bounds themselves', async () => {
    await vectara().listAgentSessions('agt_a-B_9', { limit: 1 });
    await vectara().listAgentSessions('agt_a', { limit: 100 });
    expect(server.requests.map((request) => request.target)).toEqual([
      '/v2/agents/agt_a-B_9/sessions?limit=1',
      '/v2/agents/agt_a/sessions?limit=100',
    ]);
    server.requests.length = 0;
  });
});
