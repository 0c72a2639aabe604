// @ts-check
/**
 * A workspace package's script as the command `pnpm --filter <package> <script>` would run, spawned without that
 * pnpm: each pnpm start costs about a CPU-second, and the contract commands chain several. The script stays the one
 * definition (read from the package's package.json); only one plain command qualifies, no shell syntax.
 */
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * @param {string} dir the package's folder
 * @param {string} name the script's name
 * @param {NodeJS.ProcessEnv} env the environment to run it in
 * @returns {{ command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv }} run in the package's folder
 *   with its `node_modules/.bin` first on PATH, as pnpm runs it
 */
export function packageScript(dir, name, env = process.env) {
  const manifest = join(dir, 'package.json');
  const script = JSON.parse(readFileSync(manifest, 'utf8')).scripts?.[name];
  if (typeof script !== 'string') throw new Error(`${manifest} has no script "${name}"`);
  if (/[|&;<>()$`\\"'*?\n]/.test(script)) throw new Error(`script "${name}" of ${manifest} is not one plain command: ${script}`);
  const [command = '', ...args] = script.trim().split(/\s+/);
  const path = [join(dir, 'node_modules', '.bin'), env.PATH].filter(Boolean).join(delimiter);
  return { command, args, cwd: dir, env: { ...env, PATH: path } };
}
