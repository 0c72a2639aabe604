import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import getReleasePlan from '@changesets/get-release-plan';
import { execa } from 'execa';
import { type BlastRadius, blastRadius, brokenConsumers, type SpecVersions } from './blast-radius.js';
import { findConsumerPacts } from './consumer-pacts.js';
import { type Bump, bumpRank, type DocsChange, diffSpecs, type InfoChange, requiredBump, type SpecChange } from './spec-diff.js';

export interface PendingBump {
  bump: Bump;
  /** The changeset files that release the package (those its changelog will list). */
  from: string[];
}

export interface SpecReport {
  api: string;
  file: string;
  status: 'unchanged' | 'changed' | 'added' | 'removed';
  /** Changes of the contract, each with its catalogue rule, severity and fingerprint. */
  changes: SpecChange[];
  /** Changes under components no operation reaches: information, no release needed. */
  info: InfoChange[];
  /** Documentation-only changes (descriptions, examples, summaries, tags): no release needed. */
  docs: DocsChange[];
  /** The smallest bump the changes call for: major for a breaking change or a broken consumer. */
  required: Bump;
  problems: string[];
}

export interface GateReport {
  base: { ref: string; commit: string };
  specs: SpecReport[];
  /** Packages a spec change releases, and the bump pending changesets give each. */
  pending: Record<string, PendingBump>;
  /** Every known consumer pact checked statically against the changed specs. */
  consumers: BlastRadius;
  generated?: { upToDate: boolean; output: string };
  problems: string[];
}

export interface GateOptions {
  root: string;
  /** A git ref; default: the merge base of HEAD with main (or origin/main). */
  base?: string;
  /** Also check that the committed generated types and client match the specs. */
  checkGenerated?: boolean;
}

// The generator of the types package, run on `root`'s specs and compared with the package's committed output.
const resolvePackage = (name: string) => dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
/** The packages generated from the specs, each with a `scripts/generate.ts --check --specs <dir>`. */
const generatedPackages = [
  { what: 'types', dir: resolvePackage('@api-contracts/types') },
  { what: 'client', dir: resolvePackage('@api-contracts/client') },
] as const;

const git = (root: string, args: string[]) => execa('git', args, { cwd: root, reject: false });

