// Runs the bench server in a worker thread; posts its URL when listening. Every answer is one page of
// `workerData.perPage` sessions (default 10), each carrying the fields a real provider sends.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const perPage = workerData?.perPage ?? 10;
const body = JSON.stringify({
  sessions: Array.from({ length: perPage }, (_, index) => ({
    key: `session_${index}`,
    name: `Session ${index}`,
    agent_key: 'bench_agent',
    description: 'Customer support session for billing inquiry',
    metadata: { customer_id: 'customer_12345', priority: 'high' },
    enabled: true,
    status: 'stopped',
    tti_minutes: 60,
    current_step_name: null,
    created_at: '2024-01-15T10:30:00Z',
    session_context_usage: { input_tokens: { count: 120, cached_tokens: 100 }, output_tokens: { count: 30 }, total_tokens: 150 },
  })),
  metadata: { page_key: 'next' },
});
const server = createServer({ keepAlive: true }, (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => parentPort?.postMessage(`http://127.0.0.1:${server.address().port}`));
