/**
 * The run's secrets: which values are secrets (every provider's key and client secret, the tokens a run
 * obtains), and their redaction from text, report objects and files. The whole CLI against a provider
 * that echoes them is in secrets-echoed.test.ts.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveCredentials } from '../src/credentials.js';
import { redactFiles } from '../src/redacted-output.js';
import { configuredSecrets, runSecrets, SecretRegistry, shortSecretVariables, shortSecretWarning } from '../src/redaction.js';
import { runCli } from './support/cli.js';

const key = 'sk_unit/redaction+key=1';
const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('the secrets of a run', () => {
  it('are the values of every provider’s API key and client secret variables (and id:secret), not ids or URLs', async () => {
    const secrets = await configuredSecrets({
      VERISOUL_API_KEY: 'verisoul-key-1',
      VERISOUL_ACCOUNT_ID: 'acct_1',
      VERISOUL_BASE_URL: 'http://127.0.0.1:1',
      VECTARA_API_KEY: ' vectara-key-2 ',
      VECTARA_CLIENT_ID: 'client-id-3',
      VECTARA_CLIENT_SECRET: 'client-secret-4',
      VECTARA_AGENT_KEY: 'agent_5',
    });
    expect(secrets.sort()).toEqual(['client-id-3:client-secret-4', 'client-secret-4', 'vectara-key-2', 'verisoul-key-1']);
  });

  it('are none when no secret variable is set', async () => {
    expect(await configuredSecrets({ VECTARA_CLIENT_ID: 'client-id-3', VECTARA_AGENT_KEY: 'agent_5' })).toEqual([]);
  });
});

describe('SecretRegistry', () => {
  it('redacts a secret added, as is, URL-encoded and base64, from text', () => {
    const secrets = new SecretRegistry();
    expect(secrets.redact(`invalid key ${key}`)).toBe(`invalid key ${key}`);
    secrets.add(key, undefined, '');
    expect(secrets.size).toBe(1);
    expect(secrets.redact(`invalid key ${key}; ${encodeURIComponent(key)}; Basic ${base64(key)}`)).toBe(
      'invalid key [REDACTED]; [REDACTED]; Basic [REDACTED]',
    );
  });

  it('redacts every string of a report object, property names and maps included, and leaves other values', () => {
    const secrets = new SecretRegistry();
    secrets.add(key);
    const report = {
      exitCode: 1,
      ok: false,
      none: null,
      apis: [{ reason: `got ${key}`, [`header ${key}`]: 'x', findings: [{ actual: JSON.stringify({ messages: [key] }) }] }],
      byName: new Map([[key, { actual: key }]]),
    };
    const redacted = secrets.redactDeep(report);
    expect(JSON.stringify({ ...redacted, byName: [...redacted.byName] })).not.toContain(key);
    expect(redacted).toMatchObject({ exitCode: 1, ok: false, none: null, apis: [{ reason: 'got [REDACTED]', 'header [REDACTED]': 'x' }] });
    expect(redacted.apis[0]?.findings[0]?.actual).toBe('{"messages":["[REDACTED]"]}');
    expect([...redacted.byName]).toEqual([['[REDACTED]', { actual: '[REDACTED]' }]]);
    expect(report.apis[0]?.reason).toBe(`got ${key}`);
  });
});

describe('a secret too short to be redacted inside text (a test key such as `k`)', () => {
  const shortKey = 'k';

  it('never rewrites a pointer or a property name, and replaces a whole value equal to it', () => {
    const secrets = new SecretRegistry();
    secrets.add(shortKey);
    expect(secrets.redact('vectara 200 /sessions/0/key: must be string')).toBe('vectara 200 /sessions/0/key: must be string');
    const report = { pointer: '/sessions/0/key', path: '$.sessions[].key', k: shortKey, byName: new Map([[shortKey, shortKey]]) };
    const redacted = secrets.redactDeep(report);
    expect(redacted).toMatchObject({ pointer: '/sessions/0/key', path: '$.sessions[].key', k: '[REDACTED]' });
    expect([...redacted.byName]).toEqual([[shortKey, '[REDACTED]']]);
    expect(secrets.redact(JSON.stringify({ pointer: '/sessions/0/key', actual: shortKey }))).toBe(
      '{"pointer":"/sessions/0/key","actual":"[REDACTED]"}',
    );
  });

  it('leaves a long secret echoed inside text redacted in every form, names included', () => {
    const secrets = new SecretRegistry();
    secrets.add(shortKey, key);
    const redacted = secrets.redactDeep({ [`/echo/${key}`]: `got ${key}, ${encodeURIComponent(key)}, ${base64(key)}` });
    expect(redacted).toEqual({ '/echo/[REDACTED]': 'got [REDACTED], [REDACTED], [REDACTED]' });
  });

  it('names each short secret variable set, never its value, for the start-up warning', async () => {
    const env = { VECTARA_API_KEY: shortKey, VERISOUL_API_KEY: 'verisoul-key-long-1', PACT_BROKER_TOKEN: ' tok ', VECTARA_AGENT_KEY: 'a' };
    expect(await shortSecretVariables(env)).toEqual(['VECTARA_API_KEY', 'PACT_BROKER_TOKEN']);
    expect(await shortSecretVariables({ VECTARA_API_KEY: key })).toEqual([]);
    expect(shortSecretWarning('VECTARA_API_KEY')).toMatch(/^warning: VECTARA_API_KEY is shorter than 8 characters: it is redacted only/);
  });

  it('the CLI warns once at start-up, naming the variable, on stderr', async () => {
    // An unknown --api makes the CLI stop (exit 2) right after start-up: the warning is all that is checked here.
    const result = await runCli(['--api', 'stripe'], { VECTARA_API_KEY: 'k3y', VERISOUL_API_KEY: 'verisoul-key-long-1' });
    expect(result.exitCode).toBe(2);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    expect(warnings).toEqual([shortSecretWarning('VECTARA_API_KEY')]);
    expect(result.all).not.toContain('k3y');
  });
});

describe('secrets a live run learns', () => {
  const tokenIssued = 'tok_unit_issued_6b1f0c';
  let tokenUrl: string;
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ access_token: tokenIssued, token_type: 'Bearer', expires_in: 3600 }));
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/token`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('registers the API key as soon as the credentials are made', () => {
    const apiKey = 'sk_unit_api_key_registered';
    liveCredentials({ kind: 'api-key', apiKey, variables: 'VECTARA_API_KEY' });
    expect(runSecrets.redact(apiKey)).toBe('[REDACTED]');
  });

  it('registers the client secret, and each OAuth2 token before it is handed out', async () => {
    const clientSecret = 'cs_unit_secret_registered';
    const credentials = liveCredentials({
      kind: 'oauth',
      clientId: 'client',
      clientSecret,
      tokenUrl,
      variables: 'V_CLIENT_ID/V_CLIENT_SECRET',
    });
    expect(runSecrets.redact(`${clientSecret} ${base64(`client:${clientSecret}`)}`)).toBe('[REDACTED] [REDACTED]');
    expect(runSecrets.redact(tokenIssued)).toBe(tokenIssued);
    const headers = await credentials.valid();
    expect(headers.authorization).toBe(`Bearer ${tokenIssued}`);
    expect(runSecrets.redact(`Bearer ${tokenIssued}`)).toBe('Bearer [REDACTED]');
  });
});

describe('redactFiles', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'api-contracts-redact-files-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('redacts every file under a directory and a single file in place, and leaves clean files and missing paths alone', async () => {
    const secrets = new SecretRegistry();
    secrets.add(key);
    await mkdir(join(directory, 'nested'), { recursive: true });
    const log = join(directory, 'nested', 'vectara.log');
    const clean = join(directory, 'contracts.json');
    const summary = join(directory, 'summary.md');
    await writeFile(log, `Expected 'invalid key ${key}'\nbasic ${base64(key)}\n`);
    await writeFile(clean, '{"exitCode":0}\n');
    await writeFile(summary, `key=${encodeURIComponent(key)}`);
    const changed = await redactFiles([join(directory, 'nested'), summary, join(directory, 'missing'), undefined, clean], secrets);
    expect(changed.sort()).toEqual([log, summary].sort());
    expect(await readFile(log, 'utf8')).toBe("Expected 'invalid key [REDACTED]'\nbasic [REDACTED]\n");
    expect(await readFile(summary, 'utf8')).toBe('key=[REDACTED]');
    expect(await readFile(clean, 'utf8')).toBe('{"exitCode":0}\n');
  });
});
