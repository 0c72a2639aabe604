// @ts-check
/**
 * `pnpm contracts:live` (the root script): checks the live settings first, then builds the pacts
 * (`turbo run pacts`) and runs the contract app's `contracts:live` script (the CLI with `--live`) with the given
 * options, from the app's folder as pnpm would, without a pnpm start of its own (package-script.mjs).
 *
 * Missing settings are "not run" (exit 2) at once, naming each variable to set, before turbo builds anything
 * or Prism starts. Plain JavaScript run by node (no tsx, no build), reading the command line with the CLI's
 * own options and the settings by the run's own rule (cli-options.mjs, live-variables.mjs). It is a script
 * rather than `check && turbo && pnpm` in package.json because pnpm appends the user's options to the last
 * command only, and the check must see `--api`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cliOptions } from './cli-options.mjs';
import { liveSettingsProblem, selectApis } from './live-variables.mjs';
import { packageScript } from './package-script.mjs';

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
const appDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs a command of the chain (in the repository root unless `cwd`), its output straight to the terminal; its
 * exit code.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [where]
 */
function step(command, args, { cwd = repositoryRoot, env = process.env } = {}) {
  // turbo is a .cmd shim on Windows, which only a shell runs.
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) {
    console.error(`contracts:live could not run: ${command}: ${result.error.message}`);
    return 2;
  }
  return result.status ?? 2;
}

/** @returns {number} */
function main() {
  const args = process.argv.slice(2);
  /** @type {string[] | undefined} */
  let names;
  try {
    names = parseArgs({ args, options: cliOptions }).values.api;
  } catch (error) {
    console.error(`contracts could not run: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const selected = selectApis(names);
  if ('error' in selected) {
    console.error(selected.error);
    return 2;
  }
  const problem = liveSettingsProblem(selected.apis, process.env);
  if (problem) {
    console.error(problem);
    return 2;
  }
  const built = step('turbo', ['run', 'pacts', '--output-logs=errors-only']);
  if (built !== 0) return built;
  let cli;
  try {
    cli = packageScript(appDir, 'contracts:live');
  } catch (error) {
    console.error(`contracts:live could not run: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  return step(cli.command, [...cli.args, ...args], cli);
}

process.exitCode = main();
