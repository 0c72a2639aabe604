// @ts-check
/**
 * Prism mocks in a child process: one process serves every spec it is given, each on its own port, so that
 * Prism's modules load once rather than once per spec (on two cores, about half the start-up). It runs
 * `createSingleProcessPrism`, the function prism-cli's own `mock` command runs (version pinned in
 * package.json), without the command's file watcher. Prism's log goes to this process's stdout, which the
 * parent discards; the parent hears `listening` (or `failed`) per spec over IPC. Plain JavaScript
 * (type-checked from its JSDoc): a child started through a TypeScript loader spent about a second more.
 */
import { createRequire } from 'node:module';
import getPort from 'get-port';

/**
 * @typedef {object} PrismJob
 * @property {{ document: string, port?: number }[]} servers Each spec, and a port to try first (by default a free one).
 * @property {boolean} dynamic Answers generated from the schemas (json-schema-faker) instead of the examples.
 * @property {string | null} seed
 * @typedef {{ listening: string, url: string } | { failed: string, message: string }} PrismMessage
 */

const prismCli = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json'));
const { createSingleProcessPrism } = /** @type {{ createSingleProcessPrism(options: Record<string, unknown>): Promise<unknown> }} */ (
  prismCli('./dist/util/createServer.js')
);

/** @type {PrismJob} */
const job = JSON.parse(process.argv[2] ?? '{}');
/**
 * A free port is only free until someone binds it: between get-port's answer and Prism's listen (after the spec
 * is parsed) another process on a busy machine may take it. Prism then fails with EADDRINUSE, and another port
 * is tried; a few collisions in a row would mean something else is wrong.
 */
const attemptsPerServer = 5;

/**
 * @param {string} document
 * @param {number | undefined} firstPort
 */
async function serve(document, firstPort) {
  for (let attempt = 1; ; attempt++) {
    const port = attempt === 1 && firstPort !== undefined ? firstPort : await getPort({ host: '127.0.0.1' });
    try {
      await createSingleProcessPrism({
        document,
        host: '127.0.0.1',
        port,
        cors: true,
        // A request the spec does not allow is answered with an error, not a mock.
        errors: true,
        verboseLevel: 'warn',
        dynamic: job.dynamic,
        seed: job.seed,
        multiprocess: false,
        ignoreExamples: false,
        jsonSchemaFakerFillProperties: undefined,
      });
      return `http://127.0.0.1:${port}`;
    } catch (error) {
      // Prism rejects with the listen error's message, a string.
      const message = error instanceof Error ? error.message : String(error);
      if (!message.includes('EADDRINUSE') || attempt === attemptsPerServer) throw new Error(message);
    }
  }
}

// One after the other: json-schema-faker's settings from a spec's `x-json-schema-faker` are process-wide.
for (const { document, port } of job.servers) {
  try {
    process.send?.(/** @type {PrismMessage} */ ({ listening: document, url: await serve(document, port) }));
  } catch (error) {
    process.send?.(/** @type {PrismMessage} */ ({ failed: document, message: error instanceof Error ? error.message : String(error) }));
  }
}
// Never outlive the parent.
process.on('disconnect', () => process.exit(0));
