import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import getPort from 'get-port';
import { childEnv } from './env.js';

/**
 * Verdaccio on 127.0.0.1 with an ephemeral port and a throwaway storage folder. No uplinks: a package
 * it does not hold is a 404, never a trip to the internet. Publishing needs a user, created here through
 * the registry API (what `npm adduser` does), so no prompt is involved.
 */
export async function startVerdaccio() {
  const dir = await mkdtemp(join(tmpdir(), 'api-contracts-verdaccio-'));
  const config = join(dir, 'config.yaml');
  await writeFile(
    config,
    [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(dir, 'htpasswd')}`,
      '    max_users: 10',
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      'log: { type: stdout, format: pretty, level: error }',
      '',
    ].join('\n'),
  );
  const port = await getPort({ host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}/`;
  const child = execa('verdaccio', ['--config', config, '--listen', `127.0.0.1:${port}`], {
    preferLocal: true,
    reject: false,
    all: true,
    env: childEnv(),
    extendEnv: false,
  });
  const stop = async () => {
    child.kill();
    await child;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 30_000;
    while (
      !(await fetch(`${url}-/ping`).then(
        (response) => response.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`Verdaccio did not start: ${(await child).all}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const response = await fetch(`${url}-/user/org.couchdb.user:release-test`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'release-test', password: 'release-test-password' }),
    });
    if (!response.ok) throw new Error(`Verdaccio refused the user: ${response.status} ${await response.text()}`);
    const { token } = (await response.json()) as { token: string };
    return { url, port, token, pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * An .npmrc sending the @api-contracts scope to `registry`, with the token; everything else goes to npm's
 * default registry. `failFast` turns fetch retries off, so an unreachable registry fails in seconds rather
 * than after npm's minute of backoff; it is only used where the registry is meant to be unreachable.
 */
export const scopedNpmrc = (registry: string, token: string, { failFast = false } = {}) => {
  const host = registry.replace(/^https?:/, '');
  return `@api-contracts:registry=${registry}\n${host}:_authToken=${token}\n${failFast ? 'fetch-retries=0\n' : ''}`;
};

/** The versions of a package on `registry`, read from its packument, or [] when it has none. */
export async function publishedVersions(registry: string, name: string): Promise<string[]> {
  const response = await fetch(`${registry}${name.replace('/', '%2f')}`);
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status} from ${registry}`);
  const document = (await response.json()) as { versions?: Record<string, unknown> };
  return Object.keys(document.versions ?? {});
}

/** The packument of a package on `registry`. */
export async function packument(registry: string, name: string) {
  const response = await fetch(`${registry}${name.replace('/', '%2f')}`);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status} from ${registry}`);
  return (await response.json()) as {
    'dist-tags': Record<string, string>;
    versions: Record<string, { version: string; dependencies?: Record<string, string>; dist: { tarball: string } }>;
  };
}

/**
 * `npm view <name> versions --json --registry <registry>`, as a maintainer would type it, run outside any
 * project so no .npmrc but the user's is read.
 */
export async function npmView(registry: string, name: string) {
  const result = await execa('npm', ['view', name, 'versions', '--json', '--registry', registry], {
    cwd: tmpdir(),
    reject: false,
    all: true,
    env: childEnv(),
    extendEnv: false,
  });
  const output = String(result.all ?? '');
  if (result.exitCode !== 0) return { exitCode: result.exitCode, versions: undefined, output };
  const parsed = JSON.parse(String(result.stdout)) as string | string[];
  // npm prints a lone version as a string, several as an array.
  return { exitCode: result.exitCode, versions: typeof parsed === 'string' ? [parsed] : parsed, output };
}
