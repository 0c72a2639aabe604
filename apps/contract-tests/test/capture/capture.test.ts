/**
 * `pnpm contracts:live --capture` end to end, in a copy of this repository with its own install: against a
 * stand-in provider that adds an optional field and a new enum value, the capture patches the spec,
 * regenerates types that type-check, writes a changeset the spec gate accepts, and the contract suite stays
 * green on the patched tree; a second run with the same drift changes nothing. Against breaking drift it
 * writes nothing and exits 1.
 */
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDir, repositoryRoot } from '../../src/paths.js';
import { type Exchange, startStandIn } from '../support/stand-in.js';
import { vectaraFixture } from '../vendor/support/definitions.js';
import { newToSpec } from './support/new-to-spec.js';

type StandIn = Awaited<ReturnType<typeof startStandIn>>;
// biome-ignore lint/suspicious/noExplicitAny: sessions are reshaped freely.
type Json = Record<string, any>;

let drift: 'additive' | 'breaking' = 'additive';

// Drift the spec does not describe yet (the next free names on a tree an earlier capture patched).
const newField = newToSpec('vectara', ['archived_at', 'retired_at', 'frozen_at', 'migrated_at']);
const newStatus = newToSpec('vectara', ['suspended', 'hibernating', 'quarantined', 'draining']);

/** Every session gains `newField` (a date-time); the first one's status is `newStatus`, a value the spec's enum lacks. */
function serveDrift(exchange: Exchange): Exchange {
  if (exchange.status !== 200 || !exchange.headers['content-type']?.includes('json')) return exchange;
  const body = JSON.parse(exchange.body) as Json;
  if (!Array.isArray(body.sessions)) return exchange;
  body.sessions = body.sessions.map((session: Json, index: number) => {
    if (drift === 'breaking') {
      const { key: _key, ...rest } = session;
      return rest;
    }
    return {
      ...session,
      [newField]: `2026-11-${String(10 + index).padStart(2, '0')}T08:30:00Z`,
      ...(index === 0 && { status: newStatus }),
    };
  });
  return { ...exchange, body: JSON.stringify(body) };
}

const git = (cwd: string, ...args: string[]) => execa('git', args, { cwd }).then((run) => run.stdout);

