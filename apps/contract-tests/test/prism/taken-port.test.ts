/**
 * The Prism child (src/prism-process.mjs) picks each port right before Prism listens. On a busy machine another
 * process can take that port in between (seen in CI: `listen EADDRINUSE`, and a run that could not run): Prism
 * then listens on another port, and says which.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { specPath } from '@api-contracts/specs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PrismJob, PrismMessage } from '../../src/prism-process.mjs';

const childFile = fileURLToPath(new URL('../../src/prism-process.mjs', import.meta.url));

let taken: Server;
let takenPort: number;
let child: ChildProcess | undefined;
beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  takenPort = (taken.address() as { port: number }).port;
});
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill();
    await exited;
  }
  await new Promise((resolve) => taken.close(resolve));
});

it('serves on another port when the one it tried is taken, and reports the one it serves on', async () => {
  const document = specPath('vectara');
  const job: PrismJob = { servers: [{ document, port: takenPort }], dynamic: false, seed: null };
  child = fork(childFile, [JSON.stringify(job)], { execArgv: [], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const message = await new Promise<PrismMessage>((resolve, reject) => {
    child?.once('message', (received: PrismMessage) => resolve(received));
    child?.once('exit', (code) => reject(new Error(`the Prism child exited (${code}) before it reported`)));
  });
  expect(message).toEqual({ listening: document, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
  const url = 'url' in message ? message.url : '';
  expect(url).not.toBe(`http://127.0.0.1:${takenPort}`);
  // It is Prism, serving the spec there: an unknown agent is the spec's 404.
  const response = await fetch(`${url}/v2/agents/unknown/sessions`, { headers: { 'x-api-key': 'k', prefer: 'code=404' } });
  expect(response.status).toBe(404);
});
