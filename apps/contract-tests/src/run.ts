import { type Api, apis as allApis, specPath } from '@api-contracts/specs';
import { judgeLiveRun, loadAcknowledgedDrift } from './drift-changes.js';
import { liveRoute } from './live.js';
import type { ApiReport, ExitCode, Outcome, PactFile, Report, RouteName, RouteResult, VerifierTranscript } from './model.js';
import { pactFileOf, readPact } from './pact-file.js';
import { type PrismServer, startPrisms } from './prism.js';
import { prismRoute } from './prism-route.js';
import { loadProvider } from './providers/index.js';
import type { Provider } from './providers/provider.js';
import { runSecrets } from './redaction.js';
import { staticRoute } from './static-check.js';
import { startVerifier, type VerifierProcess } from './verify.js';

export interface RunOptions {
  live: boolean;
  /** Live: additive drift (fields or headers the spec does not mention) fails too. */
  strict?: boolean;
  /** Which routes to run; default all three (live only with `live`). */
  routes?: readonly RouteName[];
  /** Where the pact files are; default pacts/. */
  pactDir?: string;
  apis?: readonly Api[];
  env?: NodeJS.ProcessEnv;
  /** One progress line per stage, for a person; never given a secret. */
  log?: (line: string) => void;
  /** The Pact Verifier's transcript of each route that replayed a pact. */
  onTranscript?: (api: Api, route: 'prism' | 'live', transcript: VerifierTranscript) => void;
  /** A Verifier process to run the replays in, left running (to share one across runs); else one is started and stopped. */
  verifier?: VerifierProcess;
  /** Live: the reviewed file of acknowledged drift (default apps/contract-tests/acknowledged-drift.yaml). */
  acknowledgedDrift?: string;
}

interface Checked {
  provider: Provider;
  pactFile: string;
  pact: PactFile | undefined;
}

