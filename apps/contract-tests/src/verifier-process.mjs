// @ts-check
/**
 * The Pact Verifier in a child process. The Verifier's native core prints its transcript straight to the
 * process's standard output, where no JavaScript can intercept it; run here, with that output discarded, it
 * keeps the console quiet. The transcript still reaches the parent: it is part of the Verifier's JSON result.
 * The parent (`verify.ts`) sends jobs, each with an id, and gets one reply per job; several may run at once.
 * Everything a job holds was prepared by the parent. Plain JavaScript (type-checked from its JSDoc): a child
 * started through a TypeScript loader spent about a second more on every run.
 */
// The Verifier's own module, not the package's index: the index also loads the consumer DSL, the proxy's express
// and graphql, which cost each Verifier start about 0.3 CPU-seconds (0.7 to 0.4) of nothing used. The package has no
// exports map, and its version is pinned in package.json.
import { Verifier } from '@pact-foundation/pact/src/dsl/verifier/verifier.js';
import { nativeClientEnvironment } from './verifier-env.mjs';

// The native core reads PACT_BROKER_* itself and would add a broker to every job: a broker comes only in a
// job's own `broker`. And its HTTP clients load the trust store once per request (see verifier-env.mjs).
Object.assign(process.env, nativeClientEnvironment(process.env));
// Nor does it send usage statistics from here (pact_matching's metrics): a verification talks only to the
// provider (Prism or live) and the configured broker.
process.env.PACT_DO_NOT_TRACK ??= 'true';
for (const name of Object.keys(process.env)) if (name.startsWith('PACT_BROKER_')) delete process.env[name];

/**
 * @typedef {import('./model.js').StateSetup} StateSetup
 * @typedef {object} BrokerJob The Verifier's own broker support: it fetches the pacts for verification and, with `publish`, sends the results back.
 * @property {string} url
 * @property {string} [token]
 * @property {string} [username]
 * @property {string} [password]
 * @property {Record<string, unknown>[]} consumerVersionSelectors
 * @property {boolean} enablePending
 * @property {string} [includeWipPactsSince]
 * @property {string} [providerVersion]
 * @property {string} [providerVersionBranch]
 * @property {boolean} publish Only from CI, with a provider version.
 * @typedef {object} VerifierJob
 * @property {string} provider
 * @property {string} baseUrl
 * @property {string} [pactFile] One pact holding only the interactions to replay, in order, each set up by `interactions`.
 * @property {{ state: string, setup: StateSetup, tag: string }[]} [interactions] Per interaction of `pactFile`, in its order: its state's name, what the state set up, and its tag.
 * @property {string[]} [pactFiles] Many pacts (of many consumers), each interaction set up by its state alone (`states`).
 * @property {BrokerJob} [broker] Pacts from a Pact Broker, set up by `states` too.
 * @property {Record<string, { headers: Record<string, string | undefined> } | { unknown: string }>} [states] Per state: the headers its requests carry (the parameters are the pact's own), or why it is unknown (its requests are answered 409 here, so they cannot pass).
 * @property {string} [tagHeader] A header that carries each request's `tag` (so a recorder knows the interaction).
 * @typedef {{ id: number, output: string }} VerifierReply The Verifier's JSON result for job `id`, or its error message when it could not run.
 * @typedef {{ headers: Record<string, unknown>, path?: string }} FilteredRequest
 * @typedef {{ status(code: number): { json(body: unknown): void } }} FilterResponse
 */

/** @param {unknown} params The state's parameters, as the pact gives them. */
const asStrings = (params) =>
  Object.fromEntries(
    Object.entries(params !== null && typeof params === 'object' ? params : {}).map(([key, value]) => [key, String(value)]),
  );

/**
 * Set-ups by state name, for many pacts: the Verifier sets each interaction's state right before replaying
 * it, so the state last set is the one of the request that follows.
 * @param {VerifierJob} job
 */
