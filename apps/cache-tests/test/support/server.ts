import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('turborepo-remote-cache/package.json'));
const cli = join(
  packageDir,
  (require('turborepo-remote-cache/package.json') as { bin: Record<string, string> }).bin['turborepo-remote-cache'] ?? '',
);

export interface CacheRequest {
  method: string;
  url: string;
  status: number | undefined;
}

/**
 * turborepo-remote-cache (turbo's remote cache HTTP API) on 127.0.0.1, on a port the OS picks (PORT=0; the
 * URL is read from the server's own "Server listening at" line, so no port can be taken in between), with
 * local file storage in a throwaway folder and one static token.
 *
 * `TURBO_REMOTE_CACHE_SIGNATURE_KEY` on the server is an on/off switch only (turborepo-remote-cache 2.12:
 * stores each upload's x-artifact-tag and serves it back, and answers 404 for an artifact without one); it
 * never signs nor verifies, so the server is given a marker, never the team's key.
 */
export async function startCacheServer(token: string) {
  const root = await mkdtemp(join(tmpdir(), 'api-contracts-cache-server-'));
  const storage = join(root, 'storage');
  const lines: string[] = [];
  const child = execa(process.execPath, [cli], {
    extendEnv: false,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      STORAGE_PROVIDER: 'local',
      STORAGE_PATH: storage,
      STORAGE_PATH_USE_TMP_FOLDER: 'false',
      TURBO_TOKEN: token,
      TURBO_REMOTE_CACHE_SIGNATURE_KEY: 'store-and-serve-artifact-tags',
      LOG_LEVEL: 'info',
    },
    reject: false,
    buffer: false,
    stdin: 'ignore',
    // execa kills it if this process exits without calling stop(); stop() escalates to SIGKILL after 5 s.
    cleanup: true,
    forceKillAfterDelay: 5_000,
  });
  const exited = child.then((result) => result);

  // A guard, not an estimate: the server listens within a second or two when idle.
  const startupGuardMs = 60_000;
  const waitedFor = `its "Server listening at http://127.0.0.1:<port>" line on stdout/stderr within ${startupGuardMs / 1000} s`;
  const seen = () => (lines.length > 0 ? lines.join('\n') : '(no output)');
  const url = await new Promise<string>((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(
      () => reject(new Error(`turborepo-remote-cache did not start: waited for ${waitedFor}; it printed:\n${seen()}`)),
      startupGuardMs,
    );
    const onData = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (listening?.[1]) {
          clearTimeout(timer);
          resolve(listening[1]);
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((result) => {
      clearTimeout(timer);
      // Before the URL was seen, an unfinished last line is what it said last (once started: nothing to reject).
      if (pending && !lines.some((line) => line.includes('Server listening at'))) lines.push(pending);
      const how = result.signal ? `signal ${result.signal}` : `exit code ${result.exitCode}`;
      reject(new Error(`turborepo-remote-cache exited (${how}) before listening: waited for ${waitedFor}; it printed:\n${seen()}`));
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    await rm(root, { recursive: true, force: true });
    throw error;
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  return {
    url,
    storage,
    /** The stored artifact of `hash`, and its signature tag, for one team. */
    artifact: (team: string, hash: string) => join(storage, team, hash),
    tag: (team: string, hash: string) => join(storage, team, `${hash}.tag`),
    has: (path: string) => existsSync(path),
    files: async (team: string) => (existsSync(join(storage, team)) ? (await readdir(join(storage, team))).sort() : []),
    read: (path: string) => readFile(path),
    write: (path: string, data: Uint8Array) => writeFile(path, data),
    /** Every request the server completed so far, from its own log (method, URL, status). */
    requests(): CacheRequest[] {
      const byId = new Map<string, CacheRequest>();
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { reqId?: string; req?: { method: string; url: string }; res?: { statusCode: number } };
        if (!entry.reqId) continue;
        if (entry.req) byId.set(entry.reqId, { method: entry.req.method, url: entry.req.url, status: undefined });
        const request = byId.get(entry.reqId);
        if (entry.res && request) request.status = entry.res.statusCode;
      }
      return [...byId.values()];
    },
    /** The process is gone for good once this resolves. */
    stop,
    running: () => child.exitCode === null && child.signalCode === null,
    pid: child.pid,
    async remove() {
      await stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
