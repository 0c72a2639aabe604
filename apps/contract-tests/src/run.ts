import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { type LiveSettings, livePageKey, liveVariables, missingId, reachable, readLiveSettings, startRecorder } from './live.js';
import { pactDir, specPath } from './paths.js';
import { startPrism } from './prism.js';
import { ResponseValidator, type SchemaFinding } from './schema-check.js';
import { type ApiName, apiNames, consumer, providers, type StateDefinition, states } from './states.js';
import { type StaticFinding, staticCheck } from './static-check.js';
import { type InteractionResult, type Mismatch, type StateSetup, verifyPact } from './verify.js';

export type Outcome = 'pass' | 'fail' | 'skip';

export interface RouteResult {
  outcome: Outcome;
  reason?: string;
  mismatches?: Mismatch[];
  findings?: StaticFinding[];
  schemaFindings?: SchemaFinding[];
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
  apis = apiNames,
  env = process.env,
  log = () => {},
  pactDir: directory,
}: RunOptions): Promise<Report> {
  const reports = await Promise.all(apis.map((api) => checkApi(api, pactFileOf(api, directory), live, env, log)));
  const all = reports.flatMap((report) =>
    report.interactions.flatMap((interaction) => [interaction.prism, interaction.static, interaction.live]),
  );
  const summary = { pass: 0, fail: 0, skip: 0 };
  for (const route of all) summary[route.outcome]++;
  const exitCode = reports.some((report) => report.status === 'fail') ? 1 : reports.some((report) => report.status === 'not-run') ? 2 : 0;
  return { schemaVersion: 1, generatedAt: new Date().toISOString(), mode: live ? 'live' : 'mock', exitCode, summary, apis: reports };
}

