// @ts-check
/**
 * The Pact Verifier in a child process. The Verifier's native core prints its transcript straight to the
 * process's standard output, where no JavaScript can intercept it; run here, with that output discarded, it
 * keeps the console quiet. The transcript still reaches the parent: it is part of the Verifier's JSON result.
 * The parent (`verify.ts`) sends jobs, each with an id, and gets one reply per job; several may run at once.
 * Everything a job holds was prepared by the parent. Plain JavaScript (type-checked from its JSDoc): a child
 * started through a TypeScript loader spent about a second more on every run.
 */
import { Verifier } from '@pact-foundation/pact';

/**
 * @typedef {import('./model.js').StateSetup} StateSetup
 * @typedef {object} VerifierJob
 * @property {string} provider
 * @property {string} baseUrl
 * @property {string} pactFile A pact holding only the interactions to replay, in order.
 * @property {{ state: string, setup: StateSetup, tag: string }[]} interactions Per interaction of that pact, in its order: its state's name, what the state set up, and its tag.
 * @property {string} [tagHeader] A header that carries each request's `tag` (so a recorder knows the interaction).
 * @typedef {{ id: number, output: string }} VerifierReply The Verifier's JSON result for job `id`, or its error message when it could not run.
 */

/**
 * @param {VerifierJob} job
 * @returns {Promise<string>}
 */
async function run(job) {
  // The Verifier replays interactions in pact order, setting each one's state right before it; the handler
  // hands over the set-up prepared by the parent and the request filter applies its headers. `position`
  // tracks which interaction is next.
  let current = job.interactions[0];
  let position = 0;
  const stateHandlers = Object.fromEntries(
    job.interactions.map(({ state }) => [
      state,
      async () => {
        const index = job.interactions.findIndex((candidate, at) => at >= position && candidate.state === state);
        position = index + 1;
        current = job.interactions[index];
        return current?.setup.params ?? {};
      },
    ]),
  );
  return new Verifier({
    provider: job.provider,
    providerBaseUrl: job.baseUrl,
    pactUrls: [job.pactFile],
    stateHandlers,
    requestFilter: (
      /** @type {{ headers: Record<string, unknown> }} */ request,
      /** @type {unknown} */ _response,
      /** @type {() => void} */ next,
    ) => {
      for (const [name, value] of Object.entries(current?.setup.headers ?? {})) {
        if (value === undefined) delete request.headers[name.toLowerCase()];
        else request.headers[name.toLowerCase()] = value;
      }
      if (job.tagHeader && current) request.headers[job.tagHeader] = current.tag;
      next();
    },
    logLevel: 'error',
  })
    .verifyProvider()
    .then(
      (json) => String(json),
      (/** @type {Error} */ error) => error.message,
    );
}

process.on('message', (/** @type {{ id: number, job: VerifierJob }} */ { id, job }) => {
  run(job).then(
    (output) => process.send?.(/** @type {VerifierReply} */ ({ id, output })),
    (error) => process.send?.(/** @type {VerifierReply} */ ({ id, output: String(error) })),
  );
});
// Never outlive the parent: when it goes, or lets go, so does this process.
process.on('disconnect', () => process.exit(0));
