/**
 * `--capture`: drift that only adds to the contract becomes a change of this repo, ready for review: the spec
 * patch (spec-patch.ts), the types regenerated from it, and a changeset with the bump the spec gate demands
 * for the patch; plus the branch, title and body of the pull request that carries them (the nightly workflow
 * opens or updates it). One refused change that is breaking, and nothing is written: a spec that records half
 * of a provider's drift would pass review while the gate still fails.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fingerprint } from '@api-contracts/drift-rules';
import type { OpenApiDocument } from '@api-contracts/specs';
import { type Api, specPath } from '@api-contracts/specs';
import { parse } from 'yaml';
import type { ContractChange } from '../model.js';
import { changesetFile, renderChangeset } from './changeset.js';
import { type Bump, generateTypes, specGate } from './repository.js';
import { sharedPlaces } from './shared-places.js';
import { type AppliedPatch, patchSpec, type RefusedChange } from './spec-patch.js';

/** A change of the contract as the routes report it (the live route's, or drift-rules' `DriftChange` from the vendor route). */
export type CaptureCandidate = Pick<
  ContractChange,
  'fingerprint' | 'api' | 'operation' | 'status' | 'path' | 'rule' | 'severity' | 'acknowledged'
>;

export interface CaptureInput {
  /** The repository: its specs, types package and .changeset/ are written. */
  root: string;
  /** The command that saw the drift, for the marks, the changeset and the pull request. */
  command: 'pnpm contracts:live' | 'pnpm contracts:vendor';
  /** Every change of the run; acknowledged ones are left alone. */
  changes: readonly CaptureCandidate[];
  /** Where each API's drift was seen: the live base URL or the published definition's source. */
  seenAt: Partial<Record<Api, string>>;
  /** Live: every response observed per API, to infer a new item's schema from all its values. */
  observed?: Partial<Record<Api, readonly { status: number; body: unknown }[]>>;
  /** Vendor: the providers' published definitions, whose schemas a new item copies. */
  definitions?: Partial<Record<Api, OpenApiDocument>>;
  /** The day the marks name (default today, UTC). */
  on?: string;
  log?: (line: string) => void;
}

export interface CaptureResult {
  /**
   * `captured`: files written; `nothing-to-capture`: no unacknowledged change, or the spec already says it;
   * `refused`: breaking drift, nothing written; `failed`: the patch was written but types or gate failed.
   */
  outcome: 'captured' | 'nothing-to-capture' | 'refused' | 'failed';
  reason?: string;
  applied: (AppliedPatch & { api: string })[];
  refused: (RefusedChange & { api: string })[];
  /** Files written, relative to the root. */
  files: string[];
  /** Fingerprints of the applied changes, sorted: the pull request's identity. */
  fingerprints: string[];
  bump?: Bump;
  changeset?: string;
  pullRequest?: { branch: string; title: string; body: string };
}

const today = () => new Date().toISOString().slice(0, 10);

