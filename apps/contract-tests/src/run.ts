import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type Api, apis as allApis, loadSpec, specPath } from '@api-contracts/specs';
import { BrokerError, type BrokerSettings, fetchPactsForVerification } from './broker.js';
import { brokerPact, type ConsumerPact, type FoundPacts, interactionCounts, noPactFor, ownPact, pactsUnder, plural } from './consumers.js';
import { coverageOf } from './coverage/coverage.js';
import { exercisesOfPact } from './coverage/pact-exercises.js';
import { runCredentials } from './credentials.js';
import { judgeLiveRun, loadAcknowledgedDrift } from './drift-changes.js';
import { liveRoute } from './live.js';
import type {
  ApiReport,
  ContractChange,
  Exercise,
  ExitCode,
  Outcome,
  Report,
  RouteName,
  RouteResult,
  VerifierTranscript,
} from './model.js';
import { consumerTestDir } from './paths.js';
import { type PrismServer, startPrisms } from './prism.js';
import { type PrismRouteResult, prismRoute } from './prism-route.js';
import type { ProbeExchange } from './probe/probe.js';
import { defaultProbeBudget, judgeProbe, type ProbeRouteResult, probeRoute } from './probe/route.js';
import { loadProvider } from './providers/index.js';
import type { Provider } from './providers/provider.js';
import { runSecrets } from './redaction.js';
import { operationName, operationOfRequest, specOperations } from './spec-operation.js';
import { staticRoute } from './static-check.js';
import { startVerifier, type VerifierProcess } from './verify.js';

export interface RunOptions {
  live: boolean;
  /** Live: additive drift (fields or headers the spec does not mention) fails too. */
  strict?: boolean;
  /** Which routes to run; default all three (live only with `live`). */
  routes?: readonly RouteName[];
  /** Every pact under this directory, whichever consumer's, instead of ours in pacts/ (and of `consumersDir`). */
  pactDir?: string;
  /** Other consumers' pacts as well as ours: every pact under this directory (the CLI: consumers/). */
  consumersDir?: string;
  /** A Pact Broker's pacts as well (the CLI: from PACT_BROKER_BASE_URL and the other PACT_ variables). */
  broker?: BrokerSettings;
  apis?: readonly Api[];
  env?: NodeJS.ProcessEnv;
  /** One progress line per stage, for a person; never given a secret. */
  log?: (line: string) => void;
  /** The Pact Verifier's transcript of each route that replayed a pact, with the pact's consumer. */
  onTranscript?: (api: Api, route: 'prism' | 'live', transcript: VerifierTranscript, consumer: string | undefined) => void;
  /** A Verifier process to run the replays in, left running (to share one across runs); else one is started and stopped. */
  verifier?: VerifierProcess;
  /**
   * Prism mocks of the specs to run the Prism route against, left running (to share them across runs: `startPrisms`
   * of each API's `specPath`, as the run starts them); an API without one gets its own, started and stopped.
   */
  prisms?: ReadonlyMap<Api, PrismServer>;
  /** Live: requests the probe may send per API (default 20); 0 turns it off (reported, never a pass). */
  probeBudget?: number;
  /** Live: the probe's exchanges of each API (redacted), to keep those of failed checks as a HAR. */
  onProbe?: (api: Api, exchanges: ProbeExchange[]) => void;
  /** Live: every response each API's live route recorded (redacted), once per API, for `--capture`. */
  onObserved?: (api: Api, responses: { status: number; body: unknown }[]) => void;
  /** Live: the reviewed file of acknowledged drift (default apps/contract-tests/acknowledged-drift.yaml). */
  acknowledgedDrift?: string;
}

/**
 * Verifies the pacts of `apis` by the selected routes and returns the report; writes nothing. Whose pacts:
 * ours in pacts/ (or every pact under `pactDir`), every pact under `consumersDir`, and a broker's. Stages,
 * one progress line each: the pacts read; the Prism mocks started, all at once; every interaction verified,
 * the APIs, consumers and routes side by side, the replays in one Verifier process (per API one run for all
 * its consumers' pacts); the report assembled, one entry per consumer and API.
 */
