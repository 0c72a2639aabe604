import { type Api, apis as allApis } from '@api-contracts/specs';
import { liveRoute } from './live.js';
import type { ApiReport, ExitCode, Outcome, Report, RouteName, RouteResult } from './model.js';
import { pactFileOf, readPact } from './pact-file.js';
import { prismRoute } from './prism-route.js';
import { loadProvider } from './providers/index.js';
import { staticRoute } from './static-check.js';

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
  /** Progress lines for a person; never given a secret. */
  log?: (line: string) => void;
}

interface CheckContext {
  selected: Set<RouteName>;
  strict: boolean;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  pactDir: string | undefined;
}

/** Verifies the pacts of `apis` by the selected routes and returns the report; writes nothing. */
export async function runContracts({
  live,
  strict = false,
  routes = ['prism', 'static', 'live'],
  apis = allApis,
  env = process.env,
  log = () => {},
  pactDir,
}: RunOptions): Promise<Report> {
  const selected = new Set(routes.filter((name) => name !== 'live' || live));
  const reports = await Promise.all(apis.map((api) => checkApi(api, { selected, strict, env, log, pactDir })));
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

async function checkApi(api: Api, { selected, strict, env, log, pactDir }: CheckContext): Promise<ApiReport> {
  const provider = await loadProvider(api);
  const pactFile = pactFileOf(provider, pactDir);
  const report: ApiReport = { api, provider: provider.name, operation: provider.operation, pactFile, status: 'pass', interactions: [] };
  const pact = await readPact(pactFile);
  if (!pact) {
    return {
      ...report,
      status: 'not-run',
      reason: `no pact at ${pactFile}: run \`pnpm --filter @api-contracts/contract-tests pacts\` (pnpm contracts does)`,
    };
  }

  const [staticResults, prism, live] = await Promise.all([
    selected.has('static') ? staticRoute(api, pactFile) : undefined,
    selected.has('prism') ? prismRoute(provider, pactFile, log) : undefined,
    selected.has('live') ? liveRoute(provider, pactFile, env, strict, log) : undefined,
  ]);
  if (prism) report.prismStartupMs = prism.startupMs;
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
  log(`${api}: ${report.status}`);
  return report;
}
