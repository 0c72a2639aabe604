import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PrismJob, PrismMessage } from './prism-process.mjs';

export interface PrismServer {
  url: string;
  /** Milliseconds from spawn to listening. */
  startupMs: number;
  stop(): Promise<void>;
}

const childFile = fileURLToPath(new URL('./prism-process.mjs', import.meta.url));

/**
 * Serves each of `specs` with Prism on 127.0.0.1 and an ephemeral port, all from one child process, resolving
 * once every one listens. `--errors` behaviour: a request that breaks the spec is answered with an error (422)
 * rather than a mock, so a pact request the spec does not allow fails verification. A child rather than
 * Prism in this process: nothing of Prism's lingers after `stop`. Stopping any of the servers stops them all.
 */
export async function startPrisms(specs: string[], options: { dynamic?: boolean; startTimeoutMs?: number } = {}): Promise<PrismServer[]> {
  const job: PrismJob = {
    // The child picks each port right before Prism listens (and another when it was taken meanwhile).
    servers: specs.map((document) => ({ document })),
    dynamic: options.dynamic ?? false,
    seed: options.dynamic ? 'api-contracts' : null,
  };
  const started = performance.now();
  const child: ChildProcess = fork(childFile, [JSON.stringify(job)], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  };
  // A guard, not an estimate: Prism starts in 1 to 2 s, but a 2-core machine running every suite at once has
  // been seen to take over 30 s; what it waited for and saw is in the error.
  const timeoutMs = options.startTimeoutMs ?? 180_000;
  try {
    const served = await new Promise<Map<string, { url: string; startupMs: number }>>((resolve, reject) => {
      const listening = new Map<string, { url: string; startupMs: number }>();
      const timer = setTimeout(() => {
        const seen = specs.map((spec) =>
          listening.has(spec) ? `${spec} listening after ${Math.round(listening.get(spec)?.startupMs ?? 0)} ms` : `${spec} not yet`,
        );
        reject(
          new Error(
            `Prism did not start within ${timeoutMs} ms: waited for each spec's "listening" message; saw ${seen.join(', ')}; its stderr: ${stderr.trim() || '(nothing)'}`,
          ),
        );
      }, timeoutMs);
      child.on('message', (message: PrismMessage) => {
        if ('failed' in message) {
          clearTimeout(timer);
          reject(new Error(`Prism could not serve ${message.failed}: ${message.message}`));
          return;
        }
        listening.set(message.listening, { url: message.url, startupMs: performance.now() - started });
        if (listening.size === specs.length) {
          clearTimeout(timer);
          resolve(listening);
        }
      });
      exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`Prism exited before listening. ${stderr}`));
      });
    });
    return specs.map((spec) => ({ url: served.get(spec)?.url ?? '', startupMs: served.get(spec)?.startupMs ?? 0, stop }));
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One spec served by Prism (see `startPrisms`). */
export async function startPrism(spec: string, options: { dynamic?: boolean; startTimeoutMs?: number } = {}): Promise<PrismServer> {
  const [server] = await startPrisms([spec], options);
  if (!server) throw new Error('Prism started no server');
  return server;
}
