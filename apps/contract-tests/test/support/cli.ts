import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { inject } from 'vitest';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/**
 * `node --import tsx/esm <file>`: what the package scripts run. tsx's ESM hooks alone (every file here is ESM): its
 * CommonJS hooks cost about 0.2 CPU-s a process and handle nothing of ours.
 */
export const viaTsx = (file: string, args: readonly string[]) => [
  '--import',
  pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href,
  file,
  ...args,
];

/**
 * The suite's mocks of the specs as CONTRACTS_PRISM_URLS: a CLI run's Prism route verifies against them instead of
 * starting a Prism of its own (3 to 4 CPU-seconds a run). Empty where this vitest run started none.
 */
function suiteMocks(): string {
  const mocks = inject('suitePrisms').mocks;
  return mocks
    ? Object.entries(mocks)
        .map(([api, url]) => `${api}=${url}`)
        .join(',')
    : '';
}

/**
 * Runs the contracts CLI as a user would, with only the given environment on top of PATH and HOME, and the suite's
 * Prism mocks (pass `CONTRACTS_PRISM_URLS: ''` for a run that starts its own, as by default).
 */
export function runCli(args: string[], env: Record<string, string> = {}) {
  return execa(process.execPath, viaTsx(cli, args), {
    reject: false,
    all: true,
    extendEnv: false,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CONTRACTS_PRISM_URLS: suiteMocks(), ...env },
  });
}
