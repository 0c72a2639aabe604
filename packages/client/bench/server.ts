import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A keep-alive server answering every request with a page of `perPage` sessions, chained by
 * page_key `p<n>` for `pages` pages. Bodies are built once per page so the server costs little.
 */
export async function startPageServer(pages: number, perPage: number) {
  const bodies = Array.from({ length: pages }, (_, page) =>
    JSON.stringify({
      sessions: Array.from({ length: perPage }, (_, index) => ({
        key: `session_${page * perPage + index}`,
        name: `Session ${page * perPage + index}`,
        agent_key: 'bench_agent',
        description: 'Customer support session for billing inquiry',
        metadata: { customer_id: 'customer_12345', priority: 'high' },
        enabled: true,
        created_at: '2024-01-15T10:30:00Z',
      })),
      metadata: page + 1 < pages ? { page_key: `p${page + 1}` } : {},
    }),
  );
  const server = createServer({ keepAlive: true }, (request, response) => {
    const pageKey = new URL(request.url ?? '/', 'http://x').searchParams.get('page_key');
    const body = bodies[pageKey ? Number(pageKey.slice(1)) : 0] ?? bodies[0];
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body ?? '') });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).finally(() => server.closeAllConnections()),
  };
}
