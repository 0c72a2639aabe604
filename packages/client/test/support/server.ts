import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** The request target exactly as it arrived on the wire: path and query, still percent-encoded. */
  target: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, index: number) => void;

/** A real HTTP server on 127.0.0.1 with an ephemeral port, recording every request it receives. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', target: request.url ?? '', headers: request.headers, at: Date.now() });
    handler(request, response, requests.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    // Idempotent, so an afterEach may close a server a test already closed or never started.
    close: () =>
      new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export const apiKey = 'sk_test_SENTINEL_5c1e3f0a';

/** A session as the spec requires it: `key`, `name`, `agent_key`, `enabled`, `created_at`. */
export function session(index: number, agentKey = 'customer_support') {
  return { key: `session_${index}`, name: `Session ${index}`, agent_key: agentKey, enabled: true, created_at: '2024-01-15T10:30:00Z' };
}
