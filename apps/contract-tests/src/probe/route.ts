/**
 * The probe as a route of the live run: once per API (not per consumer pact), with the run's settings and
 * credentials, after the live replay; its findings grouped into changes like the live route's.
 */
import { type DriftInstance, fingerprint, groupInstances } from '@api-contracts/drift-rules';
import { loadSpec } from '@api-contracts/specs';
import type { LiveCredentials } from '../credentials.js';
import type { ContractChange, Exercise, ProbeReport } from '../model.js';
import type { Provider } from '../providers/provider.js';
import { ResponseValidator } from '../schema-check.js';
import { type LiveSettings, readLiveSettings } from '../settings.js';
import { pathValuesOf } from './links.js';
import { exercisesOf, type ProbeExchange, type ProbeInstance, runProbe } from './probe.js';

export const defaultProbeBudget = 20;

export interface ProbeRouteResult {
  report: ProbeReport;
  /** The changes its findings make, each listing the checks that showed it as its interactions. */
  changes: ContractChange[];
  exercises: Exercise[];
  exchanges: ProbeExchange[];
  /** The provider could not be reached: the API could not be checked (exit 2), never drift. */
  notRun?: string;
}

export async function probeRoute(
  provider: Provider,
  {
    env,
    budget,
    credentialsOf,
    sleep,
  }: {
    env: NodeJS.ProcessEnv;
    budget: number;
    credentialsOf: (auth: LiveSettings['auth']) => LiveCredentials;
    sleep?: (ms: number) => Promise<void>;
  },
): Promise<ProbeRouteResult | undefined> {
  const settings = readLiveSettings(provider, env);
  if ('missing' in settings) return undefined;
  const spec = loadSpec(provider.api);
  const credentials = credentialsOf(settings.auth);
  const outcome = await runProbe({
    api: provider.api,
    spec,
    ...(provider.probe && { hints: provider.probe }),
    baseUrl: settings.baseUrl,
    pathValues: pathValuesOf(settings.ids),
    credentials: () => credentials.valid(),
    validator: new ResponseValidator(spec),
    budget,
    ...(sleep && { sleep }),
  });
  const instances = outcome.checks.flatMap((check) => check.instances);
  const grouped = groupInstances(instances, {
    responses: outcome.exchanges.map((exchange) => ({
      id: `probe: ${exchange.check}`,
      api: provider.api,
      operation: exchange.operation,
      status: exchange.status,
      body: exchange.body,
    })),
    specs: { [provider.api]: spec },
  });
  const fingerprintOf = (found: DriftInstance) =>
    fingerprint({ rule: found.rule, api: found.api, operation: found.operation, status: found.status, path: found.path });
  const instancesOf = (change: { fingerprint: string }): ProbeInstance[] =>
    instances.filter((found) => fingerprintOf(found) === change.fingerprint);
  const changes: ContractChange[] = grouped.map((change) => {
    const mine = instancesOf(change);
    // Only seen as how a request the spec calls invalid was refused: the consumer gets an error either way, so
    // at most additive (listed, acknowledgeable, failing only with --strict), whatever the rule's own severity.
    const refusalOnly = mine.length > 0 && mine.every((found) => found.refusal === true);
    return {
      ...change,
      ...(refusalOnly && {
        severity: 'additive' as const,
        hint: change.hint ?? 'a refusal of a request the spec calls invalid (no credentials): additive',
      }),
      interactions: outcome.checks
        .filter((check) => check.instances.some((found) => fingerprintOf(found) === change.fingerprint))
        .map((check) => `probe: ${check.name}`),
    };
  });
  const report: ProbeReport = {
    api: provider.api,
    budget,
    requests: outcome.requests,
    checks: outcome.checks.map(({ instances: found, ...check }) => ({
      ...check,
      ...(found.length > 0 && { changes: [...new Set(found.map(fingerprintOf))] }),
    })),
  };
  return {
    report,
    changes,
    exercises: exercisesOf(outcome.exchanges),
    exchanges: outcome.exchanges,
    ...(outcome.notRun !== undefined && { notRun: outcome.notRun }),
  };
}

/**
 * The probe's checks judged by their changes once acknowledgements apply: a check fails when one of its
 * changes fails (breaking, or additive with `--strict`, and not acknowledged). True when one failed.
 */
export function judgeProbe(report: ProbeReport, changes: readonly ContractChange[], strict: boolean): boolean {
  for (const check of report.checks) {
    if (!check.changes) continue;
    const failing = check.changes.filter((id) => {
      const change = changes.find((candidate) => candidate.fingerprint === id);
      if (!change) return true;
      return change.acknowledged === undefined && (change.severity === 'breaking' || strict);
    });
    check.outcome = failing.length > 0 ? 'fail' : 'pass';
  }
  return report.checks.some((check) => check.outcome === 'fail');
}
