import { execa } from 'execa';
import getPort from 'get-port';

export interface PrismServer {
  url: string;
  /** Milliseconds from spawn to the "listening" line. */
  startupMs: number;
  stop(): Promise<void>;
}

/**
 * Serves `spec` with Prism's CLI as a child process on 127.0.0.1 and an ephemeral port, resolving once
 * Prism says it is listening. `--errors` makes Prism answer a request that breaks the spec with an error
 * (422) rather than a mock, so a pact request the spec does not allow fails verification.
 * A child rather than Prism's libraries in-process: the CLI is Prism's supported interface, and a
 * process boundary guarantees nothing of Prism's lingers after `stop`.
 */
export async function startPrism(spec: string, options: { dynamic?: boolean; startTimeoutMs?: number } = {}): Promise<PrismServer> {
  const port = await getPort({ host: '127.0.0.1' });
  const started = performance.now();
  const args = ['mock', '--host', '127.0.0.1', '--port', String(port), '--errors', '--verboseLevel', 'info'];
  if (options.dynamic) args.push('--dynamic', '--seed', 'api-contracts');
  const child = execa('prism', [...args, spec], { preferLocal: true, reject: false, forceKillAfterDelay: 2_000, all: true });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForListening(child.all, child, url, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    child.kill();
    await child;
    throw error;
  }
  return {
    url,
    startupMs: performance.now() - started,
    stop: async () => {
      child.kill();
      await child;
    },
  };
}

function waitForListening(
  stream: NodeJS.ReadableStream,
  exited: PromiseLike<{ exitCode?: number }>,
  url: string,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${timeoutMs} ms. Output:\n${output}`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`Prism is listening on ${url}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    exited.then((result) => fail(new Error(`Prism exited (code ${result.exitCode}) before listening. Output:\n${output}`)));
  });
}
