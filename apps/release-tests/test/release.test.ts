/**
 * Releases, end to end against a real registry: a maintainer's changeset, `pnpm version-packages` and
 * `pnpm release` in a clone of this repo publish into a local Verdaccio; a fresh consumer installs from it
 * with npm, type-checks under nodenext and bundler, and runs. The failure cases leave repo and registry as
 * they were. Steps run in order: each builds on the registry state the previous one left.
 */

import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { consumerProject } from './support/consumer.js';
import { cloneRepo } from './support/repo.js';
import { runtimes } from './support/runtimes.js';
import { npmView, packument, publishedVersions, scopedNpmrc, startVerdaccio } from './support/verdaccio.js';

const fixed = ['@api-contracts/specs', '@api-contracts/types', '@api-contracts/client', '@api-contracts/mock'] as const;
const fixedDirs = ['specs', 'packages/types', 'packages/client', 'packages/mock'];
/** The packages with a build (specs ships its sources). */
const builtDirs = ['packages/types', 'packages/client', 'packages/mock'];
const privateApps = ['@api-contracts/contract-tests', '@api-contracts/spec-gate', '@api-contracts/release-tests'];

let registry: Awaited<ReturnType<typeof startVerdaccio>>;
let repo: Awaited<ReturnType<typeof cloneRepo>>;

beforeAll(async () => {
  registry = await startVerdaccio();
  repo = await cloneRepo(scopedNpmrc(registry.url, registry.token));
});
afterAll(async () => {
  await repo?.remove();
  await registry?.stop();
});

const versionsOnRegistry = async () =>
  Object.fromEntries(await Promise.all(fixed.map(async (name) => [name, await publishedVersions(registry.url, name)])));
const everywhere = (versions: string[]) => Object.fromEntries(fixed.map((name) => [name, versions]));
const readJson = async (path: string) => JSON.parse(await readFile(join(repo.dir, path), 'utf8'));

describe.sequential('the test registry', () => {
  it('has no uplinks: a package it does not hold is a 404, never fetched from the internet', async () => {
    expect(await publishedVersions(registry.url, 'openapi-fetch')).toEqual([]);
    const view = await npmView(registry.url, 'openapi-fetch');
    expect(view.exitCode).not.toBe(0);
    expect(view.output).toContain('E404');
  });
});

