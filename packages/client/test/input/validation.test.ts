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
    ['an agent key with a dot', () => vectara().listAgentSessions('support.v2'), 'agent_key', 'pattern'],
    ['an agent key with a slash', () => vectara().listAgentSessions('customer/support'), 'agent_key', 'pattern'],
    ['an empty agent key', () => vectara().listAgentSessions(''), 'agent_key', 'required'],
    ['an agent key of 51 characters', () => vectara().listAgentSessions('a'.repeat(51)), 'agent_key', 'maxLength'],
    ['a limit of 0', () => vectara().listAgentSessions('customer_support', { limit: 0 }), 'limit', 'minimum'],
    ['a limit of 101', () => vectara().listAgentSessions('customer_support', { limit: 101 }), 'limit', 'maximum'],
    ['a fractional limit', () => vectara().listAgentSessions('customer_support', { limit: 2.5 }), 'limit', 'type'],
    ['a string limit', () => vectara().listAgentSessions('customer_support', { limit: '10' as unknown as number }), 'limit', 'type'],
    ['a boolean filter', () => vectara().listAgentSessions('customer_support', { filter: true as unknown as string }), 'filter', 'type'],
    [
      'a metadata filter of 8,001 characters',
      () => vectara().listAgentSessions('customer_support', { metadataFilter: 'x'.repeat(8_001) }),
      'metadata_filter',
      'maxLength',
    ],
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
    const error = await refusal(() => vectara().listAgentSessions('bot 1'));
    expect(error.message).toBe('Invalid agent_key: must match ^[0-9a-zA-Z_-]+$, got "bot 1" (rule: pattern)');
  });

  it.each([undefined, '', '   '])('refuses a missing API key (%j) when the client is created', (missing) => {
    expect(() => createVectaraClient({ apiKey: missing as string })).toThrow(
      expect.objectContaining({ name: 'ValidationError', field: 'apiKey', rule: 'required' }),
    );
    expect(() => createVerisoulClient({ apiKey: missing as string, environment: 'sandbox' })).toThrow(ValidationError);
  });

  it.each([0, -5, 2.5, Number.NaN, '100'])('refuses a timeoutMs of %j when the client is created', (timeoutMs) => {
    expect(() => createVectaraClient({ apiKey, timeoutMs: timeoutMs as number })).toThrow(
      expect.objectContaining({ name: 'ValidationError', field: 'timeoutMs', rule: 'minimum' }),
    );
  });

  it('accepts the bounds themselves, and agent keys without any prefix', async () => {
    await vectara().listAgentSessions('customer_support', { limit: 1 });
    await vectara().listAgentSessions('a-B_9', { limit: 100 });
    await vectara().listAgentSessions('k'.repeat(50), { metadataFilter: 'x'.repeat(8_000) });
    expect(server.requests.map((request) => request.target.slice(0, 80))).toEqual([
      '/v2/agents/customer_support/sessions?limit=1',
      '/v2/agents/a-B_9/sessions?limit=100',
      `/v2/agents/${'k'.repeat(50)}/sessions?metadata_filter=${'x'.repeat(80)}`.slice(0, 80),
    ]);
    server.requests.length = 0;
  });
});
