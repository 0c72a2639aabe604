/**
 * Issue 11 part 1: a provider that echoes the credentials it was sent (in its body, a response header and
 * the status text, as is, URL-encoded and base64) must not get them printed or written. The whole live
 * suite runs as a user runs it (the CLI as a child process, in CI mode so annotations and the job summary
 * are written too); the console and every file it writes are scanned for every form of every secret.
 */

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pactDir } from '../src/paths.js';
import { runCli } from './support/cli.js';
import { type Exchange, type StandIn, sentinelClientSecret, startStandIns } from './support/stand-in.js';

/** A key that URL-encoding and base64 both change, so each form is a distinct string to look for. */
const echoedKey = 'sk_live/SENTINEL+echo=7f3a9c';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The forms a leaked secret is looked for in: as is, URL-encoded, base64 (padded, unpadded, URL-safe). */
function leakForms(secret: string): string[] {
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      base64(secret),
      base64(secret).replace(/=+$/, ''),
      Buffer.from(secret).toString('base64url'),
    ]),
  ];
}

// biome-ignore lint/suspicious/noExplicitAny: the echo reshapes bodies freely.
type Json = Record<string, any>;

/**
 * A provider that echoes whatever credential the request carried (the API key or the bearer token), plus
 * `extra` secrets, in its body (`messages`, as a provider's "invalid key" error does, and inside values
 * the pact and the schema check judge, so both report them), in headers and in the status text.
 */
const echoCredentials =
  (extra: string[] = []) =>
  (exchange: Exchange, request: IncomingMessage): Exchange => {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const sent = bearer ?? (typeof request.headers['x-api-key'] === 'string' ? request.headers['x-api-key'] : undefined);
    if (sent === undefined) return exchange;
    const secrets = [sent, ...extra];
    const said = `invalid key ${sent}`;
    const headers = {
      ...exchange.headers,
      'x-echoed-key': sent,
      'x-echoed-key-encoded': encodeURIComponent(sent),
      'x-echoed-key-base64': base64(sent),
    };
    let body = exchange.body;
    if (exchange.headers['content-type']?.includes('json')) {
      const json = JSON.parse(exchange.body) as Json;
      json.messages = secrets.flatMap((secret) => [
        `invalid key ${secret}`,
        `key=${encodeURIComponent(secret)}`,
        `basic ${base64(secret)}`,
      ]);
      if (typeof json.message === 'string') json.message = said;
      // Breaking drift that carries the key: the Verifier and the schema check both quote the value.
      for (const session of Array.isArray(json.sessions) ? json.sessions : []) {
        if (session && typeof session === 'object') Object.assign(session, { enabled: said, name: said });
      }
      if (typeof json.request_id === 'string' && Array.isArray(json.sessions)) json.request_id = { echoed: said };
      body = JSON.stringify(json);
    }
    return { ...exchange, statusText: `Invalid key ${sent}`, headers, body };
  };

/** Every file under `directory`, recursively. */
async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? filesUnder(join(directory, entry.name)) : [join(directory, entry.name)])),
  );
  return nested.flat();
}

let reports: string;
beforeEach(async () => {
  reports = await mkdtemp(join(tmpdir(), 'api-contracts-echo-'));
});
afterEach(() => rm(reports, { recursive: true, force: true }));

/** Runs the whole live suite in CI mode against `env`; returns its console and the text of every file it wrote. */
async function runLive(env: Record<string, string>, args: string[] = []) {
  const summary = join(reports, 'step-summary.md');
  const result = await runCli(['--live', '--reports', reports, ...args], { ...env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
  const files = [...(await filesUnder(reports)), ...(await filesUnder(pactDir))];
  const texts = await Promise.all(files.map(async (file) => [file, await readFile(file, 'utf8')] as const));
  return { result, files: texts };
}

function expectNoLeak(run: Awaited<ReturnType<typeof runLive>>, secrets: string[]) {
  const places: (readonly [string, string])[] = [['console', run.result.all ?? ''], ...run.files];
  const leaks = places.flatMap(([place, text]) =>
    secrets.flatMap(leakForms).flatMap((form) => (text.includes(form) ? [`${place}: ${form}`] : [])),
  );
  expect(leaks).toEqual([]);
}

describe('a provider that echoes the credentials it was sent', () => {
  // One stand-in per API serves both runs, each run setting what it echoes.
  let verisoul: StandIn;
  let vectara: StandIn;
  beforeAll(async () => {
    [verisoul, vectara] = await startStandIns(['verisoul', 'vectara'], {
      verisoul: { apiKey: echoedKey },
      vectara: { apiKey: echoedKey },
    });
  });
  afterAll(() => Promise.all([verisoul?.stop(), vectara?.stop()]));

  it('never gets the API key printed or written, in any form (both APIs, body, header and status text)', async () => {
    verisoul.behave({ mutate: echoCredentials() });
    vectara.behave({ mutate: echoCredentials() });
    const run = await runLive({ ...verisoul.env(), ...vectara.env() });
    // The run judged the echoed answers (drift found, not "could not run"), and wrote what it found.
    expect(run.result.exitCode, run.result.all).toBe(1);
    const written = run.files.map(([file]) => file);
    // vectara.probe.har: the probe's failed exchanges (the echoed answers break the schema), with their headers.
    for (const name of [
      'contracts.json',
      'junit.xml',
      'drift.md',
      'drift.json',
      'step-summary.md',
      'verisoul.log',
      'vectara.log',
      'vectara.probe.har',
    ])
      expect(written).toContain(join(reports, name));
    expectNoLeak(run, [echoedKey]);
    // Redacted where each report is made: the final sweep of the written files found nothing left to do.
    expect(run.result.all).not.toContain('redacted a secret from');
    // In CI the changes are annotated on the spec, and those lines were scanned too.
    expect(run.result.stdout).toContain('::error file=specs/vectara/openapi.yaml,line=');
    // The echoed values reached the reports, redacted: the scan looked where the key would have been.
    const contracts = run.files.find(([file]) => file.endsWith('contracts.json'))?.[1] ?? '';
    expect(contracts).toContain('invalid key [REDACTED]');
  });

  it('never gets the OAuth client secret or a token obtained during the run printed or written', async () => {
    vectara.behave({ mutate: echoCredentials([sentinelClientSecret]) });
    const run = await runLive(vectara.env('oauth'), ['--api', 'vectara']);
    const tokens = vectara.issuedTokens();
    expect(run.result.exitCode, run.result.all).toBe(1);
    expect(tokens.length).toBeGreaterThan(0);
    expectNoLeak(run, [sentinelClientSecret, ...tokens]);
    const contracts = run.files.find(([file]) => file.endsWith('contracts.json'))?.[1] ?? '';
    expect(contracts).toContain('invalid key [REDACTED]');
  });
});
