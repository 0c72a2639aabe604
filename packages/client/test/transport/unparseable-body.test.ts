import { afterEach, describe, expect, it } from 'vitest';
import { createVerisoulClient, UnparseableBodyError } from '../../src/index.js';
import { apiKey, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
afterEach(() => server?.close());

describe('unparseable bodies', () => {
  it.each([
    ['HTML from a proxy', 'text/html', '<html>502 gateway</html>'],
    ['truncated JSON', 'application/json', '{"request_id": "r", "sess'],
    ['an empty body', 'application/json', ''],
  ])('turns %s on a 200 into an UnparseableBodyError with the status and content type', async (_case, contentType, body) => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': contentType });
      response.end(body);
    });
    const error = await createVerisoulClient({ apiKey, environment: 'sandbox', baseUrl: server.url })
      .getAccountSessions('a')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnparseableBodyError);
    expect(error).toMatchObject({ status: 200, contentType, operation: 'getAccountSessions' });
  });
});
