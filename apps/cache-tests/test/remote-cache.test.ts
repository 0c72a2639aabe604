/**
 * Many runners, one remote cache: turbo's remote cache protocol against a real server (turborepo-remote-cache,
 * local storage, 127.0.0.1, an ephemeral port), with two fresh clones of this repo as two CI runners.
 * Steps run in order: each builds on what the server holds after the previous one.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneRepo, headCommit, type Run } from './support/clone.js';
import { startCacheServer } from './support/server.js';

/** The tasks of `pnpm contracts` (turbo run contracts and what it depends on). */
const pipeline = [
  '@api-contracts/types#generate',
  '@api-contracts/types#build',
  '@api-contracts/client#build',
  '@api-contracts/contract-tests#pacts',
  '@api-contracts/contract-tests#contracts',
];
const report = 'apps/contract-tests/reports/contracts.json';
const spec = 'specs/vectara/openapi.yaml';
// A hand-written module of the client (src/index.ts and src/generated/ are written by its generator).
const clientSource = 'packages/client/src/transport.ts';
/**
 * Where a check is about what a task run does with the cache (run, upload, refuse, warn) and not about which
 * task it is, the task is the client's generate: the cheapest task of the pipeline (a second or two), reading
 * the spec, in the first runner's uploads. Its outputs are committed files: a run that must write them is
 * checked by their dates (see ageCheapOutputs).
 */
const cheapTask = '@api-contracts/client#generate';
const cheapRun = ['run', 'generate', '--filter=@api-contracts/client'];
const cheapOutputs = 'packages/client/src/generated';
const clientGenerated = 'packages/client/src/generated/vectara.ts';
const typesGenerated = 'packages/types/src/generated/vectara.ts';

const team = 'api-contracts-ci';
const token = randomBytes(24).toString('hex');
const signatureKey = randomBytes(32).toString('hex');

let server: Awaited<ReturnType<typeof startCacheServer>>;
let first: Awaited<ReturnType<typeof cloneRepo>>;
let second: Awaited<ReturnType<typeof cloneRepo>>;
let remote: Record<string, string>;

beforeAll(async () => {
  const commit = await headCommit();
  server = await startCacheServer(token);
  remote = { TURBO_API: server.url, TURBO_TOKEN: token, TURBO_TEAM: team, TURBO_REMOTE_CACHE_SIGNATURE_KEY: signatureKey };
  // Both runners at the same commit, whatever lands on the repo meanwhile; the second with a copy of the
  // first's install (see linkInstalledTree), made before the first runs anything.
  first = await cloneRepo(commit);
  second = await cloneRepo(commit, first);
});
afterAll(async () => {
  await Promise.all([first?.remove(), second?.remove()]);
  await server?.remove();
  if (server) expect(server.running()).toBe(false);
});

/** Each task's cache verdict: REMOTE or LOCAL for a hit, MISS when it ran. */
const verdicts = (run: Run) =>
  Object.fromEntries(Object.entries(run.tasks).map(([id, task]) => [id, task.status === 'HIT' ? (task.source ?? 'HIT') : 'MISS']));
const every = (run: Run, verdict: string) => Object.fromEntries(Object.keys(run.tasks).map((id) => [id, verdict]));
const hashes = (run: Run) => Object.fromEntries(Object.entries(run.tasks).map(([id, task]) => [id, task.hash]));
const reportOf = async (clone: typeof first) => JSON.parse(await clone.read(report)) as { exitCode: number; summary: unknown };

/**
 * Dates the generated client's files back to 1970, so that a run that writes them shows (the generator writes
 * every file, changed or not). Deleting them instead would change the hashes: they are committed, turbo hashes them.
 */
async function ageCheapOutputs(clone: typeof first) {
  const files = await readdir(clone.path(cheapOutputs));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) await utimes(clone.path(join(cheapOutputs, file)), 0, 0);
}
/** The generated client's files that no run wrote since `ageCheapOutputs`. */
async function unwritten(clone: typeof first) {
  const files = await readdir(clone.path(cheapOutputs));
  const ages = await Promise.all(files.map(async (file) => [file, (await stat(clone.path(join(cheapOutputs, file)))).mtimeMs] as const));
  return ages.filter(([, mtime]) => mtime < 1_000).map(([file]) => file);
}

/** The requests the server completed while `action` ran. */
async function during<T>(action: () => Promise<T>) {
  const before = server.requests().length;
  const result = await action();
  return { result, requests: server.requests().slice(before) };
}
const artifactUrl = (hash: string) => `/v8/artifacts/${hash}?slug=${team}`;

async function filesUnder(root: string, dir = ''): Promise<Record<string, string>> {
  const entries = await readdir(join(root, dir), { withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, await filesUnder(root, path));
    else files[path] = await readFile(join(root, path), 'utf8');
  }
  return files;
}

