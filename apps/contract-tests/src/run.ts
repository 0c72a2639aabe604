import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DriftFinding } from './drift.js';
import { verifyLive } from './live.js';
import { pactDir, specPath } from './paths.js';
import { startPrism } from './prism.js';
import type { SchemaFinding } from './schema-check.js';
import { type ApiName, apiNames, consumer, providers, stateDefinition } from './states.js';
import { type StaticFinding, staticCheck } from './static-check.js';
import { type Mismatch, routeResult, type SetupOutcome, verifyPact } from './verify.js';

export type Outcome = 'pass' | 'fail' | 'skip';
export type RouteName = 'prism' | 'static' | 'live';

export interface RouteResult {
  outcome: Outcome;
  reason?: string;
  mismatches?: Mismatch[];
  findings?: StaticFinding[];
  schemaFindings?: SchemaFinding[];
  /** Live only: every finding, classified. A failed pact counts as breaking. */
  drift?: DriftFinding[];
}

export interface InteractionReport {
  description: string;
  state: string;
  prism: RouteResult;
  static: RouteResult;
  live: RouteResult;
}

export interface ApiReport {
  api: ApiName;
  provider: string;
  pactFile: string;
  /** `not-run`: the API could not be checked (missing pact or settings, provider unreachable). */
  status: 'pass' | 'fail' | 'not-run';
  reason?: string;
  prismStartupMs?: number;
  interactions: InteractionReport[];
}

export interface Report {
  schemaVersion: 1;
  generatedAt: string;
  mode: 'mock' | 'live';
  /** 0 all verified, 1 a contract failed, 2 could not run. */
  exitCode: 0 | 1 | 2;
  summary: Record<Outcome, number>;
  apis: ApiReport[];
}

export interface RunOptions {
  live: boolean;
  /** Live: additive drift (fields or headers the spec does not mention) fails too. */
  strict?: boolean;
  /** Which routes to run; default all three (live only with `live`). */
  routes?: readonly RouteName[];
  /** Where the pact files are; default pacts/. */
  pactDir?: string;
  apis?: readonly ApiName[];
  env?: NodeJS.ProcessEnv;
  /** Progress lines for a person; never given a secret. */
  log?: (line: string) => void;
}

export const pactFileOf = (api: ApiName, directory = pactDir) => join(directory, `${consumer}-${providers[api]}.json`);

export async function runContracts({
  live,
  strict = false,
  routes = ['prism', 'static', 'live'],
  apis = apiNames,
  env = process.env,
  log = () => {},
  pactDir: directory,
}: RunOptions): Promise<Report> {
  const selected = new Set(routes.filter((name) => name !== 'live' || live));
  const reports = await Promise.all(apis.map((api) => checkApi(api, pactFileOf(api, directory), { selected, strict, env, log })));
  const all = reports.flatMap((report) =>
    report.interactions.flatMap((interaction) => [interaction.prism, interaction.static, interaction.live]),
  );
  const summary = { pass: 0, fail: 0, skip: 0 };
  for (const result of all) summary[result.outcome]++;
  const exitCode = reports.some((report) => report.status === 'fail') ? 1 : reports.some((report) => report.status === 'not-run') ? 2 : 0;
  return { schemaVersion: 1, generatedAt: new Date().toISOString(), mode: live ? 'live' : 'mock', exitCode, summary, apis: reports };
}

interface CheckContext {
  selected: Set<RouteName>;
  strict: boolean;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

async function checkApi(api: ApiName, pactFile: string, { selected, strict, env, log }: CheckContext): Promise<ApiReport> {
  const report: ApiReport = { api, provider: providers[api], pactFile, status: 'pass', interactions: [] };
  const pact = await readFile(pactFile, 'utf8').catch(() => undefined);
  if (pact === undefined) {
    return {
      ...report,
      status: 'not-run',
      reason: `no pact at ${pactFile}: run \`pnpm --filter @api-contracts/contract-tests pacts\` (pnpm contracts does)`,
    };
  }
  const interactions = (JSON.parse(pact) as { interactions: { description: string; providerStates?: { name: string }[] }[] }).interactions;
  const spec = specPath(api);

  const staticResults = new Map<string, RouteResult>();
  if (selected.has('static')) {
    log(`${api}: static check of the pact against the spec`);
    for (const [description, findings] of await staticCheck(spec, pactFile)) {
      const errors = findings.filter((finding) => finding.type === 'error');
      staticResults.set(description, {
        outcome: errors.length > 0 ? 'fail' : 'pass',
        ...(findings.length > 0 && { reason: findings.map((finding) => `${finding.code}: ${finding.message}`).join('; ') }),
        findings,
      });
    }
  }

  const prismResults = new Map<string, RouteResult>();
  if (selected.has('prism')) {
    log(`${api}: starting Prism on the spec`);
    const prism = await startPrism(spec);
    log(`${api}: Prism listening after ${prism.startupMs.toFixed(0)} ms; replaying the pact`);
    try {
      const results = await verifyPact({ pactFile, baseUrl: prism.url, setup: async (state, params) => prismSetup(api, state, params) });
      for (const result of results) prismResults.set(result.description, routeResult(result));
    } finally {
      await prism.stop();
    }
    report.prismStartupMs = Math.round(prism.startupMs);
  }

  let liveResults = new Map<string, RouteResult>();
  let liveNotRun = 'mock mode: run `pnpm contracts:live` to verify against the provider';
  if (selected.has('live')) {
    const outcome = await verifyLive(api, pactFile, env, strict, log);
    if ('notRun' in outcome) {
      liveNotRun = outcome.notRun;
      Object.assign(report, { status: 'not-run', reason: outcome.notRun });
    } else liveResults = outcome.results;
  }

  const notSelected = (name: RouteName): RouteResult => ({ outcome: 'skip', reason: `${name} route not selected` });
  report.interactions = interactions.map(({ description, providerStates }) => ({
    description,
    state: providerStates?.[0]?.name ?? '',
    prism: prismResults.get(description) ?? notSelected('prism'),
    static: staticResults.get(description) ?? notSelected('static'),
    live: liveResults.get(description) ?? { outcome: 'skip', reason: liveNotRun },
  }));
  const failed = report.interactions.some((interaction) =>
    [interaction.prism, interaction.static, interaction.live].some((result) => result.outcome === 'fail'),
  );
  if (failed) report.status = 'fail';
  log(`${api}: ${report.status}`);
  return report;
}

async function prismSetup(api: ApiName, state: string, params: Record<string, unknown>): Promise<SetupOutcome> {
  const known = stateDefinition(api, state);
  if (!known) return { skip: `unknown provider state "${state}": add it to src/states.ts` };
  return { params: stringValues(params), headers: { prefer: known.prefer } };
}

const stringValues = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