function byState(job) {
  // An interaction without a state (none is set up before it) cannot pass by the headers of the one before.
  const noState = { unknown: 'the interaction has no provider state' };
  /** @type {{ headers: Record<string, string | undefined> } | { unknown: string }} */
  let current = noState;
  // Handlers with a teardown are what pact-js runs (proxy/stateHandler/setupStates.js); its type intersects
  // HTTP and message state handlers, which no object satisfies, hence the cast below.
  const handlers = Object.fromEntries(
    Object.entries(job.states ?? {}).map(([state, setup]) => [
      state,
      {
        setup: async (/** @type {unknown} */ params) => {
          current = setup;
          return asStrings(params);
        },
        teardown: async () => {
          current = noState;
          return {};
        },
      },
    ]),
  );
  const stateHandlers = /** @type {import('@pact-foundation/pact').VerifierOptions['stateHandlers']} */ (/** @type {unknown} */ (handlers));
  const requestFilter = (
    /** @type {FilteredRequest} */ request,
    /** @type {FilterResponse} */ response,
    /** @type {() => void} */ next,
  ) => {
    if (request.path?.startsWith('/_pact')) return next();
    if ('unknown' in current) return response.status(409).json({ error: current.unknown });
    for (const [name, value] of Object.entries(current.headers)) {
      if (value === undefined) delete request.headers[name.toLowerCase()];
      else request.headers[name.toLowerCase()] = value;
    }
    next();
  };
  return { stateHandlers, requestFilter };
}

/** @param {BrokerJob} broker */
function brokerOptions(broker) {
  return {
    pactBrokerUrl: broker.url,
    ...(broker.token ? { pactBrokerToken: broker.token } : {}),
    ...(broker.username ? { pactBrokerUsername: broker.username, pactBrokerPassword: broker.password ?? '' } : {}),
    consumerVersionSelectors: broker.consumerVersionSelectors,
    enablePending: broker.enablePending,
    ...(broker.includeWipPactsSince ? { includeWipPactsSince: broker.includeWipPactsSince } : {}),
    ...(broker.providerVersionBranch ? { providerVersionBranch: broker.providerVersionBranch } : {}),
    // Not even `false` without publishing: pact-core then asks for a provider version all the same.
    ...(broker.publish && broker.providerVersion ? { publishVerificationResult: true, providerVersion: broker.providerVersion } : {}),
    failIfNoPactsFound: false,
  };
}

/**
 * @param {VerifierJob} job
 * @returns {Promise<string>}
 */
async function run(job) {
  const states = job.pactFiles || job.broker ? byState(job) : inOrder(job);
  return new Verifier({
    provider: job.provider,
    providerBaseUrl: job.baseUrl,
    ...(job.pactFiles || job.pactFile ? { pactUrls: job.pactFiles ?? [job.pactFile ?? ''] } : {}),
    ...(job.broker ? brokerOptions(job.broker) : {}),
    ...states,
    logLevel: 'error',
  })
    .verifyProvider()
    .then(
      (json) => String(json),
      (/** @type {Error} */ error) => error.message,
    );
}

/**
 * Set-ups in pact order, for one pact: the handler hands over the set-up the parent prepared for each
 * interaction, and the request filter applies its headers.
 * @param {VerifierJob} job
 */
function inOrder(job) {
  const interactions = job.interactions ?? [];
  // The Verifier replays interactions in pact order, setting each one's state right before it; the handler
  // hands over the set-up prepared by the parent and the request filter applies its headers. `position`
  // tracks which interaction is next.
  let current = interactions[0];
  let position = 0;
  const stateHandlers = Object.fromEntries(
    interactions.map(({ state }) => [
      state,
      async () => {
        const index = interactions.findIndex((candidate, at) => at >= position && candidate.state === state);
        position = index + 1;
        current = interactions[index];
        return current?.setup.params ?? {};
      },
    ]),
  );
  const requestFilter = (/** @type {FilteredRequest} */ request, /** @type {unknown} */ _response, /** @type {() => void} */ next) => {
    for (const [name, value] of Object.entries(current?.setup.headers ?? {})) {
      if (value === undefined) delete request.headers[name.toLowerCase()];
      else request.headers[name.toLowerCase()] = value;
    }
    if (job.tagHeader && current) request.headers[job.tagHeader] = current.tag;
    next();
  };
  return { stateHandlers, requestFilter };
}

process.on('message', (/** @type {{ id: number, job: VerifierJob }} */ { id, job }) => {
  run(job).then(
    (output) => process.send?.(/** @type {VerifierReply} */ ({ id, output })),
    (error) => process.send?.(/** @type {VerifierReply} */ ({ id, output: String(error) })),
  );
});
// Never outlive the parent: when it goes, or lets go, so does this process. Stopped (SIGTERM), it exits
// normally, so that its exit handlers run.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
