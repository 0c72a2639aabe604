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

/**
 * @typedef {object} PrismJob
 * @property {{ document: string, port: number }[]} servers
 * @property {boolean} dynamic Answers generated from the schemas (json-schema-faker) instead of the examples.
 * @property {string | null} seed
 * @typedef {{ listening: string } | { failed: string, message: string }} PrismMessage
 */

const prismCli = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json'));
const { createSingleProcessPrism } = /** @type {{ createSingleProcessPrism(options: Record<string, unknown>): Promise<unknown> }} */ (
  prismCli('./dist/util/createServer.js')
);

/** @type {PrismJob} */
const job = JSON.parse(process.argv[2] ?? '{}');
// One after the other: json-schema-faker's settings from a spec's `x-json-schema-faker` are process-wide.
for (const { document, port } of job.servers) {
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
    process.send?.(/** @type {PrismMessage} */ ({ listening: document }));
  } catch (error) {
    process.send?.(/** @type {PrismMessage} */ ({ failed: document, message: error instanceof Error ? error.message : String(error) }));
  }
}
// Never outlive the parent.
process.on('disconnect', () => process.exit(0));