describe.sequential('a release', () => {
  let versioned: Awaited<ReturnType<typeof repo.state>>;

  // One refused publish shows both refusals: the client without its build (publint says why) and the rest of
  // the group, built and complete, refused with it.
  describe('with the client unbuilt and the rest of the group built', () => {
    let clean: Awaited<ReturnType<typeof repo.state>>;
    let builtInClone: Record<string, boolean>;
    let before: Awaited<ReturnType<typeof repo.state>>;
    let refused: Awaited<ReturnType<typeof repo.pnpm>>;

    beforeAll(async () => {
      clean = await repo.state();
      builtInClone = Object.fromEntries(builtDirs.map((dir) => [dir, existsSync(join(repo.dir, dir, 'dist'))]));
      const build = await repo.pnpm('build');
      if (build.exitCode !== 0) throw new Error(`pnpm build failed in the clone (${build.exitCode}):\n${build.output}`);
      await rm(join(repo.dir, 'packages/client/dist'), { recursive: true });
      before = await repo.state();
      refused = await repo.pnpm('changeset', 'publish');
    });

    it('starts from the committed state: a clean tree, no tag, nothing built', () => {
      expect(clean).toEqual({ status: '', tags: '' });
      expect(builtInClone).toEqual(Object.fromEntries(builtDirs.map((dir) => [dir, false])));
    });

    it('refuses to publish a package without its build, publishing nothing and changing nothing', async () => {
      expect(existsSync(join(repo.dir, 'packages/client/dist'))).toBe(false);
      expect(refused.exitCode, refused.output).toBe(1);
      // Each package's prepublishOnly runs publint --strict over the whole fixed group: without it, pnpm
      // publish would ship a client of package.json and README only (files: ["dist"] and no dist).
      expect(refused.output).toContain('pkg.exports["."].import is ./dist/index.js but the file does not exist');
      expect(refused.output).toContain('packages failed to publish');
      expect(await versionsOnRegistry()).toEqual(everywhere([]));
      expect(await repo.state()).toEqual(before);
      expect(before).toEqual({ status: '', tags: '' });
    });

    it('refuses to publish part of the fixed group: with one package unbuilt, none goes out', async () => {
      for (const dir of ['packages/types', 'packages/mock']) expect(existsSync(join(repo.dir, dir, 'dist')), dir).toBe(true);
      expect(refused.exitCode, refused.output).toBe(1);
      // specs and types are complete, yet their own prepublishOnly checks the client too.
      const failed = refused.output.slice(refused.output.indexOf('packages failed to publish:'));
      for (const name of fixed) expect(failed).toContain(`${name}@0.0.0`);
      expect(await versionsOnRegistry()).toEqual(everywhere([]));
      expect(await repo.state()).toEqual(before);
    });
  });

  it('versions the fixed group together with changelogs, touching nothing else', async () => {
    // Nothing in the committed packages points anywhere: the scope's registry comes from .npmrc only.
    for (const dir of fixedDirs) expect((await readJson(join(dir, 'package.json'))).publishConfig, dir).toBeUndefined();

    await writeFile(
      join(repo.dir, '.changeset', 'add-release-test.md'),
      '---\n"@api-contracts/client": minor\n---\n\nProve releases end to end.\n',
    );
    const version = await repo.pnpm('version-packages');
    expect(version.exitCode, version.output).toBe(0);
    for (const dir of fixedDirs) {
      expect((await readJson(join(dir, 'package.json'))).version, dir).toBe('0.1.0');
      expect(await readFile(join(repo.dir, dir, 'CHANGELOG.md'), 'utf8'), dir).toContain('## 0.1.0');
    }
    expect(await readFile(join(repo.dir, 'packages/client/CHANGELOG.md'), 'utf8')).toMatch(
      /## 0\.1\.0\s+### Minor Changes\s+- (?:[0-9a-f]+: )?Prove releases end to end\./,
    );
    for (const app of ['contract-tests', 'spec-gate', 'release-tests'])
      expect((await readJson(join('apps', app, 'package.json'))).version, app).toBe('0.0.0');
    // Exactly what versioning touches: the four manifests and four new changelogs; the changeset is consumed.
    versioned = await repo.state();
    expect(versioned.status.split('\n').sort()).toEqual([
      ' M packages/client/package.json',
      ' M packages/mock/package.json',
      ' M packages/types/package.json',
      ' M specs/package.json',
      '?? packages/client/CHANGELOG.md',
      '?? packages/mock/CHANGELOG.md',
      '?? packages/types/CHANGELOG.md',
      '?? specs/CHANGELOG.md',
    ]);
    expect(versioned.tags).toBe('');
  });

  it('fails clearly when the registry is unreachable, leaving repo and registry as they were', async () => {
    const closed = await closedPort();
    await repo.setNpmrc(scopedNpmrc(`http://127.0.0.1:${closed}/`, registry.token, { failFast: true }));
    const before = await repo.state();
    expect(before).toEqual(versioned);
    const result = await repo.pnpm('changeset', 'publish');
    expect(result.exitCode, result.output).toBe(1);
    expect(result.output).toMatch(/ECONNREFUSED for npm info "@api-contracts\/(specs|types|client|mock)"/);
    expect(result.output).not.toContain('packages published successfully');
    expect(await repo.state()).toEqual(before);
    expect(await versionsOnRegistry()).toEqual(everywhere([]));
  });

  // The versioned group, still pending after the unreachable registry refused it, and the client's build still
  // missing: `pnpm release` builds it and publishes.
  describe('with the registry back, pnpm release', () => {
    let before: Awaited<ReturnType<typeof repo.state>>;
    let release: Awaited<ReturnType<typeof repo.pnpm>>;

    beforeAll(async () => {
      await repo.setNpmrc(scopedNpmrc(registry.url, registry.token));
      before = await repo.state();
      release = await repo.pnpm('release');
    });

    it('builds and publishes the pending version, all four together', async () => {
      expect(release.exitCode, release.output).toBe(0);
      expect(existsSync(join(repo.dir, 'packages/client/dist/index.js'))).toBe(true);
      expect(await versionsOnRegistry()).toEqual(everywhere(['0.1.0']));
      expect(await repo.state()).toEqual({
        status: before.status,
        tags: fixed
          .map((name) => `${name}@0.1.0`)
          .sort()
          .join('\n'),
      });
    });

    it('publishes the four packages and nothing private, without a workspace: range', async () => {
      expect(release.exitCode, release.output).toBe(0);
      // What a maintainer would type to check.
      for (const name of fixed) expect((await npmView(registry.url, name)).versions, name).toEqual(['0.1.0']);
      for (const name of privateApps) {
        const view = await npmView(registry.url, name);
        expect(view.exitCode, name).not.toBe(0);
        expect(view.output, name).toContain('E404');
      }
      for (const name of fixed) {
        const document = await packument(registry.url, name);
        expect(document['dist-tags'].latest, name).toBe('0.1.0');
        expect(JSON.stringify(document), name).not.toContain('workspace:');
      }
      expect((await packument(registry.url, '@api-contracts/client')).versions['0.1.0']?.dependencies).toEqual({
        '@api-contracts/types': '^0.1.0',
        'openapi-fetch': '0.17.0',
      });
      // The mock reads the specs at run time: the published specs package, at the group's version.
      expect((await packument(registry.url, '@api-contracts/mock')).versions['0.1.0']?.dependencies).toEqual({
        '@api-contracts/specs': '^0.1.0',
      });
    });
  });

  it('publishes nothing when the version is already on the registry, and says so', async () => {
    const before = await repo.state();
    const again = await repo.pnpm('changeset', 'publish');
    expect(again.exitCode, again.output).toBe(0);
    for (const name of fixed)
      expect(again.output).toContain(`${name} is not being published because version 0.1.0 is already published on npm`);
    expect(again.output).toContain('No unpublished projects to publish');
    expect(await versionsOnRegistry()).toEqual(everywhere(['0.1.0']));
    expect(await repo.state()).toEqual(before);
  });

  it('refuses the same version published around changesets (npm checks the registry first)', async () => {
    const before = await repo.state();
    const tarballBefore = (await packument(registry.url, '@api-contracts/types')).versions['0.1.0']?.dist;
    // --ignore-scripts: the registry's refusal is the point; the prepublishOnly checks passed in the release.
    const result = await repo.run('pnpm', ['publish', '--no-git-checks', '--ignore-scripts'], {
      cwd: join(repo.dir, 'packages/types'),
    });
    expect(result.exitCode, result.output).toBe(1);
    expect(result.output).toMatch(/E409|EPUBLISHCONFLICT|cannot publish over|already present/i);
    expect(await versionsOnRegistry()).toEqual(everywhere(['0.1.0']));
    expect((await packument(registry.url, '@api-contracts/types')).versions['0.1.0']?.dist).toEqual(tarballBefore);
    expect(await repo.state()).toEqual(before);
  });
});

