// A local HTTP server standing in for the providers' docs sites: serves definitions written for a test on
// 127.0.0.1 (ephemeral port), 404 for anything else. Started and stopped by the test.
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';

export interface Served {
  body: string;
  status?: number;
  contentType?: string;
  /** Send without Content-Length (chunked), in pieces, as a server streaming a large file does. */
  chunked?: boolean;
}

export interface DefinitionServer {
  url: (path: string) => string;
  /** Paths requested, in order. */
  requests: string[];
  /** The Authorization header of each request (undefined when none was sent), in order. */
  authorizations: (string | undefined)[];
  close: () => Promise<void>;
}

export async function serveDefinitions(routes: Record<string, Served>): Promise<DefinitionServer> {
  const requests: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    authorizations.push(request.headers.authorization);
    const served = routes[path];
    if (!served) {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not Found</body></html>');
      return;
    }
    const body = Buffer.from(served.body, 'utf8');
    const headers: Record<string, string | number> = { 'content-type': served.contentType ?? 'application/yaml' };
    if (!served.chunked) headers['content-length'] = body.byteLength;
    response.writeHead(served.status ?? 200, headers);
    if (!served.chunked) {
      response.end(body);
      return;
    }
    // In 64 kB pieces, each written when the socket takes it; a client that hangs up ends the stream.
    let offset = 0;
    const writeMore = () => {
      while (offset < body.byteLength) {
        const piece = body.subarray(offset, offset + 65_536);
        offset += piece.byteLength;
        if (!response.write(piece)) return void response.once('drain', writeMore);
      }
      response.end();
    };
    response.on('close', () => {
      offset = body.byteLength;
    });
    writeMore();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    authorizations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on: bound, read, released. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