let firstRun: Run;
let editedGenerate: Run;

describe.sequential('two runners sharing a remote cache', () => {
  it('the first runner runs every task and uploads each result, signed by the committed configuration', async () => {
    // Nothing but the commit: signing is on because the committed turbo.json says so, not a local config.
    expect(first.exists('.turbo/config.json')).toBe(false);
    expect(await first.git('status', '--porcelain')).toBe('');
    expect(JSON.parse(await first.read('turbo.json'))).toMatchObject({ remoteCache: { signature: true } });
    firstRun = await first.contracts(remote);
    expect(firstRun.exitCode, firstRun.output).toBe(0);
    expect(firstRun.output).toContain('Remote caching enabled');
    expect(firstRun.output).not.toContain('WARNING');
    expect(Object.keys(firstRun.tasks)).toEqual(expect.arrayContaining([...pipeline, cheapTask]));
    expect(verdicts(firstRun)).toEqual(every(firstRun, 'MISS'));
    // On the server: one artifact per task, each with turbo's signature tag (HMAC of the key, hash and bytes).
    expect(await server.files(team)).toEqual(
      Object.values(hashes(firstRun))
        .flatMap((hash) => [hash, `${hash}.tag`])
        .sort(),
    );
    for (const hash of Object.values(hashes(firstRun))) {
      expect((await server.read(server.tag(team, hash))).toString('utf8')).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    }
    expect((await reportOf(first)).exitCode).toBe(0);
  });

  it('a second runner, a fresh clone with an empty local cache, gets every task from the server', async () => {
    expect(second.exists('.turbo/cache')).toBe(false);
    // turbo's dry run predicts it (the later steps rely on that): every task on the server, under the same hash.
    const predicted = await second.dryRun(['contracts'], remote);
    const { result: run, requests } = await during(() => second.contracts(remote));
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toContain('FULL TURBO');
    expect(verdicts(run)).toEqual(every(run, 'REMOTE'));
    expect(hashes(run)).toEqual(hashes(firstRun));
    expect(verdicts(predicted)).toEqual(verdicts(run));
    expect(hashes(predicted)).toEqual(hashes(run));
    expect(requests.filter((request) => request.method === 'PUT')).toEqual([]);
    // The outputs are the first runner's, byte for byte (the report carries its generatedAt): restored, not re-run.
    expect(await second.read(report)).toEqual(await first.read(report));
    expect(await filesUnder(second.path('apps/contract-tests/pacts'))).toEqual(await filesUnder(first.path('apps/contract-tests/pacts')));
  });
});

/**
 * Which tasks a change re-runs: turbo's dry run, whose prediction the second runner's real run matched above
 * (same verdicts, same hashes). Re-running the whole pipeline to watch it would prove nothing more about the cache
 * and cost CI a minute and a half per change; the spec change's cheapest task runs for real, to put its edited
 * result on the server (a later step's substitute).
 */
