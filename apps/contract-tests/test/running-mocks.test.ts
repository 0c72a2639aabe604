/**
 * CONTRACTS_PRISM_URLS: the Prism route against mocks already running. Each entry's rule is checked before anything is
 * contacted, a named mock must answer before anything is verified, and either failure is "could not run" (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { parseRunningMocks, RunningMocksError, runningMocks } from '../src/running-mocks.js';
import { runCli } from './support/cli.js';
import { suitePrisms } from './support/suite-prisms.js';
import { closedPort } from './vendor/support/definition-server.js';

describe('CONTRACTS_PRISM_URLS', () => {
  it('names a mock per API, api=url separated by commas; unset or empty names none', () => {
    expect(parseRunningMocks(' verisoul=http://127.0.0.1:4010 , vectara=https://mock.example/v2 ')).toEqual(
      new Map([
        ['verisoul', 'http://127.0.0.1:4010'],
        ['vectara', 'https://mock.example/v2'],
      ]),
    );
    expect(parseRunningMocks(undefined).size).toBe(0);
    expect(parseRunningMocks('').size).toBe(0);
  });

  it.each([
    ['verisoul', 'CONTRACTS_PRISM_URLS, entry 1: expected api=url, entries separated by commas'],
    ['=http://127.0.0.1:1', 'CONTRACTS_PRISM_URLS, entry 1: expected api=url, entries separated by commas'],
    ['stripe=http://127.0.0.1:1', 'CONTRACTS_PRISM_URLS, entry 1: unknown API "stripe" (expected verisoul or vectara)'],
    ['vectara=http://a:1,vectara=http://b:2', 'CONTRACTS_PRISM_URLS, entry 2: vectara is named twice'],
    ['vectara=ftp://user:s3cret@mock', 'CONTRACTS_PRISM_URLS, entry 1: the URL is not an absolute http(s) URL'],
    ['vectara=localhost:4010/no-scheme', 'CONTRACTS_PRISM_URLS, entry 1: the URL is not an absolute http(s) URL'],
  ])('refuses %s, naming the entry and the rule (never its URL)', (value, message) => {
    expect(() => parseRunningMocks(value)).toThrow(new RunningMocksError(message));
  });

  it('contacts only the selected APIs’ mocks, each of which must answer', async () => {
    const port = await closedPort();
    const mock = suitePrisms('mocks').get('verisoul')?.url ?? '';
    const env = { CONTRACTS_PRISM_URLS: `verisoul=${mock},vectara=http://user:s3cret@127.0.0.1:${port}/base?token=s3cret` };
    const verisoulOnly = await runningMocks(env, ['verisoul']);
    expect([...verisoulOnly].map(([api, server]) => [api, server.url])).toEqual([['verisoul', mock]]);

    const refused = runningMocks(env, ['verisoul', 'vectara']);
    await expect(refused).rejects.toThrow(RunningMocksError);
    await expect(refused).rejects.toThrow(
      new RegExp(`^CONTRACTS_PRISM_URLS: the vectara mock at http://127\\.0\\.0\\.1:${port}/base does not answer \\(.+\\)$`),
    );
  });

  it('the CLI could not run (exit 2) when a named mock does not answer, before anything starts', async () => {
    const port = await closedPort();
    const result = await runCli(['--api', 'vectara'], { CONTRACTS_PRISM_URLS: `vectara=http://127.0.0.1:${port}` });
    expect(result.exitCode, result.all).toBe(2);
    expect(result.stderr.trim()).toMatch(
      new RegExp(`^contracts could not run: CONTRACTS_PRISM_URLS: the vectara mock at http://127\\.0\\.0\\.1:${port} does not answer`),
    );
    expect(result.stdout).toBe('');
  });
});
