/**
 * The Pact Verifier in a child process. The Verifier's native core prints its transcript straight to the
 * process's standard output, where no JavaScript can intercept it; run here, with that output discarded, it
 * keeps the console quiet. The transcript still reaches the parent: it is part of the Verifier's JSON result.
 * The parent (`verify.ts`) sends jobs, each with an id, and gets one reply per job; several may run at once.
 * Everything a job holds was prepared by the parent.
 */
import { Verifier } from '@pact-foundation/pact';
import type { StateSetup } from './model.js';

export interface VerifierJob {
  provider: string;
  baseUrl: string;
  /** A pact holding only the interactions to replay, in order. */
  pactFile: string;
  /** Per interaction of that pact, in its order: its state's name and what the state set up. */
  interactions: { state: string; setup: StateSetup; tag: string }[];
  /** A header that carries each request's `tag` (so a recorder knows the interaction), or none. */
  tagHeader?: string;
}

/** The Verifier's JSON result for job `id`, or its error message when it could not run. */
export interface VerifierReply {
  id: number;
  output: string;
}

async function run(job: VerifierJob): Promise<string> {
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
    requestFilter: (request: { headers: Record<string, unknown> }, _response: unknown, next: () => void) => {
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
      (error: Error) => error.message,
    );
}

process.on('message', ({ id, job }: { id: number; job: VerifierJob }) => {
  run(job).then(
    (output) => process.send?.({ id, output } satisfies VerifierReply),
    (error: unknown) => process.send?.({ id, output: String(error) } satisfies VerifierReply),
  );
});
// Never outlive the parent: when it goes, or lets go, so does this process.
process.on('disconnect', () => process.exit(0));