export async function captureDrift(input: CaptureInput): Promise<CaptureResult> {
  const { root, command, log = () => {} } = input;
  const on = input.on ?? today();
  const open = input.changes.filter((change) => change.acknowledged === undefined);
  const empty = { applied: [], refused: [], files: [], fingerprints: [] };
  if (open.length === 0) return { outcome: 'nothing-to-capture', reason: 'no unacknowledged change', ...empty };

  const patched = new Map<Api, string>();
  const applied: CaptureResult['applied'] = [];
  const refused: CaptureResult['refused'] = [];
  for (const api of [...new Set(open.map((change) => change.api))].sort() as Api[]) {
    const file = specPath(api, join(root, 'specs'));
    const specText = await readFile(file, 'utf8');
    const result = patchSpec({
      api,
      specText,
      changes: open.filter((change) => change.api === api),
      ...(input.observed?.[api] && { observed: input.observed[api] }),
      ...(input.definitions?.[api] && { definition: input.definitions[api] }),
      seen: { by: `${command} against ${input.seenAt[api] ?? 'the provider'}`, on },
    });
    applied.push(...result.applied.map((entry) => ({ ...entry, api })));
    refused.push(...result.refused.map((entry) => ({ ...entry, api })));
    if (result.text !== specText) patched.set(api, result.text);
  }
  const fingerprints = [...new Set(applied.map((entry) => entry.fingerprint))].sort();
  const breaking = refused.filter((entry) => open.find((change) => change.fingerprint === entry.fingerprint)?.severity === 'breaking');
  if (breaking.length > 0) {
    return {
      outcome: 'refused',
      reason: `${breaking.length} breaking change(s) cannot be captured (${breaking.map((entry) => entry.rule).join(', ')}): no file written; they stay in the report and the api-drift issue`,
      applied: [],
      refused,
      files: [],
      fingerprints: [],
    };
  }
  if (patched.size === 0) {
    return {
      outcome: 'nothing-to-capture',
      reason: 'the specs already say everything the drift showed',
      applied,
      refused,
      files: [],
      fingerprints,
    };
  }

  const files: string[] = [];
  for (const [api, text] of patched) {
    await writeFile(specPath(api, join(root, 'specs')), text);
    files.push(`specs/${api}/openapi.yaml`);
  }
  // What live traffic showed and the provider's definition may not declare: explained for the vendor route.
  if (command === 'pnpm contracts:live') files.push(...(await explainForVendorRoute(root, applied, input.seenAt, on)));
  log(`capture: ${applied.length} change(s) written to ${files.join(', ')}`);
  // As the nightly job names the branch from every route's fingerprints: `printf '%s\n' … | sha256sum`.
  const id = captureId(fingerprints);
  try {
    // The bump the gate demands for this patch alone: the specs against the last commit, asked while the types are
    // regenerated (that run reads neither the generated files nor the changesets; its check of the types is the
    // second run's).
    const [regenerated, before] = await Promise.all([generateTypes(root), specGate(root, { generated: false })]);
    files.push(...regenerated);
    log('capture: types regenerated');
    const bump = before.required;
    const changeset = changesetFile(id);
    await writeFile(join(root, changeset), renderChangeset({ packages: before.packages, bump, command, on, applied }));
    files.push(changeset);
    const after = await specGate(root, { generated: true });
    if (after.problems.length > 0) throw new Error(`the spec gate refuses the captured change: ${after.problems.join('; ')}`);
    log(`capture: ${changeset} (${bump}), accepted by the spec gate`);
    return {
      outcome: 'captured',
      applied,
      refused,
      files,
      fingerprints,
      bump,
      changeset,
      pullRequest: pullRequestOf({ id, command, on, applied, refused, files, bump }),
    };
  } catch (error) {
    return {
      outcome: 'failed',
      reason: error instanceof Error ? error.message : String(error),
      applied,
      refused,
      files,
      fingerprints,
    };
  }
}

/** The vendor route's rule for a difference our spec makes by a capture: ours has what the definition lacks. */
const vendorRuleOf: Record<string, string> = {
  'response-property-added': 'response-property-removed',
  'response-enum-value-added': 'response-enum-value-removed',
  'response-status-added': 'response-status-removed',
  'response-status-undocumented': 'response-status-removed',
  'response-header-added': 'response-header-removed',
  'request-parameter-added-optional': 'request-parameter-removed',
};

/**
 * An entry in `specs/<api>/vendor-differences.yaml` per live capture, appended as lines: once our spec says what
 * the provider serves, the published definition may not, and `pnpm contracts:vendor` must not call that drift.
 * An entry the definition catches up with is reported stale there, never failing. The files written.
 */
