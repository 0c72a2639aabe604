/**
 * Live drift as changes of the contract, not instances. The pact's mismatches and the schema check's
 * findings of every live interaction become drift-rules instances; grouped, they are one change per
 * (operation, status, schema path, rule) with its rule id, severity and fingerprint, the share of items
 * it was seen in and a rename hint. An interaction fails when a change it showed fails: breaking (or
 * additive with `--strict`) and not acknowledged by the reviewed file. The instances stay on each
 * interaction (`live.drift`, in contracts.json), each with the fingerprint of its change.
 */

import { join } from 'node:path';
import {
  type Acknowledgement,
  applyAcknowledgements,
  type DriftChange,
  type DriftInstance,
  describeAcknowledgementIssues,
  failingChanges,
  groupInstances,
  type InstanceContext,
  instanceFromSchemaFinding,
  instancesFromPactMismatch,
  loadAcknowledgements,
  normalizePath,
  renderChangeLine,
  schemaPathOf,
} from '@api-contracts/drift-rules';
import type { OpenApiDocument } from '@api-contracts/specs';
import type { ApiReport, ContractChange, DriftFinding, Mismatch, RouteResult } from './model.js';
import { appDir } from './paths.js';

/** The reviewed file of acknowledged changes (format in the drift-rules README; empty by default). */
export const acknowledgedDriftFile = join(appDir, 'acknowledged-drift.yaml');

/** The acknowledgements of `file` (none when it does not exist); an invalid file throws before any network call. */
export function loadAcknowledgedDrift(file: string = acknowledgedDriftFile): Promise<Acknowledgement[]> {
  return loadAcknowledgements(file);
}

/** The operationId in a provider's `METHOD /path (operationId)`, else `METHOD /path` (what the drift rules accept). */
export function operationIdOf(operation: string): string {
  return /\(([^()\s]+)\)$/.exec(operation)?.[1] ?? operation.replace(/\s*\(.*\)$/, '');
}

/** One response the live route recorded: which interaction it answered, its status and its body. */
export interface ObservedResponse {
  interaction?: string | undefined;
  status: number;
  body: unknown;
}

export interface LiveDriftInput {
  api: string;
  /** The operation an interaction's request makes (operationId), by the interaction's description. */
  operationOf: (description: string) => string;
  spec: OpenApiDocument;
  /** Per interaction (by description): the Verifier's result with its schema findings. */
  results: ReadonlyMap<string, RouteResult>;
  responses: readonly ObservedResponse[];
  strict: boolean;
}

/**
 * The live results of one API judged by changes: every judged interaction gets its instances (`drift`),
 * one reason line per change it showed, and its outcome; the changes are returned, not yet acknowledged
 * (acknowledgements apply to the whole run: `judgeLiveRun`).
 */
export function groupLiveDrift({ api, operationOf, spec, results, responses, strict }: LiveDriftInput): {
  results: Map<string, RouteResult>;
  changes: ContractChange[];
} {
  const judged = [...results].filter(([, result]) => result.outcome !== 'skip');
  const instancesOf = new Map<string, Found[]>();
  for (const [description, result] of judged) {
    const status = responses.find((response) => response.interaction === description)?.status;
    const context: InstanceContext = { api, operation: operationOf(description), status, response: description };
    instancesOf.set(description, [...pactInstances(result, context), ...schemaInstances(result, context)]);
  }
  const grouped = groupInstances([...instancesOf.values()].flat(), {
    responses: responses.flatMap((response) =>
      response.interaction === undefined
        ? []
        : [{ id: response.interaction, api, operation: operationOf(response.interaction), status: response.status, body: response.body }],
    ),
    specs: { [api]: spec },
  });
  const seenIn = new Map<string, Set<string>>();
  const out = new Map(results);
  for (const [description, result] of judged) {
    const drift = (instancesOf.get(description) ?? []).map((instance) => {
      const change = changeOf(instance, grouped);
      if (change) seenIn.set(change.fingerprint, (seenIn.get(change.fingerprint) ?? new Set()).add(description));
      return findingOf(instance, change);
    });
    out.set(description, { ...result, drift });
  }
  const changes = grouped.map((change) => ({ ...change, interactions: [...(seenIn.get(change.fingerprint) ?? [])] }));
  judgeResults(out, changes, strict);
  return { results: out, changes };
}

/** An instance with the words of the finder that found it (its own path and keyword), for contracts.json. */
type Found = DriftInstance & { rawPath: string; keyword: string };