// Timeouts are bounds for a 2-core machine running every other suite beside this one, not speed targets.
describe('--capture in a copy of the repository', () => {
  let work: string;
  let copy: string;
  let reports: string;
  let standIn: StandIn;

  /** `pnpm contracts:live --capture` of the copy (turbo builds what changed first), against the stand-in. */
  const capture = () =>
    execa('pnpm', ['contracts:live', '--capture', '--api', 'vectara', '--reports', reports], {
      cwd: copy,
      env: { ...standIn.env(), GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' },
      reject: false,
      all: true,
    });
  const captured = async () => JSON.parse(await readFile(join(reports, 'capture-live.json'), 'utf8')) as Json;
  const pnpm = (...args: string[]) => execa('pnpm', args, { cwd: copy, reject: false, all: true });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'api-contracts-capture-test-'));
    copy = join(work, 'repo');
    reports = join(work, 'reports');
    // The working tree as it is (tracked and new files), without node_modules or build output.
    const files = (await git(repositoryRoot, 'ls-files', '--cached', '--others', '--exclude-standard', '-z')).split('\0').filter(Boolean);
    for (const file of files) {
      await mkdir(dirname(join(copy, file)), { recursive: true });
      await cp(join(repositoryRoot, file), join(copy, file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error; // deleted in the working tree
      });
    }
    // Only the capture's own changeset may satisfy the gate: the pending ones of this repository are removed.
    for (const file of files.filter((name) => /^\.changeset\/(?!README).*\.md$/.test(name))) await rm(join(copy, file), { force: true });
    await git(copy, 'init', '--quiet', '--initial-branch=main');
    await git(copy, 'add', '--all');
    await git(copy, '-c', 'user.name=capture-test', '-c', 'user.email=capture-test@example.invalid', 'commit', '--quiet', '-m', 'base');
    // turbo's local cache, as a CI runner restores it: the copy's unchanged tasks (the builds, our pacts) are hits
    // because their inputs are the same bytes; whatever the capture changes runs for real.
    await cp(join(repositoryRoot, '.turbo', 'cache'), join(copy, '.turbo', 'cache'), { recursive: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error; // no cache yet: every task runs
      },
    );
    // From the store the CI install filled: no network.
    const install = await pnpm('install', '--offline', '--frozen-lockfile');
    expect(install.exitCode, install.all).toBe(0);
    standIn = await startStandIn('vectara', { mutate: serveDrift });
  }, 600_000);
  afterAll(async () => {
    await standIn?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('refuses breaking drift: no file changes, exit 1', async () => {
    drift = 'breaking';
    const run = await capture();
    expect(run.exitCode, run.all).toBe(1);
    expect(await git(copy, 'status', '--porcelain')).toBe('');
    const result = await captured();
    expect(result.outcome).toBe('refused');
    expect(result.refused.map((entry: Json) => entry.rule)).toContain('response-property-removed');
  }, 600_000);

  it('captures an optional field and an enum value: spec patch, types, changeset the gate accepts', async () => {
    drift = 'additive';
    const run = await capture();
    // A new response enum value is breaking for consumers: the verdict stays 1 while the capture writes the patch.
    expect(run.exitCode, run.all).toBe(1);
    const result = await captured();
    expect(result.outcome, run.all).toBe('captured');
    expect(result.applied.map((entry: Json) => entry.rule).sort()).toEqual(['response-enum-value-added', 'response-property-added']);

    const diff = await git(copy, 'diff', '--', 'specs/vectara/openapi.yaml');
    // Only additions: every comment and line of the spec stays.
    expect(diff.split('\n').filter((line) => line.startsWith('-') && !line.startsWith('---'))).toEqual([]);
    expect(diff).toMatch(
      new RegExp(`\\+\\s+${newField}:\\n\\+\\s+description: Captured .*\\n\\+\\s+type: string\\n\\+\\s+format: date-time`),
    );
    // The value, with its mark as a comment.
    expect(diff).toMatch(new RegExp(`^\\+\\s+- ${newStatus} # Captured by `, 'm'));
    expect(diff).toMatch(/Captured by pnpm contracts:live against http:\/\/127\.0\.0\.1:\d+ on \d{4}-\d{2}-\d{2}/);

    const changed = (await git(copy, 'status', '--porcelain')).split('\n').map((line) => line.slice(3));
    expect(changed).toEqual(
      expect.arrayContaining(['specs/vectara/openapi.yaml', 'packages/types/src/generated/vectara.ts', result.changeset]),
    );
    const changeset = await readFile(join(copy, result.changeset), 'utf8');
    // The gate calls a new response enum value breaking: the changeset says major for the fixed group.
    expect(changeset).toMatch(/"@api-contracts\/types": major/);
    expect(result.pullRequest.branch).toMatch(/^api-drift\/capture-[0-9a-f]{12}$/);

    const generated = await readFile(join(copy, 'packages', 'types', 'src', 'generated', 'vectara.ts'), 'utf8');
    expect(generated).toContain(`${newField}?: string`);
    expect(generated).toContain(`"${newStatus}"`);

    // The patched tree: types and client type-checking, the gate passing (it also checks the generated types are
    // fresh), the contract suite green.
    const typecheck = await pnpm('exec', 'turbo', 'run', 'typecheck', '--filter=@api-contracts/types', '--filter=@api-contracts/client');
    expect(typecheck.exitCode, typecheck.all).toBe(0);
    const gate = await pnpm('spec-gate');
    expect(gate.exitCode, gate.all).toBe(0);
    expect(gate.all).toMatch(/Generated types and client: match the specs\nspec gate: pass/);
    const contracts = await pnpm('contracts');
    expect(contracts.exitCode, contracts.all).toBe(0);
    // What live traffic added, the provider's definition does not declare: explained, so the vendor route stays green.
    expect(changed).toContain('specs/vectara/vendor-differences.yaml');
    const vendor = await execa('pnpm', ['contracts:vendor', '--api', 'vectara', '--reports', join(work, 'vendor-reports')], {
      cwd: copy,
      env: { VECTARA_DEFINITION: vectaraFixture },
      reject: false,
      all: true,
    });
    expect(vendor.exitCode, vendor.all).toBe(0);
  }, 900_000);

  it('a second run with the same drift changes nothing', async () => {
    const before = await git(copy, 'status', '--porcelain');
    const diffBefore = await git(copy, 'diff');
    const run = await capture();
    expect(run.exitCode, run.all).toBe(0);
    expect((await captured()).outcome).toBe('nothing-to-capture');
    expect(await git(copy, 'status', '--porcelain')).toBe(before);
    expect(await git(copy, 'diff')).toBe(diffBefore);
  }, 600_000);

  it('is a copy: this repository is untouched', async () => {
    expect(await git(repositoryRoot, 'diff', '--stat', '--', join(appDir, '..', '..', 'specs'))).toBe('');
  });
});
