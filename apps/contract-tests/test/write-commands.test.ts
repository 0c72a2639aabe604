/**
 * The commands that write to the repository, end to end, in one copy of it with its own install (one copy, one
 * install and one round of builds for all: test/support/repository-copy.ts). In order, each on what the one
 * before left:
 * - `pnpm contracts:live --capture` against a stand-in provider. Breaking drift: nothing written, exit 1. An optional
 *   field and a new enum value: the spec patched, types regenerated, a changeset the spec gate accepts, the vendor
 *   route still green.
 * - on the captured tree (committed, as its pull request would be merged), `pnpm api:add` of a third API from a
 *   small definition file: one command writes its spec, descriptor, types, client, entry points and exports.
 * - the tree with both: the captured types and client, the new descriptor and the registries type-check;
 *   `pnpm contracts` stays green and names the new API, never passed; live, acme is not run.
 * - once more, each command changes nothing: api:add of acme again, a second capture with the same drift.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specPath } from '@api-contracts/specs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../src/paths.js';
import { type PrismServer, startPrisms } from '../src/prism.js';
import { newToSpec } from './capture/support/new-to-spec.js';
import { commit, copyRepository, git, type RepositoryCopy } from './support/repository-copy.js';
import { type Exchange, startStandIn } from './support/stand-in.js';
import { startStandInPrisms } from './support/suite-prisms.js';
import { vectaraFixture } from './vendor/support/definitions.js';

type StandIn = Awaited<ReturnType<typeof startStandIn>>;
// biome-ignore lint/suspicious/noExplicitAny: sessions are reshaped freely.
type Json = Record<string, any>;

const acmeDefinition = fileURLToPath(new URL('./api-add/fixtures/acme-definition.yaml', import.meta.url));

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

// The tests run in order on one copy, each on what the one before left. Timeouts are bounds for a 2-core machine
// running every other suite beside this one, not speed targets.
describe('commands that write to the repository, in a copy of it', () => {
  let copy: RepositoryCopy;
  let reports: string;
  let standIn: StandIn;
  let prism: PrismServer | undefined;
  /** A Prism mock of the committed Vectara spec, which the copy's spec is until the first capture patches it. */
  let committedMock: PrismServer | undefined;

  /**
   * `pnpm contracts:live --capture` of the copy (turbo builds what changed first), against the stand-in. Until the
   * spec is patched, its Prism route verifies against `committedMock` (CONTRACTS_PRISM_URLS) instead of starting
   * a Prism of its own each run, three CPU-seconds on this suite's chain; later runs start their own, as a user's.
   */
  const capture = ({ specPatched }: { specPatched: boolean }) =>
    copy.pnpm(['contracts:live', '--capture', '--api', 'vectara', '--reports', reports], {
      ...standIn.env(),
      ...(!specPatched && committedMock && { CONTRACTS_PRISM_URLS: `vectara=${committedMock.url}` }),
    });
  const captured = async () => JSON.parse(await readFile(join(reports, 'capture-live.json'), 'utf8')) as Json;
  const addAcme = () => copy.pnpm(['api:add', 'acme', '--operation', 'listWidgets', '--definition', acmeDefinition]);
  const status = async () =>
    (await git(copy.root, 'status', '--porcelain', '--untracked-files=all')).split('\n').map((line) => line.slice(3));

  beforeAll(async () => {
    // Only the capture's own changeset may satisfy the gate: the pending ones of this repository are left out.
    // The Prism mocks start while the copy installs: this suite is the longest chain of `pnpm test`. The copy's
    // spec is this working tree's, so the committed mock serves this tree's file.
    const [copied, prisms, mocks] = await Promise.allSettled([
      copyRepository('write-commands-test', (file) => /^\.changeset\/(?!README).*\.md$/.test(file)),
      startStandInPrisms(['vectara']),
      startPrisms([specPath('vectara')]),
    ]);
    // Whichever started is kept for afterAll to stop, even when another failed.
    if (copied.status === 'fulfilled') copy = copied.value;
    if (prisms.status === 'fulfilled') prism = prisms.value[0];
    if (mocks.status === 'fulfilled') committedMock = mocks.value[0];
    for (const started of [copied, prisms, mocks]) if (started.status === 'rejected') throw started.reason;
    reports = join(copy.work, 'reports');
    standIn = await startStandIn('vectara', { mutate: serveDrift, prism });
  }, 600_000);
  afterAll(async () => {
    await standIn?.stop();
    await prism?.stop();
    await committedMock?.stop();
    await copy?.remove();
  });

  describe('pnpm contracts:live --capture', () => {
    it('refuses breaking drift: no file changes, exit 1', async () => {
      drift = 'breaking';
      const run = await capture({ specPatched: false });
      expect(run.exitCode, run.all).toBe(1);
      // The variable reaches the CLI through pnpm and contracts-live.mjs.
      expect(run.all).toContain('Prism: the running mocks of CONTRACTS_PRISM_URLS (vectara)');
      expect(await git(copy.root, 'status', '--porcelain')).toBe('');
      const result = await captured();
      expect(result.outcome).toBe('refused');
      expect(result.refused.map((entry: Json) => entry.rule)).toContain('response-property-removed');
    }, 600_000);

    let changeset: string;
    it('captures an optional field and an enum value: spec patch, types, changeset', async () => {
      drift = 'additive';
      const run = await capture({ specPatched: false });
      // A new response enum value is breaking for consumers: the verdict stays 1 while the capture writes the patch.
      expect(run.exitCode, run.all).toBe(1);
      const result = await captured();
      expect(result.outcome, run.all).toBe('captured');
      expect(result.applied.map((entry: Json) => entry.rule).sort()).toEqual(['response-enum-value-added', 'response-property-added']);

      const diff = await git(copy.root, 'diff', '--', 'specs/vectara/openapi.yaml');
      // Only additions: every comment and line of the spec stays.
      expect(diff.split('\n').filter((line) => line.startsWith('-') && !line.startsWith('---'))).toEqual([]);
      expect(diff).toMatch(
        new RegExp(`\\+\\s+${newField}:\\n\\+\\s+description: Captured .*\\n\\+\\s+type: string\\n\\+\\s+format: date-time`),
      );
      // The value, with its mark as a comment.
      expect(diff).toMatch(new RegExp(`^\\+\\s+- ${newStatus} # Captured by `, 'm'));
      expect(diff).toMatch(/Captured by pnpm contracts:live against http:\/\/127\.0\.0\.1:\d+ on \d{4}-\d{2}-\d{2}/);

      const changed = await status();
      expect(changed).toEqual(
        expect.arrayContaining(['specs/vectara/openapi.yaml', 'packages/types/src/generated/vectara.ts', result.changeset]),
      );
      // What live traffic added, the provider's definition does not declare: explained for the vendor route.
      expect(changed).toContain('specs/vectara/vendor-differences.yaml');
      changeset = result.changeset;
      // The gate calls a new response enum value breaking: the changeset says major for the fixed group.
      expect(await readFile(join(copy.root, changeset), 'utf8')).toMatch(/"@api-contracts\/types": major/);
      expect(result.pullRequest.branch).toMatch(/^api-drift\/capture-[0-9a-f]{12}$/);

      const generated = await readFile(join(copy.root, 'packages', 'types', 'src', 'generated', 'vectara.ts'), 'utf8');
      expect(generated).toContain(`${newField}?: string`);
      expect(generated).toContain(`"${newStatus}"`);
    }, 900_000);

    it('the spec gate accepts the captured tree (its changeset, generated types fresh)', async () => {
      expect(changeset, 'the capture wrote no changeset').toBeDefined();
      const gate = await copy.pnpm(['spec-gate']);
      expect(gate.exitCode, gate.all).toBe(0);
      expect(gate.all).toMatch(/Generated types and client: match the specs\nspec gate: pass/);
    }, 600_000);

    it('the vendor route stays green: what live traffic added is explained', async () => {
      const vendor = await copy.pnpm(['contracts:vendor', '--api', 'vectara', '--reports', join(copy.work, 'vendor-reports')], {
        VECTARA_DEFINITION: vectaraFixture,
      });
      expect(vendor.exitCode, vendor.all).toBe(0);
    }, 600_000);
  });

  describe('pnpm api:add of a new API, on the captured tree', () => {
    beforeAll(async () => {
      // The capture's pull request, merged: what api:add writes is then all `git status` shows.
      await commit(copy.root, 'captured drift');
    });

    it('adds acme from a definition file in one command: its spec, descriptor, types, client, exports, secrets', async () => {
      const add = await addAcme();
      expect(add.exitCode, add.all).toBe(0);
      expect(add.all).toContain('copied listWidgets (GET /widgets) into specs/acme/openapi.yaml');
      expect(add.all).toContain('regenerated @api-contracts/client');

      // Every file it wrote or changed: the spec, the descriptor, the Api names and the specs' exports, the nightly
      // job's secrets, and what the generators derive.
      expect((await status()).sort()).toEqual(
        [
          '.github/workflows/live-drift.yml',
          'apps/contract-tests/src/providers/acme.ts',
          'packages/client/package.json',
          'packages/client/.size-limit.json',
          'packages/client/src/acme.ts',
          'packages/client/src/generated/acme.ts',
          'packages/client/src/index.ts',
          'packages/types/package.json',
          'packages/types/src/acme-validators.ts',
          'packages/types/src/acme.ts',
          'packages/types/src/generated/acme.ts',
          'packages/types/src/generated/acme.validators.ts',
          'packages/types/src/generated/validators.ts',
          'specs/acme/openapi.yaml',
          'specs/index.d.ts',
          'specs/package.json',
        ].sort(),
      );
      expect(await readFile(join(copy.root, 'packages/client/src/generated/acme.ts'), 'utf8')).toContain(
        'export function createAcmeClient(',
      );
      expect(await readFile(join(copy.root, '.github/workflows/live-drift.yml'), 'utf8')).toMatch(
        /ACME_API_KEY: \$\{\{ secrets\.ACME_API_KEY \}\}/,
      );
      expect(JSON.parse(await readFile(join(copy.root, 'specs/package.json'), 'utf8')).exports['./acme/openapi.yaml']).toBe(
        './acme/openapi.yaml',
      );
    }, 600_000);
  });

  describe('the tree with the capture and acme', () => {
    it('type-checks: the captured types and client, the new descriptor, the derived Api union and the registries', async () => {
      // `pnpm typecheck`: one tsc program over every package of the copy.
      const typecheck = await copy.pnpm(['typecheck', '--output-logs=errors-only']);
      expect(typecheck.exitCode, typecheck.all).toBe(0);
    }, 900_000);

    it('pnpm contracts stays green; acme is named, never passed: no pacts yet, its operation not exercised', async () => {
      const contracts = await copy.pnpm(['contracts']);
      expect(contracts.exitCode, contracts.all).toBe(0);
      expect(contracts.all).toMatch(/acme: no consumer pacts yet \(write consumer\/acme\.pact\.test\.ts\)/);
      expect(contracts.all).toMatch(/acme \(pacts\)\s+0\.0% \(0\/1\)/);
    }, 900_000);

    it('live, nothing of acme would be verified: not run, never a pass', async () => {
      const live = await copy.pnpm(['--filter', '@api-contracts/contract-tests', 'contracts:live', '--api', 'acme']);
      expect(live.exitCode, live.all).not.toBe(0);
    }, 600_000);
  });

  // Last, when everything is built: the capture's run builds the pacts first, a cache hit by now.
  describe('once more, the same commands change nothing', () => {
    it('pnpm api:add of acme again: already there, nothing written', async () => {
      const before = await status();
      const again = await addAcme();
      expect(again.exitCode, again.all).toBe(0);
      expect(again.all).toContain('listWidgets (GET /widgets) is already in specs/acme/openapi.yaml: nothing to copy, nothing written');
      expect(await status()).toEqual(before);
    }, 600_000);

    it('a second capture with the same drift changes nothing', async () => {
      const before = await git(copy.root, 'status', '--porcelain');
      const diffBefore = await git(copy.root, 'diff');
      const run = await capture({ specPatched: true });
      expect(run.exitCode, run.all).toBe(0);
      expect((await captured()).outcome).toBe('nothing-to-capture');
      expect(await git(copy.root, 'status', '--porcelain')).toBe(before);
      expect(await git(copy.root, 'diff')).toBe(diffBefore);
    }, 600_000);
  });

  it('is a copy: this repository is untouched', async () => {
    expect(await git(repositoryRoot, 'diff', '--stat', '--', 'specs')).toBe('');
    expect(await git(repositoryRoot, 'ls-files', '--others', '--', 'specs/acme')).toBe('');
  });
});
