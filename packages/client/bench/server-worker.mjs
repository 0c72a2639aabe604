// Runs the bench server in a worker thread; posts its URL when listening.
import { createServer } from 'node:http';
import { parentPort } from 'node:worker_threads';

const body = JSON.stringify({
  sessions: Array.from({ length: 10 }, (_, index) => ({
    key: `session_${index}`,
    name: `Session ${index}`,
    agent_key: 'bench_agent',
    description: 'Customer support session for billing inquiry',
    metadata: { customer_id: 'customer_12345', priority: 'high' },
    enabled: true,
    created_at: '2024-01-15T10:30:00Z',
  })),
  metadata: { page_key: 'next' },
});
const server = createServer({ keepAlive: true }, (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => parentPort?.postMessage(`http://127.0.0.1:${server.address().port}`));