export async function runContracts({
  live,
  strict = false,
  routes = ['prism', 'static', 'live'],
  apis = allApis,
  env = process.env,
  log = () => {},
  onTranscript = () => {},
  pactDir,
  consumersDir,
  broker,
  verifier: shared,
  prisms: sharedPrisms = new Map(),
  acknowledgedDrift,
  onObserved,
  probeBudget = defaultProbeBudget,
  onProbe = () => {},
}: RunOptions): Promise<Report> {
  const selected = new Set(routes.filter((name) => name !== 'live' || live));
  // Read first: an invalid file stops the run before any process starts or request is sent.
  const acknowledged = selected.has('live') ? await loadAcknowledgedDrift(acknowledgedDrift) : [];
  // The Verifier loads in its own process while the pacts are read and Prism starts.
  const verifier = shared ?? (selected.has('prism') || selected.has('live') ? startVerifier() : undefined);
  // The Prism mocks this run started (stopped at its end), and every one it verifies against, shared ones too.
  const prisms = new Map<Api, PrismServer>();
  const mocks = new Map<Api, PrismServer>();
  const workDir = await mkdtemp(join(tmpdir(), 'api-contracts-run-'));
  try {
    const providers = await Promise.all(apis.map((api) => loadProvider(api)));
    const collected = await collectPacts(providers, { pactDir, consumersDir, broker, workDir, live: selected.has('live') });
    const { pacts } = collected;
    for (const line of collected.sources) log(line);
    log(`pacts: ${interactionCounts(pacts, apis)}${consumerNames(pacts)}`);

    if (selected.has('prism')) {
      const needed = apis.filter((api) => pacts.some((entry) => entry.provider.api === api && entry.pact !== undefined));
      await startPrismsOf(
        needed.filter((api) => !sharedPrisms.has(api)),
        prisms,
      );
      if (prisms.size > 0)
        log(`Prism started in ${[...prisms].map(([api, prism]) => `${prism.startupMs.toFixed(0)} ms (${api})`).join(', ')}`);
      for (const api of needed) {
        const server = sharedPrisms.get(api) ?? prisms.get(api);
        if (server) mocks.set(api, server);
      }
    }
    const started = performance.now();
    // A transcript quotes the provider's answers: redacted before anyone prints or writes it.
    const redactedTranscript: typeof onTranscript = (api, route, transcript, consumer) =>
      onTranscript(api, route, runSecrets.redactDeep(transcript), consumer);
    const readable = pacts.filter((entry) => entry.pact !== undefined);
    // The live probe's requests and answers per API, for coverage.
    const probeExercises = new Map<Api, Exercise[]>();
    // One set of credentials per provider for the whole run: one OAuth2 token serves every consumer's pact.
    const credentialsOf = runCredentials();
    // Per API, one Prism route for all its pacts (one Verifier run); each pact's static and live routes beside it.
    const [prismResults, staticResults, liveResults] = await Promise.all([
      Promise.all(
        providers.map(async (provider) => {
          const server = mocks.get(provider.api);
          const mine = readable.filter((entry) => entry.provider === provider);
          if (!server || !verifier || mine.length === 0) return [];
          const results = await prismRoute(provider, mine, { prism: server, verifier, broker });
          return mine.map((entry, index) => [entry, results[index]] as const);
        }),
      ).then((perApi) => new Map(perApi.flat())),
      Promise.all(readable.map((entry) => (selected.has('static') ? staticRoute(entry.provider.api, entry.pactFile) : undefined))),
      Promise.all(
        readable.map((entry) =>
          selected.has('live') && verifier
            ? liveRoute(entry.provider, entry.pactFile, { env, strict, verifier, credentialsOf })
            : undefined,
        ),
      ),
    ]);
    const reports = pacts.map((entry) => {
      const at = readable.indexOf(entry);
      return reportOf(entry, {
        selected,
        prism: prismResults.get(entry),
        // Its start-up time, for the mocks this run started (a shared one's start is someone else's).
        prismServer: prisms.get(entry.provider.api),
        static: staticResults[at],
        live: liveResults[at],
        onTranscript: redactedTranscript,
      });
    });
    // The probe, once per API whose live route ran, after the replays (one provider, one request at a time).
    const probes = new Map<Api, ProbeRouteResult>();
    if (selected.has('live') && probeBudget > 0) {
      for (const provider of providers) {
        const ran = readable.some((entry, at) => entry.provider === provider && liveResults[at] && 'results' in (liveResults[at] ?? {}));
        if (!ran) continue;
        const probed = await probeRoute(provider, { env, budget: probeBudget, credentialsOf });
        if (!probed) continue;
        probes.set(provider.api, probed);
        probeExercises.set(provider.api, probed.exercises);
        onProbe(provider.api, runSecrets.redactDeep(probed.exchanges));
        log(`probe ${provider.api}: ${probed.report.requests} of ${probeBudget} requests, ${probed.report.checks.length} checks`);
      }
    }
    if (onObserved) {
      for (const api of apis) {
        const responses = readable.flatMap((entry, at) => {
          const live = liveResults[at];
          return entry.provider.api === api && live && 'responses' in live ? live.responses : [];
        });
        const probed = (probes.get(api)?.exchanges ?? []).map(({ status, body }) => ({ status, body }));
        if (responses.length + probed.length > 0) onObserved(api, runSecrets.redactDeep([...responses, ...probed]));
      }
    }
    const verified = reports.reduce((count, report) => count + report.interactions.length, 0);
    const routeNames = (['prism', 'static', 'live'] as const).filter((name) => selected.has(name)).join(', ');
    log(`${verified} interactions verified (${routeNames}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // The probe's report and changes go on the API's first entry (it probed the API, not a consumer's pact).
    for (const [api, probed] of probes) {
      const first = reports.find((report) => report.api === api && report.changes !== undefined);
      if (!first) continue;
      first.probe = probed.report;
      if (probed.notRun) Object.assign(first, { status: 'not-run', reason: probed.notRun });
      first.changes = mergeChanges(
        first.changes ?? [],
        probed.changes.map((change) => ({ ...change, consumer: first.consumer })),
      );
    }
    if (selected.has('live') && probeBudget === 0) {
      for (const api of apis) {
        const first = reports.find((report) => report.api === api && report.changes !== undefined);
        if (first)
          first.probe = {
            api,
            budget: 0,
            requests: 0,
            checks: [{ name: 'probe', outcome: 'skip', reason: 'turned off (--probe-budget 0)', requests: 0 }],
          };
      }
    }
    const acknowledgementIssues = selected.has('live') ? judgeLiveRun(reports, acknowledged, { strict }) : [];
    for (const report of reports) {
      if (report.probe && report.status !== 'not-run' && judgeProbe(report.probe, report.changes ?? [], strict)) report.status = 'fail';
    }
    // What of each spec the run exercised: every pact's interactions (any consumer's), and the probe's exchanges.
    const coverage = apis.map((api) => {
      const probed = probeExercises.get(api) ?? [];
      const pacted = readable.filter((entry) => entry.provider.api === api).flatMap((entry) => exercisesOfPact(entry.pact));
      return coverageOf(api, loadSpec(api), [...pacted, ...probed], probed.length > 0 ? ['pacts', 'probe'] : ['pacts']);
    });
    const report: Report = {
      ...assemble(live, reports, collected.problems),
      ...((consumersDir !== undefined || pactDir !== undefined || broker !== undefined) && { pactSources: collected.sources }),
      ...(collected.problems.length > 0 && { pactProblems: collected.problems }),
      ...(acknowledgementIssues.length > 0 && { acknowledgementIssues }),
      coverage,
    };
    // Whatever a provider echoed (its key, a token), the report never holds a secret of the run.
    return runSecrets.redactDeep(report);
  } finally {
    // The servers share one process: stopping one stops all.
    await Promise.all([...prisms.values()].map((prism) => prism.stop()));
    if (!shared) await verifier?.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The probe's changes joined to the live route's: one change per fingerprint, its sources and interactions merged. */
function mergeChanges(live: ContractChange[], probed: ContractChange[]): ContractChange[] {
  const merged = [...live];
  for (const change of probed) {
    const at = merged.findIndex((existing) => existing.fingerprint === change.fingerprint);
    const existing = merged[at];
    if (!existing) {
      merged.push(change);
      continue;
    }
    merged[at] = {
      ...existing,
      sources: [...new Set([...existing.sources, ...change.sources])],
      evidence: [...existing.evidence, ...change.evidence],
      instances: existing.instances + change.instances,
      interactions: [...existing.interactions, ...change.interactions],
    };
  }
  return merged;
}

/** ` (2 consumers: api-contracts-client, billing-service)`; past a few names, how many more. */
function consumerNames(pacts: ConsumerPact[]): string {
  const names = [...new Set(pacts.flatMap((entry) => (entry.pact !== undefined && entry.consumer !== undefined ? [entry.consumer] : [])))];
  if (names.length <= 1) return '';
  const listed = names.length <= 4 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return ` (${names.length} consumers: ${listed})`;
}

interface Collected {
  pacts: ConsumerPact[];
  /** One line per source, for the log and the report. */
  sources: string[];
  problems: string[];
}

/**
 * The pacts to verify: every pact under `pactDir` (a provider without one is reported not run), or ours
 * in pacts/ and every pact under `consumersDir`; then the broker's, each copied into `workDir` for the
 * static and live routes. Without a broker, one line says so.
 */
async function collectPacts(
  providers: Provider[],
  {
    pactDir,
    consumersDir,
    broker,
    workDir,
    live,
  }: { pactDir?: string; consumersDir?: string; broker?: BrokerSettings; workDir: string; live: boolean },
): Promise<Collected> {
  const allProviders = await Promise.all(allApis.map((api) => loadProvider(api)));
  const pacts: ConsumerPact[] = [];
  const sources: string[] = [];
  const problems: string[] = [];
  const shown = (dir: string) => `${relative(process.cwd(), dir) || '.'}/`;
  // By provider (in the order of `apis`), then by file: the report lists an API's pacts together.
  const byProvider = (found: FoundPacts) => [...found.pacts].sort((a, b) => providers.indexOf(a.provider) - providers.indexOf(b.provider));
  const addFound = (found: FoundPacts, dir: string) => {
    pacts.push(...byProvider(found));
    for (const problem of found.problems) problems.push(`${relative(process.cwd(), problem.file)}: ${problem.reason}`);
    sources.push(`${shown(dir)}: ${plural(found.pacts.length, 'pact')}`);
  };
  if (pactDir !== undefined) {
    const found = await pactsUnder(pactDir, providers, allProviders);
    addFound(found, pactDir);
    for (const provider of providers)
      if (!found.pacts.some((entry) => entry.provider === provider)) pacts.push(noPactFor(provider, pactDir));
  } else {
    // An API `pnpm api:add` just added has no consumer test yet: against the mocks that is one line (coverage
    // names what is not exercised), neither a pass nor "could not run"; live, nothing would be verified, so it
    // is not run. A consumer test whose pact is missing is not run either.
    const written = providers.filter((provider) => live || existsSync(join(consumerTestDir, `${provider.api}.pact.test.ts`)));
    for (const provider of providers.filter((candidate) => !written.includes(candidate)))
      sources.push(
        `${provider.api}: no consumer pacts yet (write ${relative(process.cwd(), join(consumerTestDir, `${provider.api}.pact.test.ts`))}); coverage below names what is not exercised`,
      );
    pacts.push(...(await Promise.all(written.map((provider) => ownPact(provider)))));
    if (consumersDir !== undefined) addFound(await pactsUnder(consumersDir, providers, allProviders), consumersDir);
  }
  if (!broker) {
    if (pactDir !== undefined || consumersDir !== undefined) sources.push('no Pact Broker: PACT_BROKER_BASE_URL is not set');
    return { pacts, sources, problems };
  }
  try {
    const fetched = await Promise.all(
      providers.map(async (provider) => ({ provider, listed: await fetchPactsForVerification(broker, provider.name) })),
    );
    let count = 0;
    for (const { provider, listed } of fetched) {
      for (const [index, brokered] of listed.entries()) {
        const file = join(workDir, `broker-${provider.api}-${index}.json`);
        await writeFile(file, JSON.stringify(brokered.pact));
        pacts.push(brokerPact(provider, brokered, file));
        count++;
      }
    }
    const pending = pacts.filter((entry) => entry.pending).length;
    sources.push(
      `Pact Broker ${broker.url}: ${plural(count, 'pact')}${pending > 0 ? ` (${pending} pending)` : ''}${broker.publish ? ', results published' : ''}`,
    );
  } catch (error) {
    if (!(error instanceof BrokerError)) throw error;
    sources.push(`Pact Broker ${broker.url}: could not be asked`);
    problems.push(error.message);
  }
  return { pacts, sources, problems };
}

/** Every API's Prism mock, from one process (Prism's modules load once), into `prisms`. */
async function startPrismsOf(apis: Api[], prisms: Map<Api, PrismServer>): Promise<void> {
  if (apis.length === 0) return;
  const servers = await startPrisms(apis.map((api) => specPath(api)));
  servers.forEach((server, index) => {
    const api = apis[index];
    if (api) prisms.set(api, server);
  });
}

function assemble(live: boolean, reports: ApiReport[], problems: string[]): Report {
  const summary: Record<Outcome, number> = { pass: 0, fail: 0, skip: 0 };
  for (const report of reports)
    for (const interaction of report.interactions)
      for (const result of [interaction.prism, interaction.static, interaction.live]) summary[result.outcome]++;
  // A pending pact (the broker's) is reported, and does not fail the run.
  const exitCode: ExitCode = reports.some((report) => report.status === 'fail' && !report.pending)
    ? 1
    : reports.some((report) => report.status === 'not-run') || problems.length > 0
      ? 2
      : 0;
  return { schemaVersion: 1, generatedAt: new Date().toISOString(), mode: live ? 'live' : 'mock', exitCode, summary, apis: reports };
}

type LiveOutcome = Awaited<ReturnType<typeof liveRoute>>;

interface Routes {
  selected: Set<RouteName>;
  prism: PrismRouteResult | undefined;
  prismServer: PrismServer | undefined;
  static: Map<string, RouteResult> | undefined;
  live: LiveOutcome | undefined;
  onTranscript: NonNullable<RunOptions['onTranscript']>;
}

/** One consumer's pact with one provider, as the report has it: every interaction with its three routes. */
function reportOf(entry: ConsumerPact, { selected, prism, prismServer, static: staticResults, live, onTranscript }: Routes): ApiReport {
  const { provider, consumer, pact } = entry;
  const { api } = provider;
  const report: ApiReport = {
    api,
    provider: provider.name,
    ...(consumer !== undefined && { consumer }),
    origin: entry.origin,
    ...(entry.pending && { pending: true }),
    operation: provider.operations.join(', '),
    pactFile: entry.url ?? entry.pactFile,
    status: 'pass',
    interactions: [],
  };
  if (!pact) return { ...report, status: 'not-run', reason: entry.missing ?? 'no pact' };

  if (prismServer) report.prismStartupMs = Math.round(prismServer.startupMs);
  if (prism) onTranscript(api, 'prism', prism.transcript, consumer);
  if (live && 'transcript' in live) onTranscript(api, 'live', live.transcript, consumer);
  if (live && 'changes' in live) report.changes = live.changes.map((change) => ({ ...change, consumer }));
  const liveNotRun = live && 'notRun' in live ? live.notRun : undefined;
  if (liveNotRun) Object.assign(report, { status: 'not-run', reason: liveNotRun });

  const notSelected = (name: RouteName): RouteResult => ({ outcome: 'skip', reason: `${name} route not selected` });
  const liveSkip: RouteResult = {
    outcome: 'skip',
    reason: liveNotRun ?? 'mock mode: run `pnpm contracts:live` to verify against the provider',
  };
  const operations = specOperations(loadSpec(api));
  report.interactions = pact.interactions.map(({ description, providerStates, request }) => {
    const operation = operationOfRequest(operations, request?.method ?? 'GET', request?.path ?? '');
    return {
      description,
      ...(operation && { operation: operationName(operation) }),
      state: providerStates?.[0]?.name ?? '',
      prism: prism?.results.get(description) ?? notSelected('prism'),
      static: staticResults?.get(description) ?? notSelected('static'),
      live: (live && 'results' in live ? live.results.get(description) : undefined) ?? liveSkip,
    };
  });
  if (!selected.has('prism') && !selected.has('static') && !selected.has('live')) return report;
  const failed = report.interactions.some((interaction) =>
    [interaction.prism, interaction.static, interaction.live].some((result) => result.outcome === 'fail'),
  );
  if (failed) report.status = 'fail';
  return report;
}