/**
 * Verifies the pacts of `apis` by the selected routes and returns the report; writes nothing. Stages, one
 * progress line each: the pacts read; the Prism mocks started, all at once; every interaction verified, the
 * APIs and their routes side by side, the replays in one Verifier process.
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
  verifier: shared,
  acknowledgedDrift,
}: RunOptions): Promise<Report> {
  const selected = new Set(routes.filter((name) => name !== 'live' || live));
  // Read first: an invalid file stops the run before any process starts or request is sent.
  const acknowledged = selected.has('live') ? await loadAcknowledgedDrift(acknowledgedDrift) : [];
  // The Verifier loads in its own process while the pacts are read and Prism starts.
  const verifier = shared ?? (selected.has('prism') || selected.has('live') ? startVerifier() : undefined);
  const prisms = new Map<Api, PrismServer>();
  try {
    const checked: Checked[] = await Promise.all(
      apis.map(async (api) => {
        const provider = await loadProvider(api);
        const pactFile = pactFileOf(provider, pactDir);
        return { provider, pactFile, pact: await readPact(pactFile) };
      }),
    );
    log(
      `pacts: ${checked.map(({ provider, pact }) => `${provider.api} ${pact ? `${pact.interactions.length} interactions` : 'missing'}`).join(', ')}`,
    );

    if (selected.has('prism')) {
      await startPrismsOf(
        checked.filter(({ pact }) => pact !== undefined).map(({ provider }) => provider.api),
        prisms,
      );
      if (prisms.size > 0)
        log(`Prism started in ${[...prisms].map(([api, prism]) => `${prism.startupMs.toFixed(0)} ms (${api})`).join(', ')}`);
    }
    const started = performance.now();
    // A transcript quotes the provider's answers: redacted before anyone prints or writes it.
    const redactedTranscript: typeof onTranscript = (api, route, transcript) => onTranscript(api, route, runSecrets.redactDeep(transcript));
    const reports = await Promise.all(
      checked.map((entry) =>
        checkApi(entry, { selected, strict, env, prism: prisms.get(entry.provider.api), verifier, onTranscript: redactedTranscript }),
      ),
    );
    const verified = reports.reduce((count, report) => count + report.interactions.length, 0);
    const routeNames = (['prism', 'static', 'live'] as const).filter((name) => selected.has(name)).join(', ');
    log(`${verified} interactions verified (${routeNames}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const acknowledgementIssues = selected.has('live') ? judgeLiveRun(reports, acknowledged, { strict }) : [];
    // Whatever a provider echoed (its key, a token), the report never holds a secret of the run.
    return runSecrets.redactDeep({ ...assemble(live, reports), ...(acknowledgementIssues.length > 0 && { acknowledgementIssues }) });
  } finally {
    // The servers share one process: stopping one stops all.
    await Promise.all([...prisms.values()].map((prism) => prism.stop()));
    if (!shared) await verifier?.stop();
  }
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

function assemble(live: boolean, reports: ApiReport[]): Report {
  const summary: Record<Outcome, number> = { pass: 0, fail: 0, skip: 0 };
  for (const report of reports)
    for (const interaction of report.interactions)
      for (const result of [interaction.prism, interaction.static, interaction.live]) summary[result.outcome]++;
  const exitCode: ExitCode = reports.some((report) => report.status === 'fail')
    ? 1
    : reports.some((report) => report.status === 'not-run')
      ? 2
      : 0;
  return { schemaVersion: 1, generatedAt: new Date().toISOString(), mode: live ? 'live' : 'mock', exitCode, summary, apis: reports };
}

interface CheckContext {
  selected: Set<RouteName>;
  strict: boolean;
  env: NodeJS.ProcessEnv;
  prism: PrismServer | undefined;
  verifier: VerifierProcess | undefined;
  onTranscript: NonNullable<RunOptions['onTranscript']>;
}

async function checkApi(
  { provider, pactFile, pact }: Checked,
  { selected, strict, env, prism: server, verifier, onTranscript }: CheckContext,
): Promise<ApiReport> {
  const { api } = provider;
  const report: ApiReport = { api, provider: provider.name, operation: provider.operation, pactFile, status: 'pass', interactions: [] };
  if (!pact) {
    return {
      ...report,
      status: 'not-run',
      reason: `no pact at ${pactFile}: run \`pnpm --filter @api-contracts/contract-tests pacts\` (pnpm contracts does)`,
    };
  }

  const [staticResults, prism, live] = await Promise.all([
    selected.has('static') ? staticRoute(api, pactFile) : undefined,
    server && verifier ? prismRoute(provider, pactFile, { prism: server, verifier }) : undefined,
    selected.has('live') && verifier ? liveRoute(provider, pactFile, { env, strict, verifier }) : undefined,
  ]);
  if (server) report.prismStartupMs = Math.round(server.startupMs);
  if (prism) onTranscript(api, 'prism', prism.transcript);
  if (live && 'transcript' in live) onTranscript(api, 'live', live.transcript);
  if (live && 'changes' in live) report.changes = live.changes;
  const liveNotRun = live && 'notRun' in live ? live.notRun : undefined;
  if (liveNotRun) Object.assign(report, { status: 'not-run', reason: liveNotRun });

  const notSelected = (name: RouteName): RouteResult => ({ outcome: 'skip', reason: `${name} route not selected` });
  const liveSkip: RouteResult = {
    outcome: 'skip',
    reason: liveNotRun ?? 'mock mode: run `pnpm contracts:live` to verify against the provider',
  };
  report.interactions = pact.interactions.map(({ description, providerStates }) => ({
    description,
    state: providerStates?.[0]?.name ?? '',
    prism: prism?.results.get(description) ?? notSelected('prism'),
    static: staticResults?.get(description) ?? notSelected('static'),
    live: (live && 'results' in live ? live.results.get(description) : undefined) ?? liveSkip,
  }));
  const failed = report.interactions.some((interaction) =>
    [interaction.prism, interaction.static, interaction.live].some((result) => result.outcome === 'fail'),
  );
  if (failed) report.status = 'fail';
  return report;
}
