// `pnpm contracts:vendor`: each API's spec against its provider's published definition, for every operation
// our spec captures (an operation of the definition ours does not capture is not our difference, and is not
// compared). No credentials: the definitions are public documents.
//
// The differences our spec makes on purpose are listed, each with its reason, in
// `specs/<api>/vendor-differences.yaml`, an acknowledgement file of the shared catalogue (fingerprint, rule,
// reason): a listed difference is reported "explained" and does not fail; any other is new; an entry that
// matches nothing is stale (the vendor caught up, or our spec changed) and is reported so the file stays true.
import { dirname, join } from 'node:path';
import {
  type Acknowledgement,
  type AcknowledgementOutcome,
  applyAcknowledgements,
  type DriftChange,
  type DriftInstance,
  failingChanges,
  groupInstances,
  loadAcknowledgements,
} from '@api-contracts/drift-rules';
import { type Api, loadSpec, type OpenApiDocument, specPath } from '@api-contracts/specs';
import { operationName, specOperations } from '../spec-operation.js';
import { compareOperation } from './compare.js';
import { CouldNotRun, type LoadOptions, loadDefinition } from './definition.js';
import { locateOperation } from './operation.js';
import { definitionLocation } from './sources.js';

export interface ApiResult {
  api: Api;
  outcome: 'compared' | 'not-run';
  /** Why it could not run. */
  reason?: string;
  /** The operations compared, in spec order: operationId and route. */
  operations: { id: string; route: string }[];
  definition?: { source: string; from: string; bytes: number; openapi: string; title?: string; version?: string };
  knownDifferencesFile: string;
  /** Every difference, one per change of the contract; `acknowledged` holds the reason of an explained one. */
  changes: DriftChange[];
  /** Entries of the file that match no difference (`unused`: stale), are past their date, or name another rule. */
  acknowledgements: Pick<AcknowledgementOutcome, 'unused' | 'expired' | 'mismatched'>;
  durationMs: number;
}

export interface VendorReport {
  schemaVersion: 1;
  generatedAt: string;
  /** 0: no new breaking difference; 1: a new breaking difference; 2: an API could not be compared (and none broke). */
  exitCode: 0 | 1 | 2;
  summary: { newBreaking: number; newAdditive: number; explained: number; stale: number; notRun: number };
  apis: ApiResult[];
}

export interface VendorOptions extends LoadOptions {
  apis: readonly Api[];
  env?: NodeJS.ProcessEnv;
  /** A copy of the specs folder (tests); default the package's. */
  specsRoot?: string;
  log?: (line: string) => void;
  /** Each definition compared, as read (for `--capture`, which copies the schemas of what it adds). */
  onDefinition?: (api: Api, document: OpenApiDocument, source: string) => void;
}

export const knownDifferencesPath = (api: Api, specsRoot?: string) => join(dirname(specPath(api, specsRoot)), 'vendor-differences.yaml');

export async function runVendor(options: VendorOptions): Promise<VendorReport> {
  const env = options.env ?? process.env;
  // The reviewed files are input: a malformed one stops the run (AcknowledgementFileError) before anything is fetched.
  const known = new Map<Api, { file: string; entries: Acknowledgement[] }>();
  for (const api of options.apis) {
    const file = knownDifferencesPath(api, options.specsRoot);
    known.set(api, { file, entries: await loadAcknowledgements(file) });
  }
  const results = await Promise.all(options.apis.map((api) => compareApi(api, known.get(api) ?? { file: '', entries: [] }, env, options)));
  const changes = results.flatMap((result) => result.changes);
  const failing = failingChanges(changes);
  const fresh = changes.filter((change) => !change.acknowledged);
  const summary = {
    newBreaking: failing.length,
    newAdditive: fresh.length - failing.length,
    explained: changes.length - fresh.length,
    stale: results.reduce((count, result) => count + result.acknowledgements.unused.length, 0),
    notRun: results.filter((result) => result.outcome === 'not-run').length,
  };
  const exitCode = summary.newBreaking > 0 ? 1 : summary.notRun > 0 ? 2 : 0;
  return { schemaVersion: 1, generatedAt: new Date().toISOString(), exitCode, summary, apis: results };
}

async function compareApi(
  api: Api,
  known: { file: string; entries: Acknowledgement[] },
  env: NodeJS.ProcessEnv,
  options: VendorOptions,
): Promise<ApiResult> {
  const started = performance.now();
  const spec = loadSpec(api, options.specsRoot);
  const operations = specOperations(spec);
  const routeOf = (operation: { method: string; path: string }) => `${operation.method.toUpperCase()} ${operation.path}`;
  const base = {
    api,
    operations: operations.map((ours) => ({ id: operationName(ours), route: routeOf(ours) })),
    knownDifferencesFile: known.file,
    changes: [],
    acknowledgements: { unused: [], expired: [], mismatched: [] },
  };
  const { location, from } = await definitionLocation(api, env);
  try {
    const definition = await loadDefinition(location, options);
    const { document } = definition;
    options.onDefinition?.(api, document as OpenApiDocument, definition.source);
    const described = {
      source: definition.source,
      from,
      bytes: definition.bytes,
      openapi: String(document.openapi),
      ...(document.info?.title !== undefined && { title: String(document.info.title) }),
      ...(document.info?.version !== undefined && { version: String(document.info.version) }),
    };
    const instances: DriftInstance[] = [];
    for (const ours of operations) {
      const route = routeOf(ours);
      const lookup = locateOperation(document, ours);
      if (lookup.found) instances.push(...compareOperation(api, { document: spec, at: ours }, { document, at: lookup }));
      else if (lookup.movedTo) {
        // Our operationId answers elsewhere: the vendor moved (renamed) what our client calls. Drift, not a wrong document.
        const moved = `${lookup.movedTo.method.toUpperCase()} ${lookup.movedTo.path}`;
        instances.push({
          api,
          operation: operationName(ours),
          rule: 'operation-removed',
          path: 'operation',
          expected: route,
          actual: `${route} (absent); ${ours.operationId} is ${moved}`,
          source: 'vendor',
        });
      } else
        throw new CouldNotRun(
          `${definition.source} has no ${route}${ours.operationId ? ` and no operation ${ours.operationId}` : ''}: ` +
            'not the definition of this API, or the operation was removed; compare by hand before changing the spec',
        );
    }
    const outcome = applyAcknowledgements(groupInstances(instances, { specs: { [api]: spec } }), known.entries);
    const durationMs = Math.round(performance.now() - started);
    options.log?.(
      `${api}: ${described.source} (${(described.bytes / 1024).toFixed(0)} kB, OpenAPI ${described.openapi}` +
        `${described.version ? `, version ${described.version}` : ''}) compared in ${durationMs} ms`,
    );
    const { unused, expired, mismatched } = outcome;
    return {
      ...base,
      outcome: 'compared',
      definition: described,
      changes: outcome.changes,
      acknowledgements: { unused, expired, mismatched },
      durationMs,
    };
  } catch (error) {
    // Anything else that throws here is a vendor document we cannot read (an external or dangling `$ref`...):
    // not compared, said as such, never a pass and never drift.
    const message =
      error instanceof CouldNotRun ? error.message : `could not compare: ${error instanceof Error ? error.message : String(error)}`;
    options.log?.(`${api}: could not run: ${message}`);
    return { ...base, outcome: 'not-run', reason: `${message} (from ${from})`, durationMs: Math.round(performance.now() - started) };
  }
}