async function explainForVendorRoute(
  root: string,
  applied: CaptureResult['applied'],
  seenAt: CaptureInput['seenAt'],
  on: string,
): Promise<string[]> {
  const written: string[] = [];
  for (const api of [...new Set(applied.map((entry) => entry.api))].sort()) {
    const relativePath = `specs/${api}/vendor-differences.yaml`;
    const file = join(root, relativePath);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const spec = parse(await readFile(join(root, 'specs', api, 'openapi.yaml'), 'utf8'));
    // The change where it was seen, and every other operation the patched component reaches (the vendor route
    // compares each operation our spec captures).
    const placesOf = (entry: CaptureResult['applied'][number]) => [
      entry,
      ...(entry.status && (entry.rule === 'response-property-added' || entry.rule === 'response-enum-value-added')
        ? sharedPlaces(spec, { operation: entry.operation, status: entry.status, path: entry.path })
        : []),
    ];
    function vendorEntry(text: string, entry: CaptureResult['applied'][number], rule: string): string[] {
      const id = fingerprint({ rule, api, operation: entry.operation, status: entry.status, path: entry.path });
      if (text.includes(id)) return [];
      return [
        `  # ${entry.operation} ${entry.status ? `${entry.status} ` : ''}${entry.path} (captured)`,
        `  - fingerprint: ${id}`,
        `    rule: ${rule}`,
        `    reason: >-`,
        `      Captured by pnpm contracts:live against ${seenAt[api as Api] ?? 'the provider'} on ${on} (change`,
        `      ${entry.fingerprint}): the provider serves it; its published definition may not declare it.`,
      ];
    }
    const entries = applied.flatMap((entry) => {
      const rule = vendorRuleOf[entry.rule];
      if (entry.api !== api || !rule) return [];
      return placesOf(entry).flatMap((place) => vendorEntry(text, { ...entry, ...place }, rule));
    });
    if (entries.length === 0) continue;
    await writeFile(file, `${text.endsWith('\n') ? text : `${text}\n`}${entries.join('\n')}\n`);
    written.push(relativePath);
  }
  return written;
}

/** The id of a set of captured changes: the first 12 hex digits of the sha-256 of its sorted fingerprints, one per line. */
export const captureId = (fingerprints: readonly string[]) =>
  createHash('sha256')
    .update(
      [...fingerprints]
        .sort()
        .map((fingerprint) => `${fingerprint}\n`)
        .join(''),
    )
    .digest('hex')
    .slice(0, 12);

/** One branch per set of fingerprints: the same drift on a second night updates the same pull request. */
function pullRequestOf({
  id,
  command,
  on,
  applied,
  refused,
  files,
  bump,
}: {
  id: string;
  command: string;
  on: string;
  applied: CaptureResult['applied'];
  refused: CaptureResult['refused'];
  files: string[];
  bump: Bump;
}): NonNullable<CaptureResult['pullRequest']> {
  const apis = [...new Set(applied.map((entry) => entry.api))].join(', ');
  const body = [
    `<!-- api-drift-capture: ${id} -->`,
    `\`${command} --capture\` saw the providers add to their contract on ${on}. This pull request records it:`,
    '',
    ...applied.map((entry) => `- ${entry.api} ${entry.summary} (\`${entry.rule}\`, change ${entry.fingerprint})`),
    '',
    `Files: ${files.map((file) => `\`${file}\``).join(', ')}. Changeset bump: **${bump}** (what \`pnpm spec-gate\` demands for the patch).`,
    ...(refused.length > 0
      ? [
          '',
          'Not captured (additive, but nothing to write into the spec):',
          ...refused.map((entry) => `- ${entry.api} ${entry.rule}: ${entry.reason}`),
        ]
      : []),
    '',
    'Review the inferred schemas before merging: they describe the values seen, not a promise of the provider.',
  ].join('\n');
  return {
    branch: `api-drift/capture-${id}`,
    title: `Capture provider drift: ${apis} (${applied.length} change${applied.length === 1 ? '' : 's'}) [${id}]`,
    body,
  };
}
