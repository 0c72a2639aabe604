/**
 * `pnpm api:add` end to end, in a copy of this repository with its own install: a third API from a small
 * definition file is one command (its spec, descriptor, types, client, entry points and exports), and
 * `pnpm contracts` then stays green and names the new API. Its own turbo task (`test:api-add`), since it
 * copies the repository, beside `test:capture`.
 */
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../src/paths.js';

const definitionFile = fileURLToPath(new URL('./fixtures/acme-definition.yaml', import.meta.url));
const git = (cwd: string, ...args: string[]) => execa('git', args, { cwd }).then((run) => run.stdout);

// Timeouts are bounds for a 2-core machine running every other suite beside this one, not speed targets.
describe('pnpm api:add of a new API, in a copy of the repository', () => {
  let work: string;
  let copy: string;
  const pnpm = (...args: string[]) =>
    execa('pnpm', args, { cwd: copy, reject: false, all: true, env: { GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' } });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'api-contracts-api-add-test-'));
    copy = join(work, 'repo');
    // The working tree as it is (tracked and new files), without node_modules or build output.
    const files = (await git(repositoryRoot, 'ls-files', '--cached', '--others', '--exclude-standard', '-z')).split('\0').filter(Boolean);
    for (const file of files) {
      await mkdir(dirname(join(copy, file)), { recursive: true });
      await cp(join(repositoryRoot, file), join(copy, file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error; // deleted in the working tree
      });
    }
    await git(copy, 'init', '--quiet', '--initial-branch=main');
    await git(copy, 'add', '--all');
    await git(copy, '-c', 'user.name=api-add-test', '-c', 'user.email=api-add-test@example.invalid', 'commit', '--quiet', '-m', 'base');
    // turbo's local cache, as a CI runner restores it: what api:add does not change is a cache hit.
    await cp(join(repositoryRoot, '.turbo', 'cache'), join(copy, '.turbo', 'cache'), { recursive: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error; // no cache yet: every task runs
      },
    );
    // From the store the CI install filled: no network.
    const install = await pnpm('install', '--offline', '--frozen-lockfile');
    expect(install.exitCode, install.all).toBe(0);
  }, 600_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('adds acme from a definition file in one command; pnpm contracts stays green and names it', async () => {
    const add = await pnpm('api:add', 'acme', '--operation', 'listWidgets', '--definition', definitionFile);
    expect(add.exitCode, add.all).toBe(0);
    expect(add.all).toContain('copied listWidgets (GET /widgets) into specs/acme/openapi.yaml');
    expect(add.all).toContain('regenerated @api-contracts/client');

    // Every file it wrote or changed: the spec, the descriptor, the Api names and the specs' exports, the nightly
    // job's secrets, and what the generators derive.
    const changed = (await git(copy, 'status', '--porcelain', '--untracked-files=all')).split('\n').map((line) => line.slice(3));
    expect(changed.sort()).toEqual(
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
    expect(await readFile(join(copy, 'packages/client/src/generated/acme.ts'), 'utf8')).toContain('export function createAcmeClient(');
    expect(await readFile(join(copy, '.github/workflows/live-drift.yml'), 'utf8')).toMatch(
      /ACME_API_KEY: \$\{\{ secrets\.ACME_API_KEY \}\}/,
    );
    expect(JSON.parse(await readFile(join(copy, 'specs/package.json'), 'utf8')).exports['./acme/openapi.yaml']).toBe('./acme/openapi.yaml');

    // Typed: the new descriptor, the derived Api union and the registries agree.
    const typecheck = await pnpm(
      'exec',
      'turbo',
      'run',
      'typecheck',
      '--filter=@api-contracts/contract-tests',
      '--output-logs=errors-only',
    );
    expect(typecheck.exitCode, typecheck.all).toBe(0);

    const contracts = await pnpm('contracts');
    expect(contracts.exitCode, contracts.all).toBe(0);
    // Named, never passed: no pacts yet, and coverage says its one operation is not exercised.
    expect(contracts.all).toMatch(/acme: no consumer pacts yet \(write consumer\/acme\.pact\.test\.ts\)/);
    expect(contracts.all).toMatch(/acme \(pacts\)\s+0\.0% \(0\/1\)/);
    // Live, nothing of acme's would be verified: not run (exit 2), never a pass.
    const live = await pnpm('--filter', '@api-contracts/contract-tests', 'contracts:live', '--api', 'acme');
    expect(live.exitCode, live.all).not.toBe(0);

    // Once more: already there, nothing written.
    const again = await pnpm('api:add', 'acme', '--operation', 'listWidgets', '--definition', definitionFile);
    expect(again.exitCode, again.all).toBe(0);
    expect(again.all).toContain('listWidgets (GET /widgets) is already in specs/acme/openapi.yaml: nothing to copy, nothing written');
  }, 900_000);
});