describe.sequential('a change re-runs exactly the tasks that depend on it', () => {
  let original: string;
  let originalClient: string;
  let originalTypes: string;
  let marker: string;

  it('a spec change: every task of the pipeline reads the spec (directly or through ^build), so each one runs again', async () => {
    original = await second.read(spec);
    originalClient = await second.read(clientGenerated);
    originalTypes = await second.read(typesGenerated);
    // A description that reaches the generated client, so the change is visible in a task's output.
    const line = original
      .split('\n')
      .map((text) => /^\s+description: ([A-Z][^>|'"]+\.)$/.exec(text))
      .find((match) => match?.[1] && originalClient.includes(`/** ${match[1]} */`));
    expect(line, 'a one-line description of the spec that reaches the generated client').toBeTruthy();
    marker = `${line?.[1]} Edited by the cache test.`;
    await second.write(spec, original.replace(line?.[0] ?? '', line?.[0].replace(line[1] ?? '', marker) ?? ''));
    await second.reset();

    const edited = await second.dryRun(['contracts'], remote);
    expect(edited.exitCode, edited.output).toBe(0);
    expect(Object.keys(edited.tasks)).toEqual(expect.arrayContaining([...pipeline, cheapTask]));
    expect(verdicts(edited)).toEqual(every(edited, 'MISS'));
    for (const task of [...pipeline, cheapTask]) expect(edited.tasks[task]?.hash, task).not.toBe(firstRun.tasks[task]?.hash);

    // The client's generate runs on the edited spec as predicted and uploads its result, signed, under the new hash.
    const { result: run, requests } = await during(() => second.turbo(cheapRun, remote));
    editedGenerate = run;
    expect(run.exitCode, run.output).toBe(0);
    expect(run.tasks[cheapTask]).toMatchObject({ status: 'MISS', hash: edited.tasks[cheapTask]?.hash, exitCode: 0 });
    expect(await second.read(clientGenerated)).toContain(`/** ${marker} */`);
    const uploaded = run.tasks[cheapTask]?.hash ?? '';
    expect(requests.filter((request) => request.method === 'PUT').map((request) => request.url)).toEqual([artifactUrl(uploaded)]);
    expect(server.has(server.artifact(team, uploaded))).toBe(true);
    expect((await server.read(server.tag(team, uploaded))).toString('utf8')).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('a client-only change: the types and the generated client would come from the server; the client build, pacts and contracts run again', async () => {
    // Back to the commit (the generated types and client are committed, and written by the step above).
    await second.write(spec, original);
    await second.write(typesGenerated, originalTypes);
    await second.write(clientGenerated, originalClient);
    expect(await second.git('status', '--porcelain')).toBe('');
    const source = await second.read(clientSource);
    await second.write(clientSource, `${source}\n// A change of the client only.\n`);
    await second.reset();
    const run = await second.dryRun(['contracts'], remote);
    await second.write(clientSource, source);

    expect(run.exitCode, run.output).toBe(0);
    expect(Object.keys(run.tasks)).toEqual(expect.arrayContaining([...pipeline, cheapTask]));
    expect(verdicts(run)).toEqual({
      ...every(run, 'MISS'),
      '@api-contracts/types#generate': 'REMOTE',
      '@api-contracts/types#build': 'REMOTE',
      // The client is generated from the specs and its generator: a hand-written module is not an input.
      '@api-contracts/client#generate': 'REMOTE',
    });
    for (const task of ['@api-contracts/types#generate', '@api-contracts/types#build', '@api-contracts/client#generate']) {
      expect(run.tasks[task]?.hash).toBe(firstRun.tasks[task]?.hash);
    }
    for (const task of ['@api-contracts/client#build', '@api-contracts/contract-tests#pacts', '@api-contracts/contract-tests#contracts']) {
      expect(run.tasks[task]?.hash, task).not.toBe(firstRun.tasks[task]?.hash);
    }
    expect(await second.git('status', '--porcelain')).toBe('');
  });
});

describe.sequential('signed artifacts', () => {
  it('refuses an artifact whose bytes were changed on the server: the task runs again, its output is right', async () => {
    const generate = firstRun.tasks[cheapTask]?.hash ?? '';
    const stored = server.artifact(team, generate);
    const bytes = await server.read(stored);
    for (let at = bytes.length >> 1; at < (bytes.length >> 1) + 8; at++) bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    await server.write(stored, bytes);
    await second.reset();
    await ageCheapOutputs(second);

    const { result: run, requests } = await during(() => second.turbo(['run', 'contracts'], remote));
    expect(run.exitCode, run.output).toBe(0);
    expect(verdicts(run)).toEqual({ ...every(run, 'REMOTE'), [cheapTask]: 'MISS' });
    // The server did hand the tampered bytes over; turbo refused them, ran the task and uploaded a good result.
    expect(requests.filter((request) => request.url === artifactUrl(generate))).toEqual([
      { method: 'GET', url: artifactUrl(generate), status: 200 },
      { method: 'PUT', url: artifactUrl(generate), status: 200 },
    ]);
    // It ran (its execution in the summary, every file written anew), and wrote what the first runner has.
    expect(run.tasks[cheapTask]?.exitCode).toBe(0);
    expect(await unwritten(second)).toEqual([]);
    expect(await filesUnder(second.path(cheapOutputs))).toEqual(await filesUnder(first.path(cheapOutputs)));
    expect(await second.git('status', '--porcelain')).toBe('');
    expect((await reportOf(second)).exitCode).toBe(0);
  });

  it('refuses a well-formed artifact put in another’s place (the spec-edited generate under the HEAD hash)', async () => {
    const genuine = firstRun.tasks[cheapTask]?.hash ?? '';
    const substitute = editedGenerate.tasks[cheapTask]?.hash ?? '';
    // Both the artifact and its tag are genuine, made by a runner with the key, for another hash.
    await server.write(server.artifact(team, genuine), await server.read(server.artifact(team, substitute)));
    await server.write(server.tag(team, genuine), await server.read(server.tag(team, substitute)));
    await second.reset();
    await ageCheapOutputs(second);

    const { result: run, requests } = await during(() => second.turbo(['run', 'contracts'], remote));
    expect(run.exitCode, run.output).toBe(0);
    expect(verdicts(run)).toEqual({ ...every(run, 'REMOTE'), [cheapTask]: 'MISS' });
    expect(requests.filter((request) => request.method === 'GET' && request.url === artifactUrl(genuine))).toEqual([
      { method: 'GET', url: artifactUrl(genuine), status: 200 },
    ]);
    // Had turbo used it, the generated client would carry the edited description: it ran, and wrote the committed one.
    expect(run.tasks[cheapTask]?.exitCode).toBe(0);
    expect(await unwritten(second)).toEqual([]);
    expect(await second.read(clientGenerated)).not.toContain('Edited by the cache test.');
    expect(await second.git('status', '--porcelain')).toBe('');
  });

  it('a runner with the cache but without the key (the committed turbo.json signs) runs, warned, using and uploading nothing', async () => {
    await first.reset();
    const generate = firstRun.tasks[cheapTask]?.hash ?? '';
    const { TURBO_REMOTE_CACHE_SIGNATURE_KEY: _key, ...withoutKey } = remote;
    const { result: run, requests } = await during(() => first.turbo(cheapRun, withoutKey));
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toContain('artifact signature error');
    expect(run.tasks[cheapTask]).toMatchObject({ hash: generate, status: 'MISS' });
    expect(requests.filter((request) => request.method === 'PUT')).toEqual([]);

    // Another key: the server's artifacts (signed with the team's key) are refused too.
    await first.reset();
    const other = await first.turbo(cheapRun, {
      ...remote,
      TURBO_REMOTE_CACHE_SIGNATURE_KEY: randomBytes(32).toString('hex'),
    });
    expect(other.exitCode, other.output).toBe(0);
    expect(other.tasks[cheapTask]).toMatchObject({ hash: generate, status: 'MISS' });
  });

  it('without a remote cache (a developer; a fork’s pull request, whose secrets are empty) signing stays silent', async () => {
    // No TURBO_* variable at all, then every one set empty as GitHub does for a secret a fork does not get.
    const empty = { TURBO_API: '', TURBO_TOKEN: '', TURBO_TEAM: '', TURBO_REMOTE_CACHE_SIGNATURE_KEY: '' };
    for (const variables of [{}, empty]) {
      await first.reset();
      const run = await first.turbo(cheapRun, variables);
      expect(run.exitCode, run.output).toBe(0);
      expect(run.output).toContain('Remote caching disabled');
      expect(run.output).not.toMatch(/WARNING|signature/i);
      expect(run.tasks[cheapTask]?.status).toBe('MISS');
    }
    expect(await first.git('status', '--porcelain')).toBe('');
  });
});

describe.sequential('a remote cache that cannot be used never fails the run, and never hits', () => {
  // The client's generate stands for the pipeline here: how turbo treats an unusable cache does not depend on
  // the task, and the whole pipeline (pacts, Prism, the Verifier) would only cost CI minutes. Its hash is the
  // one the server holds; its files, dated back first, are written anew only because it ran.
  it('a wrong token: every task runs, turbo warns, exit 0', async () => {
    await second.reset();
    await ageCheapOutputs(second);
    const { result: run, requests } = await during(() => second.turbo(cheapRun, { ...remote, TURBO_TOKEN: 'not-the-token' }));
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toMatch(/WARNING\s+failed to contact remote cache: .*401 Unauthorized/);
    expect(Object.keys(run.tasks)).toContain(cheapTask);
    expect(verdicts(run)).toEqual(every(run, 'MISS'));
    // Each artifact request was turned away; none was served.
    const artifactRequests = requests.filter((request) => /^\/v8\/artifacts\/[0-9a-f]+\?/.test(request.url));
    expect(artifactRequests.length).toBeGreaterThan(0);
    expect(artifactRequests.filter((request) => request.status !== 401)).toEqual([]);
    expect(await unwritten(second)).toEqual([]);
    expect(await second.git('status', '--porcelain')).toBe('');
  });

  it('the server down: every task runs, turbo warns, exit 0', async () => {
    await server.stop();
    expect(server.running()).toBe(false);
    await second.reset();
    await ageCheapOutputs(second);
    const run = await second.turbo(cheapRun, remote);
    expect(run.exitCode, run.output).toBe(0);
    // turbo's first warning; what follows depends on timing ("could not connect to the cache", or a retry
    // "after a 30-second cooldown" in a long run).
    expect(run.output).toMatch(/WARNING\s+• Remote caching unavailable \(Could not connect to "http:\/\/127\.0\.0\.1:\d+"\)/);
    expect(run.output).toContain(server.url);
    expect(verdicts(run)).toEqual(every(run, 'MISS'));
    // A miss though the server holds this very hash.
    expect(run.tasks[cheapTask]?.hash).toBe(firstRun.tasks[cheapTask]?.hash);
    expect(await unwritten(second)).toEqual([]);
    expect(await second.git('status', '--porcelain')).toBe('');
  });
});
