import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import getPort from 'get-port';
import { runCommand } from './command.js';
import { childEnv } from './env.js';

/** How long Verdaccio may take to listen: a guard against a hung start, not an estimate (it takes 2 to 5 s). */
const startGuardMs = 120_000;
/** How long one request to the registry may take before it counts as hung. */
const requestGuardMs = 60_000;

/**
 * Verdaccio on 127.0.0.1 with an ephemeral port and a throwaway storage folder. No uplinks: a package
 * it does not hold is a 404, never a trip to the internet. Publishing needs a user, created here through
 * the registry API (what `npm adduser` does), so no prompt is involved.
 *
 * Ready means Verdaccio's own "http address" line for this URL (logged at warn level), then a ping that
 * answers; a start that fails says what it waited for and what it saw: the exit code, or that it was
 * still running at the guard, and everything it printed.
 */
export async function startVerdaccio() {
  // A free port is only free until someone binds it: on a busy machine another process may take it before
  // Verdaccio listens. Then it exits with EADDRINUSE, and another port is tried.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startVerdaccioOnce();
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt === 5) throw error;
    }
  }
}

/** Verdaccio exited because its port was taken before it could listen. */
class PortTakenError extends Error {}

async function startVerdaccioOnce() {
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
      // warn: the level of the "http address" line the start waits for.
      'log: { type: stdout, format: pretty, level: warn }',
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
  let output = '';
  child.all?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const stop = async () => {
    child.kill();
    await child;
    await rm(dir, { recursive: true, force: true });
  };
  const waitedFor = `"http address - ${url}" on Verdaccio's output, then GET ${url}-/ping answering 200`;
  const failure = (saw: string) =>
    new Error(`Verdaccio did not start: waited up to ${startGuardMs / 1000} s for ${waitedFor}; ${saw}. Its output:\n${output}`);
  try {
    const outcome = await new Promise<'listening' | 'exited' | 'guard'>((resolve) => {
      const finish = (result: 'listening' | 'exited' | 'guard') => {
        clearTimeout(guard);
        child.all?.off('data', onData);
        child.off('exit', onExit);
        resolve(result);
      };
      const onData = () => {
        if (output.includes(`http address - ${url}`)) finish('listening');
      };
      const onExit = () => finish('exited');
      const guard = setTimeout(() => finish('guard'), startGuardMs);
      child.all?.on('data', onData);
      child.once('exit', onExit);
      onData();
    });
    // Verdaccio logs its address before it binds: a taken port shows as its fatal EADDRINUSE line, whenever that
    // comes (with the ping then reaching whoever holds the port).
    const portTaken = () => output.includes('EADDRINUSE');
    if (portTaken()) throw new PortTakenError(`port ${port} was taken before Verdaccio listened`);
    if (outcome === 'exited') {
      const ended = await child;
      throw failure(`it exited first, with code ${ended.exitCode ?? 'none'}${ended.signal ? ` (${ended.signal})` : ''}`);
    }
    if (outcome === 'guard') throw failure('it was still running without that line, and was stopped');
    const ping = await guardedFetch(`${url}-/ping`);
    if (portTaken()) throw new PortTakenError(`port ${port} was taken before Verdaccio listened`);
    if (!ping.ok) throw failure(`it logged its address, but the ping answered ${ping.status} ${await ping.text()}`);
    const response = await guardedFetch(`${url}-/user/org.couchdb.user:release-test`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'release-test', password: 'release-test-password' }),
    });
    if (!response.ok) throw new Error(`Verdaccio refused the user: ${response.status} ${await response.text()}`);
    const { token } = (await response.json()) as { token: string };
    return { url, port, token, pid: child.pid, stop, output: () => output };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** fetch, with a guard that names the request when the registry does not answer. */
async function guardedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(requestGuardMs) });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${requestGuardMs / 1000} s` : String(error);
    throw new Error(`${init.method ?? 'GET'} ${url} failed: ${reason}`);
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
  const response = await guardedFetch(`${registry}${name.replace('/', '%2f')}`);
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status} from ${registry}`);
  const document = (await response.json()) as { versions?: Record<string, unknown> };
  return Object.keys(document.versions ?? {});
}

/** The packument of a package on `registry`. */
export async function packument(registry: string, name: string) {
  const response = await guardedFetch(`${registry}${name.replace('/', '%2f')}`);
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
  const result = await runCommand('npm', ['view', name, 'versions', '--json', '--registry', registry], {
    cwd: tmpdir(),
    env: childEnv(),
    extendEnv: false,
  });
  if (result.exitCode !== 0) return { exitCode: result.exitCode, versions: undefined, output: result.output };
  const parsed = JSON.parse(result.stdout) as string | string[];
  // npm prints a lone version as a string, several as an array.
  return { exitCode: result.exitCode, versions: typeof parsed === 'string' ? [parsed] : parsed, output: result.output };
}
