/**
 * Fifty consumers' pacts (600 interactions) print no more than one consumer's does, plus a line per
 * consumer at most; the Verifier's transcript of every one of them is in reports/<api>.log. Not a timing
 * test: the benchmark (bench/consumers.ts) says how long they take.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { interactionCounts } from './support/interaction-counts.js';
import { consumerName, writeMultipliedPacts } from './support/multiplied-pacts.js';

const printedLines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'api-contracts-many-'));
  await writeMultipliedPacts(join(work, 'one'), { consumers: 1 });
  await writeMultipliedPacts(join(work, 'fifty'), { consumers: 50 });
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('fifty consumers’ pacts', () => {
  it('print at most one line per consumer more than one consumer’s, the transcripts all in reports/', async () => {
    const one = await runCli(['--pacts', join(work, 'one'), '--reports', join(work, 'reports-one')]);
    expect(one.exitCode, one.all).toBe(0);
    const fifty = await runCli(['--pacts', join(work, 'fifty'), '--reports', join(work, 'reports-fifty')]);
    expect(fifty.exitCode, fifty.all).toBe(0);
    // Against the suite's running mocks (CONTRACTS_PRISM_URLS): none started.
    expect(fifty.stderr).toContain('· Prism: the running mocks of CONTRACTS_PRISM_URLS (verisoul, vectara)');
    expect(fifty.stderr).not.toContain('Prism started');
    expect(fifty.stderr).toMatch(/^· 600 interactions verified \(prism, static\) in \d+\.\d s$/m);
    expect(fifty.stdout).toContain(
      'mock run: 600 interactions: Prism 600/600, static 600/600, live not run: all contracts verified (exit 0)',
    );
    const linesOfOne = printedLines(one.all).length;
    expect(printedLines(fifty.all).length, fifty.all).toBeLessThanOrEqual(linesOfOne + 50);
    // Each consumer is one row, naming it; no interaction of theirs has a row of its own.
    for (let index = 0; index < 50; index++)
      expect(fifty.stdout).toMatch(
        // The operation column lists the operations its interactions call.
        new RegExp(
          `^verisoul, vectara\\s+(?:\\w+, )*\\w+\\s+consumer ${consumerName(index)}: 12 interactions\\s+pass\\s+pass\\s+skip \\[1\\]$`,
          'm',
        ),
      );
    expect(fifty.all).not.toMatch(/Verifying a pact between/);
    // The 12 interactions of each consumer are the first 12 of ours, Verisoul's first.
    const verisoulPerConsumer = Math.min(12, interactionCounts.ours.verisoul);
    for (const [api, perConsumer] of [
      ['verisoul', verisoulPerConsumer],
      ['vectara', 12 - verisoulPerConsumer],
    ] as const) {
      const log = await readFile(join(work, 'reports-fifty', `${api}.log`), 'utf8');
      for (let index = 0; index < 50; index++) {
        const consumer = consumerName(index);
        expect(log).toContain(`## ${api}, pact vs Prism, consumer ${consumer}: the Pact Verifier's transcript`);
        expect(log.match(new RegExp(`\\(${consumer} #\\d+\\) \\(\\d+m?s loading`, 'g')) ?? []).toHaveLength(perConsumer);
      }
    }
  });
});