async function resolveBase(root: string, base: string | undefined) {
  if (base) {
    const commit = await git(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
    if (commit.exitCode !== 0) throw new Error(`--base ${base} is not a commit in this repository`);
    return { ref: base, commit: commit.stdout.trim() };
  }
  for (const candidate of ['main', 'origin/main']) {
    const mergeBase = await git(root, ['merge-base', 'HEAD', candidate]);
    if (mergeBase.exitCode === 0) return { ref: `merge base with ${candidate}`, commit: mergeBase.stdout.trim() };
  }
  throw new Error('no `main` or `origin/main` to compare with: pass --base <git-ref>');
}

/** The published packages a spec change reaches: every non-private package of the workspace. */
async function publishedPackages(root: string): Promise<string[]> {
  const dirs = ['specs', ...(await readdir(join(root, 'packages')).catch(() => [])).map((name) => join('packages', name))];
  const names: string[] = [];
  for (const dir of dirs) {
    const manifest = await readFile(join(root, dir, 'package.json'), 'utf8').catch(() => undefined);
    if (!manifest) continue;
    const { name, private: isPrivate } = JSON.parse(manifest) as { name: string; private?: boolean };
    if (!isPrivate) names.push(name);
  }
  return names.sort();
}

/**
 * The bump each package gets from the pending changesets, exactly as `changeset version` will apply it:
 * changesets' own release plan (fixed and linked groups, dependents, ignored and private packages, pre mode).
 */
async function pendingBumps(root: string): Promise<Map<string, PendingBump>> {
  const plan = await getReleasePlan(root);
  return new Map(
    plan.releases.map((release) => [release.name, { bump: release.type, from: release.changesets.map((id) => `.changeset/${id}.md`) }]),
  );
}

async function specFiles(root: string, commit: string): Promise<Set<string>> {
  const atBase = await git(root, ['ls-tree', '-r', '--name-only', commit, 'specs/']);
  const files = new Set(atBase.stdout.split('\n').filter((file) => /^specs\/[^/]+\/openapi\.yaml$/.test(file)));
  for (const dir of await readdir(join(root, 'specs'), { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const file = `specs/${dir.name}/openapi.yaml`;
    if (
      await readFile(join(root, file)).then(
        () => true,
        () => false,
      )
    )
      files.add(file);
  }
  return files;
}

export async function runGate({ root, base, checkGenerated = true }: GateOptions): Promise<GateReport> {
  const resolved = await resolveBase(root, base);
  const packages = await publishedPackages(root);
  const bumps = await pendingBumps(root);
  const pending = Object.fromEntries(packages.map((name) => [name, bumps.get(name) ?? { bump: 'none' as Bump, from: [] }]));
  const versions: (SpecVersions & { file: string; changes: SpecChange[]; info: InfoChange[]; docs: DocsChange[] })[] = [];
  for (const file of [...(await specFiles(root, resolved.commit))].sort()) {
    const atBase = await git(root, ['show', `${resolved.commit}:${file}`]);
    const before = atBase.exitCode === 0 ? atBase.stdout : undefined;
    const after = await readFile(join(root, file), 'utf8').catch(() => undefined);
    const api = file.split('/')[1] ?? file;
    // An added spec is compared with an empty one (its operations are added), a removed one likewise.
    const { changes, info, docs } = before === after ? { changes: [], info: [], docs: [] } : diffSpecs(api, before, after);
    const status: SpecReport['status'] =
      before === undefined
        ? 'added'
        : after === undefined
          ? 'removed'
          : changes.length + info.length + docs.length === 0
            ? 'unchanged'
            : 'changed';
    versions.push({ api, file, status, before, after, changes, info, docs });
  }
  const consumers = await blastRadius(await findConsumerPacts(root), versions);
  const specs = versions.map(({ api, file, status, changes, info, docs }): SpecReport => {
    const fromChanges = requiredBump(changes);
    const broken = brokenConsumers(consumers.apis.find((radius) => radius.api === api));
    // A consumer the change breaks makes it a breaking change, whatever the catalogue's severity says.
    const required = broken.length > 0 ? 'major' : fromChanges;
    const severity = required === 'major' ? 'breaking' : 'additive';
    const count = changes.filter((change) => change.kind === severity).length;
    const reason = [
      fromChanges === required ? `the ${severity} change${count > 1 ? 's' : ''} to ${file}` : `the change to ${file}`,
      ...(broken.length > 0
        ? [`which breaks consumer${broken.length > 1 ? 's' : ''} ${broken.map((name) => `\`${name}\``).join(', ')}`]
        : []),
    ].join(', ');
    const problems = packages
      .filter((name) => bumpRank[pending[name]?.bump ?? 'none'] < bumpRank[required])
      .map((name) => `${name} needs a ${required} bump for ${reason}; pending changesets give it ${pending[name]?.bump ?? 'none'}`);
    return { api, file, status, changes, info, docs, required, problems };
  });
  const report: GateReport = { base: resolved, specs, pending, consumers, problems: specs.flatMap((spec) => spec.problems) };
  if (checkGenerated) {
    const checks = await Promise.all(
      generatedPackages.map(async ({ what, dir }) => {
        // `node --import tsx/esm`, as the package's `generate` script runs it: one process, not the tsx binary's two.
        const check = await execa(
          process.execPath,
          ['--import', 'tsx/esm', 'scripts/generate.ts', '--check', '--specs', join(root, 'specs')],
          {
            cwd: dir,
            reject: false,
            all: true,
          },
        );
        return { what, upToDate: check.exitCode === 0, output: check.all ?? '' };
      }),
    );
    const stale = checks.filter((check) => !check.upToDate);
    report.generated = { upToDate: stale.length === 0, output: stale.map((check) => check.output).join('\n') };
    if (stale.length > 0)
      report.problems.push(
        `the committed generated ${stale.map((check) => check.what).join(' and ')} differ from a fresh generation: run \`pnpm generate\` and commit`,
      );
  }
  return report;
}