describe.sequential('a consumer in another repo', () => {
  let server: Server;
  const requests: { method?: string; path: string; query: Record<string, string>; apiKey?: string | string[] }[] = [];
  const session = (key: string) => ({
    key,
    agent_key: 'customer_support',
    name: `Session ${key}`,
    enabled: true,
    tti_minutes: 0,
    created_at: '2024-01-15T10:30:00Z',
  });

  beforeAll(async () => {
    // Vectara's GET /v2/agents/{agent_key}/sessions for agent customer_support: two pages, the last without
    // page_key; any other agent is the spec's 404 (its NotFoundError body).
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      requests.push({
        method: request.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        apiKey: request.headers['x-api-key'],
      });
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method !== 'GET' || url.pathname !== '/v2/agents/customer_support/sessions') {
        const id = decodeURIComponent(url.pathname.split('/')[3] ?? '');
        return send(404, { id, messages: ['Agent with the specified agent_key does not exist'], request_id: 'req-404' });
      }
      if (url.searchParams.get('page_key') === 'page-2') return send(200, { sessions: [session('ase_3')], metadata: {} });
      return send(200, { sessions: [session('ase_1'), session('ase_2')], metadata: { page_key: 'page-2' } });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    if (server) await new Promise((resolve) => server.close(resolve));
    if (compiledOnFloor) await rm(compiledOnFloor, { recursive: true, force: true });
  });

  it('is proven on the Node majors users run: 20, 22 and 24, each pinned to an exact release', () => {
    expect(runtimes.map((runtime) => runtime.major)).toEqual([20, 22, 24]);
  });

  /**
   * The consumer as tsc compiled it on the floor (Node 20) under nodenext, kept for the other runtimes: what tsc
   * emits and reports does not depend on the runtime it runs on, and each compile cost about 4 CPU-seconds.
   */
  let compiledOnFloor: string | undefined;

  // Each runtime on its own: a fresh project that npm (running on that runtime) installs and the runtime runs;
  // the floor's tsc type-checks and compiles it.
  describe.each(runtimes.map((runtime) => [runtime.label, runtime] as const))('on %s', (_label, runtime) => {
    let consumer: Awaited<ReturnType<typeof consumerProject>> | undefined;

    beforeAll(async () => {
      if (runtime.node) consumer = await consumerProject(scopedNpmrc(registry.url, registry.token), runtime.node);
    });
    afterAll(async () => {
      await consumer?.remove();
    });

    /** The project, or a skip with its reason printed where the binary cannot run, or a failure where it should. */
    const ready = (context: TestContext) => {
      if (runtime.unavailable) {
        console.warn(`${runtime.label} skipped: ${runtime.unavailable}`);
        context.skip(runtime.unavailable);
      }
      if (!consumer) throw new Error(`${runtime.label} cannot run: ${runtime.problem ?? 'no consumer project'}`);
      return consumer;
    };

    it('runs the pinned binary, and npm runs on it', async (context) => {
      const project = ready(context);
      const version = await project.node('--version');
      expect(version.exitCode, version.output).toBe(0);
      expect(version.stdout.trim()).toBe(`v${runtime.version}`);
      // `npm version` reports the Node it runs on.
      const npm = await project.npm('version', '--json');
      expect(npm.exitCode, npm.output).toBe(0);
      expect(JSON.parse(npm.stdout)).toMatchObject({ node: runtime.version });
    });

    it('installs the client, the types and the mock from the registry with npm, the rest from the public registry', async (context) => {
      const project = ready(context);
      const install = await project.npm(
        'install',
        '--no-audit',
        '--no-fund',
        '@api-contracts/client@0.1.0',
        '@api-contracts/types@0.1.0',
        '@api-contracts/mock@0.1.0',
      );
      expect(install.exitCode, install.output).toBe(0);

      const lock = await project.json<{ packages: Record<string, { version: string; resolved?: string }> }>('package-lock.json');
      for (const name of ['@api-contracts/client', '@api-contracts/types', '@api-contracts/mock']) {
        expect(lock.packages[`node_modules/${name}`], name).toMatchObject({ version: '0.1.0' });
        expect(lock.packages[`node_modules/${name}`]?.resolved, name).toMatch(new RegExp(`^${registry.url}`));
      }
      // The mock brings the specs it serves, from the same registry: the newest there that meets its ^0.1.0.
      const specs = lock.packages['node_modules/@api-contracts/specs'];
      expect(specs?.version).toBe((await packument(registry.url, '@api-contracts/specs'))['dist-tags'].latest);
      expect(specs?.version).toBe('0.1.0');
      expect(specs?.resolved).toMatch(new RegExp(`^${registry.url}`));
      const openapiFetch = lock.packages['node_modules/openapi-fetch'];
      expect(openapiFetch?.version).toBe('0.17.0');
      expect(openapiFetch?.resolved).toMatch(/^https:\/\//);
      // One copy of the types: the client's ^0.1.0 is met by the consumer's own 0.1.0, no nested install.
      expect(Object.keys(lock.packages).filter((path) => path.endsWith('node_modules/@api-contracts/types'))).toEqual([
        'node_modules/@api-contracts/types',
      ]);

      const client = await project.json<{ dependencies: Record<string, string> }>('node_modules/@api-contracts/client/package.json');
      expect(client.dependencies).toEqual({ '@api-contracts/types': '^0.1.0', 'openapi-fetch': '0.17.0' });
      // files: ["dist"]: the build, the manifest and the docs; no sources, no tests.
      for (const name of ['client', 'types', 'mock']) {
        const shipped = await readdir(join(project.dir, 'node_modules/@api-contracts', name));
        expect(shipped, name).toEqual(expect.arrayContaining(['dist', 'package.json']));
        expect(
          shipped.filter((file) => !['dist', 'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(file)),
          name,
        ).toEqual([]);
      }
      const dist = await readdir(join(project.dir, 'node_modules/@api-contracts/client/dist'));
      expect(dist).toEqual(expect.arrayContaining(['index.js', 'index.d.ts']));
      const types = await readdir(join(project.dir, 'node_modules/@api-contracts/types/dist'));
      expect(types).toEqual(expect.arrayContaining(['vectara.js', 'vectara.d.ts', 'verisoul.js', 'verisoul.d.ts']));
    });

    if (runtime === runtimes[0]) {
      // nodenext compiles the consumer every runtime then runs.
      it('type-checks a file using both packages under strict nodenext resolution', async (context) => {
        const project = ready(context);
        const nodenext = await project.tsc('nodenext');
        expect(nodenext.exitCode, `nodenext: ${nodenext.output}`).toBe(0);
        compiledOnFloor = await mkdtemp(join(tmpdir(), 'api-contracts-compiled-consumer-'));
        await cp(join(project.dir, 'dist'), compiledOnFloor, { recursive: true });
      });
    } else {
      it(`runs the consumer compiled on ${runtimes[0]?.label}, against its own install`, async (context) => {
        const project = ready(context);
        expect(compiledOnFloor, `${runtimes[0]?.label} compiled no consumer (its nodenext step failed or was skipped)`).toBeDefined();
        await cp(compiledOnFloor ?? '', join(project.dir, 'dist'), { recursive: true });
        expect((await readdir(join(project.dir, 'dist'))).sort()).toEqual(['consumer.js', 'mock-consumer.js']);
      });
    }

    it('runs against a local server', async (context) => {
      const project = ready(context);
      requests.length = 0;
      const { port } = server.address() as AddressInfo;
      const result = await project.node('dist/consumer.js', `http://127.0.0.1:${port}`);
      expect(result.exitCode, result.output).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({
        count: 2,
        first: 'ase_1',
        name: 'Session ase_1',
        createdAt: '2024-01-15T10:30:00Z',
        nextPage: 'page-2',
        iterated: ['ase_1', 'ase_2', 'ase_3'],
        notFound: '404 unknown_agent Agent with the specified agent_key does not exist',
        invalid: 'limit maximum',
        defaultServer: 'https://api.vectara.io',
      });
      // The requests the consumer's calls made; the out-of-range limit never left the process.
      const path = '/v2/agents/customer_support/sessions';
      expect(requests).toEqual([
        { method: 'GET', path, query: { limit: '10', filter: 'billing.*' }, apiKey: 'consumer-key' },
        { method: 'GET', path, query: { limit: '2' }, apiKey: 'consumer-key' },
        { method: 'GET', path, query: { limit: '2', page_key: 'page-2' }, apiKey: 'consumer-key' },
        { method: 'GET', path: '/v2/agents/unknown_agent/sessions', query: {}, apiKey: 'consumer-key' },
      ]);
    });

    it("iterates every page of an agent's sessions against the published mock, with the published client", async (context) => {
      const result = await ready(context).node('dist/mock-consumer.js');
      expect(result.exitCode, result.output).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({
        // 5 seeded sessions in pages of 2: three requests, the 2nd and 3rd with the page_key of the one before.
        iterated: ['ase_1', 'ase_2', 'ase_3', 'ase_4', 'ase_5'],
        pages: [false, true, true],
        // The spec's example, seeded by the mock, page after page to the last (Prism repeats its page_key).
        examples: ['ase_customer_support_001', 'ase_customer_support_002', 'ase_customer_support_003'],
        notFound: '404 unknown_agent',
        anonymous: 401,
        // OAuth through the mock's token endpoint, a forced 429 retried after the spec's Retry-After.
        afterRetry: 5,
        account: 2,
      });
    });

    // What tsc reports does not depend on the runtime it runs on: bundler resolution (a check only) and the
    // misuse are proven once, on the floor, by one tsc program holding the three files.
    if (runtime === runtimes[0]) {
      let bundlerAndMisuse: ReturnType<NonNullable<typeof consumer>['tsc']> | undefined;
      const checkOnce = (context: TestContext) => {
        bundlerAndMisuse ??= ready(context).tsc('bundlerAndMisuse');
        return bundlerAndMisuse;
      };
      /** Every diagnostic tsc printed, with its file, or none for a global one (a bad config). */
      const diagnostics = (output: string) => output.match(/^.*\berror TS\d+.*$/gm) ?? [];

      it('type-checks the same files under strict bundler resolution', async (context) => {
        const result = await checkOnce(context);
        // The misuse file's two errors, and not one in the consumers or anywhere else.
        expect(result.exitCode, result.output).toBe(2);
        const found = diagnostics(result.output);
        expect(
          found.filter((line) => !line.startsWith('misuse.ts(')),
          result.output,
        ).toEqual([]);
        expect(found, result.output).toHaveLength(2);
      });

      it('has types that bite: a wrong field name and a wrong limit type fail tsc', async (context) => {
        const result = await checkOnce(context);
        expect(result.exitCode).not.toBe(0);
        expect(result.output).toMatch(/misuse\.ts\(5,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
        expect(result.output).toMatch(
          /misuse\.ts\(6,\d+\): error TS2551: Property 'agentKey' does not exist .* Did you mean 'agent_key'\?/,
        );
      });
    }
  });
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
