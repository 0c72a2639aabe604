// Redaction never garbles structure: a key too short to be told from ordinary text (`k`) is replaced only
// where a whole value is the key, so a drift pointer `/sessions/0/key` stays as it is; a long key stays
// redacted in every form wherever it is echoed.
import { responseValidators as vectaraValidators } from '@api-contracts/types/vectara/validators';
import { afterEach, describe, expect, it } from 'vitest';
import { createVectaraClient, type DriftReport } from '../../src/index.js';
import { minimumSecretLength, redact } from '../../src/redact.js';
import { apiKey, sendJson, session, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
afterEach(() => server?.close());

const shortKey = 'k';

describe('redact', () => {
  it('replaces a short secret only where a whole string is the secret, never inside text or a property name', () => {
    const value = { pointer: '/sessions/0/key', k: ['k', 'ok key', encodeURIComponent('k')], nested: { actual: 'k' } };
    expect(redact(value, [shortKey])).toEqual({
      pointer: '/sessions/0/key',
      k: ['[REDACTED]', 'ok key', '[REDACTED]'],
      nested: { actual: '[REDACTED]' },
    });
  });

  it('replaces a long secret wherever it occurs, as is and percent-encoded, property names and pointers included', () => {
    const long = 'sk_long/key+1';
    expect(long.length).toBeGreaterThanOrEqual(minimumSecretLength);
    const value = { [`echo ${long}`]: [`invalid ${long}`, `key=${encodeURIComponent(long)}`], pointer: `/echo/${long}/x`, exact: long };
    expect(redact(value, [long])).toEqual({
      'echo [REDACTED]': ['invalid [REDACTED]', 'key=[REDACTED]'],
      pointer: '/echo/[REDACTED]/x',
      exact: '[REDACTED]',
    });
  });

  it('treats a secret of exactly the minimum length as long, and one character less as short', () => {
    const atMinimum = 'x'.repeat(minimumSecretLength);
    const belowMinimum = 'y'.repeat(minimumSecretLength - 1);
    expect(redact([`a ${atMinimum} b`, `a ${belowMinimum} b`, belowMinimum], [atMinimum, belowMinimum])).toEqual([
      'a [REDACTED] b',
      `a ${belowMinimum} b`,
      '[REDACTED]',
    ]);
  });
});

describe('a client with a short key, against a provider that echoes it', () => {
  it('reports drift at /sessions/0/key intact, and a drifted value equal to the key redacted', async () => {
    server = await startServer((_request, response) => {
      const { key: _dropped, ...withoutKey } = session(0);
      sendJson(response, 200, { sessions: [{ ...withoutKey, created_at: shortKey }], metadata: {} });
    });
    const reports: DriftReport[] = [];
    await createVectaraClient({
      apiKey: shortKey,
      baseUrl: server.url,
      responseValidators: vectaraValidators,
      onDrift: (report) => reports.push(report),
    }).listAgentSessions('customer_support');
    expect(server.requests[0]?.headers['x-api-key']).toBe(shortKey);
    expect(reports[0]?.mismatches).toEqual([
      { pointer: '/sessions/0/key', keyword: 'required', expected: 'present (required)', actual: undefined },
      { pointer: '/sessions/0/created_at', keyword: 'format', expected: 'must match format "date-time"', actual: '[REDACTED]' },
    ]);
  });

  it('redacts an error body value and a header value equal to the key, and leaves words around it alone', async () => {
    server = await startServer((_request, response) =>
      sendJson(response, 401, { messages: [shortKey, 'Invalid key'], request_id: shortKey }, { 'x-request-id': shortKey }),
    );
    const error = await createVectaraClient({ apiKey: shortKey, baseUrl: server.url, retry: false })
      .listAgentSessions('customer_support')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 401, messages: ['[REDACTED]', 'Invalid key'], requestId: '[REDACTED]' });
  });
});

describe('a client with a long key', () => {
  it('still redacts the key echoed inside text, in a drift report', async () => {
    server = await startServer((_request, response) =>
      sendJson(response, 200, { sessions: [{ ...session(0), created_at: `bad ${apiKey} ${encodeURIComponent(apiKey)}` }], metadata: {} }),
    );
    const reports: DriftReport[] = [];
    await createVectaraClient({
      apiKey,
      baseUrl: server.url,
      responseValidators: vectaraValidators,
      onDrift: (report) => reports.push(report),
    }).listAgentSessions('customer_support');
    expect(reports[0]?.mismatches[0]).toMatchObject({ pointer: '/sessions/0/created_at', actual: 'bad [REDACTED] [REDACTED]' });
  });
});
