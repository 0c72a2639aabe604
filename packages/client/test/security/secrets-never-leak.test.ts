import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createVectaraClient, createVerisoulClient } from '../../src/index.js';
import { apiKey, sendJson, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
afterEach(() => server?.close());

/** Every way an error gets printed or shipped: message, toString, stack, inspect (cause chain included), JSON. */
function renderings(error: unknown): string[] {
  const asError = error as Error;
  return [asError.message, String(error), asError.stack ?? '', inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error)];
}

const cases: [string, (url: string) => Promise<unknown>][] = [
  ['an ApiError', (url) => createVectaraClient({ apiKey, baseUrl: url, retry: false }).listAgentSessions('agt_a', { limit: 5 })],
  ['a TimeoutError', (url) => createVectaraClient({ apiKey, baseUrl: url, timeoutMs: 50, retry: false }).listAgentSessions('agt_slow')],
  ['an UnparseableBodyError', (url) => createVerisoulClient({ apiKey, environment: 'sandbox', baseUrl: url }).getAccountSessions('html')],
  [
    'a NetworkError',
    (url) => createVerisoulClient({ apiKey, environment: 'sandbox', baseUrl: url, retry: false }).getAccountSessions('reset'),
  ],
  ['a ValidationError', (url) => createVectaraClient({ apiKey, baseUrl: url }).listAgentSessions('nope')],
];

describe('the API key never appears in an error', () => {
  it.each(cases)('%s', async (_kind, call) => {
    server = await startServer((request, response) => {
      if (request.url?.includes('agt_slow')) return;
      if (request.url?.includes('reset')) return request.socket.destroy();
      if (request.url?.includes('html')) return response.end('<html></html>');
      // A hostile provider echoing the key back must not make it leak either... into our message.
      sendJson(response, 401, { code: 'unauthorized', message: 'Invalid or missing API key' });
    });
    const error = await call(server.url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    for (const text of renderings(error)) expect(text).not.toContain(apiKey);
  });

  it('keeps the key out of a printed client', () => {
    const client = createVectaraClient({ apiKey, baseUrl: 'http://127.0.0.1:9' });
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(apiKey);
    expect(JSON.stringify(client)).not.toContain(apiKey);
  });
});