/** The pact's verdict as instances: each mismatch, or the failure itself when the Verifier named no mismatch. */
function pactInstances(result: RouteResult, context: InstanceContext): Found[] {
  if (result.outcome !== 'fail') return [];
  const mismatches: Mismatch[] = result.mismatches?.length
    ? result.mismatches
    : [{ path: '(interaction)', message: result.reason ?? 'failed' }];
  return mismatches.flatMap((mismatch) => {
    // Our own failures (a state that could not be set up, a Verifier that could not run) are no place in a response.
    if (mismatch.path.startsWith('(')) {
      return [
        {
          ...context,
          source: 'pact' as const,
          rule: 'pact-mismatch' as const,
          path: mismatch.path,
          expected: mismatch.expected ?? 'the interaction replayed',
          actual: mismatch.actual ?? mismatch.message,
          message: mismatch.message,
          rawPath: mismatch.path,
          keyword: 'pact',
        },
      ];
    }
    return instancesFromPactMismatch(mismatch, context).map((instance) => ({ ...instance, rawPath: mismatch.path, keyword: 'pact' }));
  });
}

function schemaInstances(result: RouteResult, context: InstanceContext): Found[] {
  return (result.schemaFindings ?? []).map((finding) => ({
    ...instanceFromSchemaFinding(finding, context),
    rawPath: finding.path,
    keyword: finding.keyword,
  }));
}

/** The change an instance was grouped into: same place, and its rule (a pact instance may have joined a finer rule there). */
function changeOf(instance: DriftInstance, changes: readonly DriftChange[]): DriftChange | undefined {
  const status = instance.status === undefined ? undefined : String(instance.status);
  const path = schemaPathOf(normalizePath(instance.path));
  const here = changes.filter(
    (change) => change.api === instance.api && change.operation === instance.operation && change.status === status && change.path === path,
  );
  const sameRule = here.find((change) => change.rule === instance.rule && change.sources.includes(instance.source));
  return sameRule ?? (instance.source === 'pact' ? here.find((change) => change.sources.includes('pact')) : undefined);
}

/** An instance as contracts.json lists it: the finder's own path and words, with its change's rule, severity and fingerprint. */
function findingOf(instance: Found, change: DriftChange | undefined): DriftFinding {
  return {
    severity: change?.severity ?? 'breaking',
    source: instance.source === 'pact' ? 'pact' : 'schema',
    path: instance.rawPath,
    keyword: instance.keyword,
    expected: instance.expected,
    actual: instance.actual,
    message: instance.message ?? `${instance.rule} at ${instance.path}`,
    rule: change?.rule ?? instance.rule,
    instancePath: normalizePath(instance.path),
    ...(change && { fingerprint: change.fingerprint }),
  };
}

/**
 * Sets each judged interaction's outcome and reasons from the changes it showed: one short line per change
 * (`renderChangeLine`), and `fail` when one of them fails the gate.
 */
function judgeResults(results: Map<string, RouteResult>, changes: readonly ContractChange[], strict: boolean): void {
  const failing = new Set(failingChanges(changes as readonly DriftChange[], { strict }).map((change) => change.fingerprint));
  for (const [description, result] of results) {
    if (result.outcome === 'skip' || result.drift === undefined) continue;
    const mine = changes.filter((change) => change.interactions.includes(description));
    const reasons = mine.map((change) => renderChangeLine(change as DriftChange));
    const { reason: _replaced, reasons: _replacedToo, ...rest } = result;
    results.set(description, {
      ...rest,
      outcome: mine.some((change) => failing.has(change.fingerprint)) ? 'fail' : 'pass',
      ...(reasons.length > 0 && { reason: reasons.join('; '), reasons }),
    });
  }
}

/**
 * Applies the acknowledgements to the changes of every API of a live run (a fingerprint names one API's
 * change, so the whole run is needed to tell an unused entry), then judges each interaction again.
 * Returns the entries to review: expired, mismatched, and unused when every API of the run was judged.
 */
export function judgeLiveRun(
  reports: ApiReport[],
  acknowledgements: readonly Acknowledgement[],
  { strict, today = new Date() }: { strict: boolean; today?: Date },
): string[] {
  const outcome = applyAcknowledgements(
    reports.flatMap((report) => (report.changes ?? []) as DriftChange[]),
    acknowledgements,
    { today },
  );
  const marked = outcome.changes as (DriftChange & ContractChange)[];
  for (const report of reports) {
    if (report.changes === undefined) continue;
    // One entry per consumer and API: each keeps its own changes (the same change may show in several consumers').
    report.changes = marked.filter((change) => change.api === report.api && change.consumer === report.consumer);
    const results = new Map(report.interactions.map((interaction) => [interaction.description, interaction.live]));
    judgeResults(results, report.changes, strict);
    for (const interaction of report.interactions) interaction.live = results.get(interaction.description) ?? interaction.live;
    if (report.status !== 'not-run') {
      const failed = report.interactions.some((interaction) =>
        [interaction.prism, interaction.static, interaction.live].some((result) => result.outcome === 'fail'),
      );
      report.status = failed ? 'fail' : 'pass';
    }
  }
  const everyApiJudged = reports.every((report) => report.changes !== undefined);
  return describeAcknowledgementIssues({ ...outcome, unused: everyApiJudged ? outcome.unused : [] });
}
