import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/** Runs the contracts CLI as a user would, with only the given environment on top of PATH and HOME. */
export function runCli(args: string[], env: Record<string, string> = {}) {
  return execa('tsx', [cli, ...args], {
    preferLocal: true,
    reject: false,
    all: true,
    extendEnv: false,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
}
