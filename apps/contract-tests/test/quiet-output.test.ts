/**
 * Quiet by default: a passing run prints one line per stage, the table and the verdict; the Pact Verifier's
 * transcript goes to reports/<api>.log, and reaches the console only for a failing interaction or with
 * --verbose.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pactFileOf } from '../src/pact-file.js';
import { pactDir } from '../src/paths.js';
import { vectara } from '../src/providers/vectara.js';
import { runCli } from './support/cli.js';

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

let reports: string;
let wrongPacts: string;
beforeAll(async () => {
  reports = await mkdtemp(join(tmpdir(), 'api-contracts-quiet-'));
  // The Vectara pact with the first page expecting `enabled` as a string: one failing interaction.
  wrongPacts = await mkdtemp(join(tmpdir(), 'api-contracts-quiet-pacts-'));
  await cp(pactDir, wrongPacts, { recursive: true });
  const file = pactFileOf(vectara, wrongPacts);
  const pact = JSON.parse(await readFile(file, 'utf8'));
  const interaction = pact.interactions.find((candidate: { description: string }) => candidate.description.includes('first page'));
  interaction.response.body.content.sessions[0].enabled = 'yes';
  await writeFile(file, JSON.stringify(pact));
});
afterAll(() => Promise.all([rm(reports, { recursive: true, force: true }), rm(wrongPacts, { recursive: true, force: true })]));

describe('the console output of pnpm contracts', () => {
  // Of a passing run: a line per stage, the table and the verdict, no Verifier transcript; the transcript in
  // reports/<api>.log. That reads the default run cli.test.ts makes once for several tests.

  it('of a failing run: the failing interaction’s transcript only', async () => {
    const result = await runCli(['--api', 'vectara', '--pacts', wrongPacts, '--reports', reports]);
    expect(result.exitCode, result.all).toBe(1);
    expect(result.stdout).toContain('── vectara, pact vs Prism: a request for the first page of an agent’s sessions');
    expect(result.stdout).toMatch(/\$\.sessions\[0\]\.enabled -> Expected true \(Boolean\) to be the same type as 'yes' \(String\)/);
    // Interactions that passed print nothing of their own.
    expect(result.all).not.toMatch(/a request over the rate limit \(\d+m?s loading/);
    expect(result.all).not.toMatch(/has a matching body \(OK\)/);
    expect(lines(result.all).length, result.all).toBeLessThan(45);
    // The verdict counts interactions, per route: the one that broke is one of them, not one of "passed" results.
    const verdict =
      /^mock run: (\d+) interactions: Prism (\d+)\/\1 \(1 failed\), static \d+\/\1(?: \(1 failed\))?, live not run: a contract FAILED \(exit 1\)$/m.exec(
        result.stdout,
      );
    expect(verdict, result.stdout).not.toBeNull();
    expect(Number(verdict?.[2])).toBe(Number(verdict?.[1]) - 1);
  });

  it('with --verbose: the whole transcript', async () => {
    const result = await runCli(['--api', 'verisoul', '--verbose', '--reports', reports]);
    expect(result.exitCode, result.all).toBe(0);
    expect(result.stdout).toContain("── verisoul, pact vs Prism: the Pact Verifier's transcript");
    expect(result.stdout).toMatch(/a request for the sessions of an unknown account \(\d+m?s loading, \d+m?s verification\)/);
    expect(result.stdout).toMatch(/has a matching body \(OK\)/);
  });
});
