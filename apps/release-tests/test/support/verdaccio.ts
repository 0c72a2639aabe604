import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import getPort from 'get-port';

/**
 * Verdaccio on 127.0.0.1 with an ephemeral port and a throwaway storage folder. No uplinks: a package
 * it does not hold is a 404, never a trip to the internet. Publishing needs a user, created here.
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
  const child = execa('verdaccio', ['--config', config, '--listen', `127.0.0.1:${port}`], { preferLocal: true, reject: false, all: true });
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
    const { token } = (await response.json()) as { token: string };
    return { url, port, token, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * An .npmrc sending the @api-contracts scope to `registry`, with the token; everything else to npm's
 * default. No fetch retries: an unreachable registry should fail in seconds, not after npm's minute of backoff.
 */
export const scopedNpmrc = (registry: string, token: string) => {
  const host = registry.replace(/^https?:/, '');
  return `@api-contracts:registry=${registry}\n${host}:_authToken=${token}\nfetch-retries=0\n`;
};

/** The versions of a package on `registry`, or [] when it has none. */
export async function publishedVersions(registry: string, name: string): Promise<string[]> {
  const response = await fetch(`${registry}${name.replace('/', '%2f')}`);
  if (response.status === 404) return [];
  const document = (await response.json()) as { versions?: Record<string, unknown> };
  return Object.keys(document.versions ?? {});
}
