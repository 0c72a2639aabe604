/**
 * `pnpm contracts:live` (the root script, src/contracts-live.mjs): missing settings are "not run" (exit 2)
 * before turbo builds anything or Prism starts; with its settings it builds the pacts, then runs the app's
 * `contracts:live` script with the user's options. `turbo`, `pnpm` and `node` are stand-in scripts on PATH that
 * record how they were called, so
 * "nothing was built or started" is what the script did, not what its output says.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, sentinelClientSecret, sentinelKey } from './support/stand-in.js';

const script = fileURLToPath(new URL('../src/contracts-live.mjs', import.meta.url));
const repositoryRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const appDir = resolve(fileURLToPath(new URL('..', import.meta.url)));

const notRunLine = 'live run: NOT RUN, nothing was built or started (exit 2). The variables: docs/live.md';
const missingBoth = [
  'verisoul: not run: set VERISOUL_API_KEY, VERISOUL_ACCOUNT_ID',
  'vectara: not run: set VECTARA_API_KEY (or VECTARA_CLIENT_ID and VECTARA_CLIENT_SECRET), VECTARA_AGENT_KEY',
  notRunLine,
];

let bin: string;
let calls: string;
beforeAll(async () => {
  bin = await mkdtemp(join(tmpdir(), 'api-contracts-live-bin-'));
  calls = join(bin, 'calls.log');
  // Each stand-in appends its name and arguments to calls.log, its working directory to calls.log.cwd, and exits with its <NAME>_EXIT (default 0).
  for (const name of ['turbo', 'pnpm', 'node']) {
    const file = join(bin, name);
    await writeFile(
      file,
      `#!/bin/sh\nprintf '%s\\n' "${name} $*" >> "$CALLS"\nprintf '%s\\n' "$PWD" >> "$CALLS.cwd"\nexit "\${${name.toUpperCase()}_EXIT:-0}"\n`,
    );
    await chmod(file, 0o755);
  }
});
afterAll(() => rm(bin, { recursive: true, force: true }));

/** The script, as the root script runs it, with only `env` and the stand-ins on PATH; what it called. */
async function contractsLive(args: string[], env: Record<string, string> = {}) {
  await Promise.all([rm(calls, { force: true }), rm(`${calls}.cwd`, { force: true })]);
  const result = await execa(process.execPath, [script, ...args], {
    reject: false,
    all: true,
    extendEnv: false,
    env: { PATH: bin, HOME: process.env.HOME ?? '', CALLS: calls, ...env },
  });
  const lines = (file: string) =>
    readFile(file, 'utf8').then(
      (text) => text.trimEnd().split('\n'),
      () => [],
    );
  return { ...result, called: await lines(calls), cwds: await lines(`${calls}.cwd`) };
}

const vectaraSettings = { VECTARA_API_KEY: sentinelKey, VECTARA_AGENT_KEY: fixtures.vectara.agentKey };

describe('pnpm contracts:live checks its settings before it builds', () => {
  it('without settings: not run (exit 2), each variable named once, nothing built or started', async () => {
    const result = await contractsLive([]);
    expect(result.exitCode, result.all).toBe(2);
    expect(result.stderr.split('\n')).toEqual(missingBoth);
    expect(result.stdout).toBe('');
    expect(result.called).toEqual([]);
  });

  it('checks the APIs of --api only, and never prints a configured secret', async () => {
    const vectaraOnly = await contractsLive(['--api', 'verisoul', '--strict'], {
      ...vectaraSettings,
      VERISOUL_ACCOUNT_ID: fixtures.verisoul.accountId,
    });
    expect(vectaraOnly.exitCode, vectaraOnly.all).toBe(2);
    expect(vectaraOnly.stderr.split('\n')).toEqual(['verisoul: not run: set VERISOUL_API_KEY', notRunLine]);
    expect(vectaraOnly.called).toEqual([]);

    // Half of Vectara's OAuth pair is not a credential: the alternatives are named, the secret is not.
    const halfOAuth = await contractsLive(['--api=vectara'], {
      VECTARA_CLIENT_SECRET: sentinelClientSecret,
      VECTARA_AGENT_KEY: fixtures.vectara.agentKey,
    });
    expect(halfOAuth.exitCode, halfOAuth.all).toBe(2);
    expect(halfOAuth.stderr.split('\n')).toEqual([
      'vectara: not run: set VECTARA_API_KEY (or VECTARA_CLIENT_ID and VECTARA_CLIENT_SECRET)',
      notRunLine,
    ]);
    expect(halfOAuth.all).not.toContain(sentinelClientSecret);
    expect(halfOAuth.called).toEqual([]);
  });

  it('an unknown --api or option is not run (exit 2) before anything is built', async () => {
    const unknownApi = await contractsLive(['--api', 'stripe'], vectaraSettings);
    expect(unknownApi.exitCode).toBe(2);
    expect(unknownApi.stderr).toBe('unknown --api stripe: expected verisoul or vectara');
    const unknownOption = await contractsLive(['--no-such-option'], vectaraSettings);
    expect(unknownOption.exitCode).toBe(2);
    expect(unknownOption.stderr).toMatch(/^contracts could not run: Unknown option '--no-such-option'/);
    expect([...unknownApi.called, ...unknownOption.called]).toEqual([]);
  });

  it('with its settings: builds the pacts, then runs the CLI with the options; the exit code is the CLI’s', async () => {
    const result = await contractsLive(['--api', 'vectara', '--strict', '--reports', 'out'], { ...vectaraSettings, NODE_EXIT: '1' });
    expect(result.exitCode, result.all).toBe(1);
    // The app's script itself (package.json), run from the app's folder: no second pnpm start.
    const manifest = JSON.parse(await readFile(join(appDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const liveScript = manifest.scripts['contracts:live'];
    expect(liveScript).toMatch(/^node /);
    expect(result.called).toEqual(['turbo run pacts --output-logs=errors-only', `${liveScript} --api vectara --strict --reports out`]);
    expect(result.cwds).toEqual([repositoryRoot, appDir]);
    // OAuth alone (no API key) is a credential too.
    const oauth = await contractsLive(['--api', 'vectara'], {
      VECTARA_CLIENT_ID: 'client',
      VECTARA_CLIENT_SECRET: sentinelClientSecret,
      VECTARA_AGENT_KEY: fixtures.vectara.agentKey,
    });
    expect(oauth.exitCode, oauth.all).toBe(0);
    expect(oauth.called).toHaveLength(2);
  });

  it('a failed build stops the chain with its exit code', async () => {
    const result = await contractsLive([], {
      ...vectaraSettings,
      VERISOUL_API_KEY: sentinelKey,
      VERISOUL_ACCOUNT_ID: fixtures.verisoul.accountId,
      TURBO_EXIT: '3',
    });
    expect(result.exitCode).toBe(3);
    expect(result.called).toEqual(['turbo run pacts --output-logs=errors-only']);
  });

  it('the root script is this check: `pnpm contracts:live` without settings prints no turbo output', async () => {
    const result = await execa('pnpm', ['contracts:live'], {
      cwd: repositoryRoot,
      reject: false,
      all: true,
      extendEnv: false,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    });
    expect(result.exitCode, result.all).toBe(2);
    for (const line of missingBoth) expect(result.stderr).toContain(line);
    expect(result.all).not.toMatch(/turbo \d|Tasks:|Prism/);
  });
});
