// Reading a definition: a server that never answers is given up on (could not run), not waited for forever.
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CouldNotRun, loadDefinition } from '../../src/vendor/definition.js';

let port: number;
const sockets: Socket[] = [];
const silent = createServer((socket) => sockets.push(socket)); // accepts, never answers
beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  port = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

it('a server that accepts and never answers: CouldNotRun "timed out" once the timeout passes', async () => {
  const loading = loadDefinition(`http://127.0.0.1:${port}/vectara-oas-v2.yaml`, { timeoutMs: 200 });
  await expect(loading).rejects.toBeInstanceOf(CouldNotRun);
  await expect(loading).rejects.toThrow(`could not fetch http://127.0.0.1:${port}/vectara-oas-v2.yaml: timed out`);
  // It reached the server (timed out, not refused). On a busy machine the client's timer can fire before this
  // process has handled the accept: wait for that event, not for a guessed time.
  if (sockets.length === 0) await once(silent, 'connection');
  expect(sockets.length).toBeGreaterThan(0);
});
