/**
 * Releases, end to end against a real registry: a maintainer's changeset, `pnpm version-packages` and
 * `pnpm release` in a clone of this repo publish into a local Verdaccio; a fresh consumer installs from it
 * with npm, type-checks under nodenext and bundler, and runs. The failure cases leave repo and registry as
 * they were. Steps run in order: each builds on the registry state the previous one left.
 */

import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerProject } from './support/consumer.js';
import { cloneRepo } from './support/repo.js';
import { publishedVersions, scopedNpmrc, startVerdaccio } from './support/verdaccio.js';

const published = ['@api-contracts/specs', '@api-contracts/types', '@api-contracts/client'];
const privateApps = ['@api-contracts/contract-tests', '@api-contracts/drift-gate', '@api-contracts/release-tests'];

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
  Object.fromEntries(await Promise.all(published.map(async (name) => [name, await publishedVersions(registry.url, name)])));

describe.sequential('a release', () => {
  it('refuses to publish without a build, publishing nothing and changing nothing', async () => {
    const result = await repo.pnpm('changeset', 'publish');
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('pkg.exports["."].import is ./dist/index.js but the file does not exist');
    expect(result.output).toContain('packages failed to publish');
    expect(await versionsOnRegistry()).toEqual({ '@api-contracts/specs': [], '@api-contracts/types': [], '@api-contracts/client': [] });
    expect(await repo.git('status', '--porcelain')).toBe('');
    expect(await repo.git('tag')).toBe('');
  });

  it('versions the fixed group together with changelogs, then publishes the three packages and nothing private', async () => {
    await writeFile(
      join(repo.dir, '.changeset', 'add-release-test.md'),
      '---\n"@api-contracts/client": minor\n---\n\nProve releases end to end.\n',
    );
    const version = await repo.pnpm('version-packages');
    expect(version.exitCode, version.output).toBe(0);
    for (const dir of ['specs', 'packages/types', 'packages/client']) {
      expect(JSON.parse(await readFile(join(repo.dir, dir, 'package.json'), 'utf8')).version, dir).toBe('0.1.0');
      expect(await readFile(join(repo.dir, dir, 'CHANGELOG.md'), 'utf8'), dir).toContain('## 0.1.0');
    }
    expect(await readFile(join(repo.dir, 'packages/client/CHANGELOG.md'), 'utf8')).toContain('- Prove releases end to end.');

    const release = await repo.pnpm('release');
    expect(release.exitCode, release.output).toBe(0);
    expect(await versionsOnRegistry()).toEqual({
      '@api-contracts/specs': ['0.1.0'],
      '@api-contracts/types': ['0.1.0'],
      '@api-contracts/client': ['0.1.0'],
    });
    for (const name of privateApps) expect(await publishedVersions(registry.url, name), name).toEqual([]);
    const client = (await (await fetch(`${registry.url}@api-contracts%2fclient`)).json()) as {
      versions: Record<string, { dependencies: Record<string, string>; files?: string[] }>;
    };
    expect(client.versions['0.1.0']?.dependencies).toEqual({ '@api-contracts/types': '^0.1.0', 'openapi-fetch': '0.17.0' });
    expect((await repo.git('tag')).split('\n').sort()).toEqual([
      '@api-contracts/client@0.1.0',
      '@api-contracts/specs@0.1.0',
      '@api-contracts/types@0.1.0',
    ]);
  });

  it('publishes nothing when the version is already on the registry, and says so', async () => {
    const before = await repo.git('status', '--porcelain');
    const again = await repo.pnpm('changeset', 'publish');
    expect(again.output).toMatch(/is not being published because version 0\.1\.0 is already published/);
    expect(again.exitCode).toBe(0);
    expect(await versionsOnRegistry()).toEqual({
      '@api-contracts/specs': ['0.1.0'],
      '@api-contracts/types': ['0.1.0'],
      '@api-contracts/client': ['0.1.0'],
    });
    expect(await repo.git('status', '--porcelain')).toBe(before);
  });

  it('fails clearly when the registry is unreachable, leaving the repo as it was', async () => {
    const closed = await closedPort();
    await repo.setNpmrc(scopedNpmrc(`http://127.0.0.1:${closed}/`, registry.token));
    await writeFile(join(repo.dir, '.changeset', 'patch.md'), '---\n"@api-contracts/specs": patch\n---\n\nA patch.\n');
    expect((await repo.pnpm('version-packages')).exitCode).toBe(0);
    const tags = await repo.git('tag');
    const status = await repo.git('status', '--porcelain');
    const result = await repo.pnpm('changeset', 'publish');
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/ECONNREFUSED for npm info "@api-contracts\/(specs|types|client)"/);
    expect(await repo.git('tag')).toBe(tags);
    expect(await repo.git('status', '--porcelain')).toBe(status);
    expect(await versionsOnRegistry()).toEqual({
      '@api-contracts/specs': ['0.1.0'],
      '@api-contracts/types': ['0.1.0'],
      '@api-contracts/client': ['0.1.0'],
    });
  });
});

describe.sequential('a consumer in another repo', () => {
  let consumer: Awaited<ReturnType<typeof consumerProject>>;
  let server: Server;
  beforeAll(async () => {
    consumer = await consumerProject(scopedNpmrc(registry.url, registry.token));
    server = createServer((request, response) => {
      const known = request.url?.startsWith('/v2/agents/agt_x/');
      response.writeHead(known ? 200 : 404, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          known
            ? {
                sessions: [{ id: 'ase_1', agent_key: 'agt_x', enabled: true, created_at: '2024-01-15T10:30:00Z' }],
                metadata: { total_count: 1 },
              }
            : { code: 'agent_not_found', message: 'no such agent' },
        ),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await consumer?.remove();
  });

  it('installs the client and the types from the registry with npm', async () => {
    const install = await consumer.npm('install', '--no-audit', '--no-fund', '@api-contracts/client@0.1.0', '@api-contracts/types@0.1.0');
    expect(install.exitCode, install.output).toBe(0);
    const installed = JSON.parse(await readFile(join(consumer.dir, 'node_modules/@api-contracts/client/package.json'), 'utf8'));
    expect(installed).toMatchObject({ name: '@api-contracts/client', version: '0.1.0' });
  });

  it.each(['nodenext', 'bundler'] as const)('type-checks a file using both packages under strict %s resolution', async (config) => {
    const result = await consumer.tsc(config);
    expect(result.exitCode, result.output).toBe(0);
  });

  it('runs against a local server', async () => {
    const { port } = server.address() as AddressInfo;
    const result = await consumer.node('dist/consumer.js', `http://127.0.0.1:${port}`);
    expect(result.exitCode, result.output).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      count: 1,
      first: 'ase_1',
      createdAt: '2024-01-15T10:30:00Z',
      notFound: '404 agent_not_found',
    });
  });

  it('has types that bite: a wrong field name and a wrong limit type fail tsc', async () => {
    const result = await consumer.tsc('misuse');
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toMatch(/misuse\.ts\(5,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
    expect(result.output).toMatch(/misuse\.ts\(6,\d+\): error TS2551: Property 'agentKey' does not exist .* Did you mean 'agent_key'\?/);
  });
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