async function checkApi(
  api: ApiName,
  pactFile: string,
  live: boolean,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<ApiReport> {
  const report: ApiReport = { api, provider: providers[api], pactFile, status: 'pass', interactions: [] };
  if (
    !(await access(pactFile).then(
      () => true,
      () => false,
    ))
  ) {
    return {
      ...report,
      status: 'not-run',
      reason: `no pact at ${pactFile}: run \`pnpm --filter @api-contracts/contract-tests pacts\` (pnpm contracts does)`,
    };
  }
  const spec = specPath(api);

  log(`${api}: static check of the pact against the spec`);
  const findings = await staticCheck(spec, pactFile);

  log(`${api}: starting Prism on the spec`);
  const prism = await startPrism(spec);
  log(`${api}: Prism listening after ${prism.startupMs.toFixed(0)} ms; replaying the pact`);
  let prismResults: InteractionResult[];
  try {
    prismResults = await verifyPact({ pactFile, baseUrl: prism.url, setup: async (state, params) => prismSetup(api, state, params) });
  } finally {
    await prism.stop();
  }
  report.prismStartupMs = Math.round(prism.startupMs);

  const liveResults = live
    ? await verifyLive(api, pactFile, env, log)
    : { notRun: 'mock mode: run `pnpm contracts:live` to verify against the provider' };
  if ('notRun' in liveResults && live) Object.assign(report, { status: 'not-run', reason: liveResults.notRun });

  report.interactions = prismResults.map((prismResult) => {
    const staticFindings = findings.get(prismResult.description) ?? [];
    const errors = staticFindings.filter((finding) => finding.type === 'error');
    const liveResult = 'notRun' in liveResults ? undefined : liveResults.results.get(prismResult.description);
    return {
      description: prismResult.description,
      state: prismResult.state,
      prism: route(prismResult),
      static: {
        outcome: errors.length > 0 ? 'fail' : 'pass',
        ...(staticFindings.length > 0 && { reason: staticFindings.map((finding) => `${finding.code}: ${finding.message}`).join('; ') }),
        findings: staticFindings,
      },
      live: liveResult ?? { outcome: 'skip', reason: 'notRun' in liveResults ? liveResults.notRun : 'not replayed' },
    };
  });
  const failed = report.interactions.some((interaction) =>
    [interaction.prism, interaction.static, interaction.live].some((result) => result.outcome === 'fail'),
  );
  if (failed) report.status = 'fail';
  log(`${api}: ${report.status}`);
  return report;
}

function route(result: InteractionResult): RouteResult {
  return { outcome: result.outcome, ...(result.reason && { reason: result.reason }), mismatches: result.mismatches };
}

function definition(api: ApiName, state: string): StateDefinition | undefined {
  return (states[api] as Record<string, StateDefinition>)[state];
}

async function prismSetup(api: ApiName, state: string, params: Record<string, unknown>): Promise<StateSetup | { skip: string }> {
  const known = definition(api, state);
  if (!known) return { skip: `unknown provider state "${state}": add it to src/states.ts` };
  return { params: stringValues(params), headers: { prefer: known.prefer } };
}

async function verifyLive(api: ApiName, pactFile: string, env: NodeJS.ProcessEnv, log: (line: string) => void) {
  const settings = readLiveSettings(api, env);
  if ('missing' in settings) {
    const { required, optional } = liveVariables[api];
    return { notRun: `skipped: set ${settings.missing.join(', ')} (required: ${required.join(', ')}; optional: ${optional.join(', ')})` };
  }
  log(`${api}: checking that ${settings.baseUrl} answers`);
  const reach = await reachable(settings.baseUrl);
  if (!reach.ok) return { notRun: reach.reason };

  const validator = await ResponseValidator.load(specPath(api));
  const recorder = await startRecorder(settings.baseUrl);
  const described = new Map<number, string>();
  log(`${api}: replaying the pact against ${settings.baseUrl}`);
  let results: InteractionResult[];
  try {
    results = await verifyPact({
      pactFile,
      baseUrl: recorder.url,
      setup: async (state, _params, description) => {
        const prepared = await liveSetup(api, state, settings);
        described.set(recorder.exchanges.length, description);
        return prepared;
      },
    });
  } finally {
    await recorder.close();
  }
  const template = api === 'verisoul' ? '/account/{account_id}/sessions' : '/v2/agents/{agent_key}/sessions';
  const byDescription = new Map<string, RouteResult>();
  for (const result of results) byDescription.set(result.description, route(result));
  recorder.exchanges.forEach((exchange, index) => {
    const description = described.get(index);
    const result = description ? byDescription.get(description) : undefined;
    if (!result || result.outcome === 'skip') return;
    const schemaFindings = validator.check(template, exchange.method, exchange.status, exchange.contentType, exchange.body);
    result.schemaFindings = schemaFindings;
    if (schemaFindings.length > 0) {
      result.outcome = 'fail';
      const summary = schemaFindings.map((finding) => `${finding.path}: expected ${finding.expected}, got ${finding.actual}`).join('; ');
      result.reason = [result.reason, `response breaks the spec: ${summary}`].filter(Boolean).join('; ');
    }
  });
  return { results: byDescription };
}

async function liveSetup(api: ApiName, state: string, settings: LiveSettings): Promise<StateSetup | { skip: string }> {
  const known = definition(api, state);
  if (!known) return { skip: `unknown provider state "${state}": add it to src/states.ts` };
  if (known.liveSkipReason) return { skip: known.liveSkipReason };
  const key = { 'x-api-key': settings.apiKey };
  if (api === 'verisoul') {
    if (state === 'an account without sessions') {
      const emptyAccountId = settings.optionalIds.emptyAccountId;
      return emptyAccountId
        ? { params: { accountId: emptyAccountId }, headers: key }
        : { skip: 'set VERISOUL_EMPTY_ACCOUNT_ID (an account without sessions) to verify this state' };
    }
    if (state === 'no account with that id') return { params: { accountId: missingId('acct_') }, headers: key };
    return { params: { accountId: settings.ids.accountId ?? '' }, headers: key };
  }
  const agentKey = settings.ids.agentKey ?? '';
  switch (state) {
    case 'an agent without sessions': {
      const emptyAgentKey = settings.optionalIds.emptyAgentKey;
      return emptyAgentKey
        ? { params: { agentKey: emptyAgentKey }, headers: key }
        : { skip: 'set VECTARA_EMPTY_AGENT_KEY (an agent without sessions) to verify this state' };
    }
    case 'no agent with that key':
      return { params: { agentKey: missingId('agt_') }, headers: key };
    case 'an API key the provider does not accept':
      return { params: { agentKey }, headers: { 'x-api-key': `invalid-${missingId('')}` } };
    case 'an agent with more than one page of sessions': {
      const pageKey = await livePageKey(settings, agentKey).catch(() => undefined);
      return pageKey
        ? { params: { agentKey, pageKey }, headers: key }
        : { skip: `VECTARA_AGENT_KEY's first page of 1 returned no page_key: use an agent with at least two sessions` };
    }
    default:
      return { params: { agentKey }, headers: key };
  }
}

const stringValues = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
