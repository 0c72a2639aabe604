import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from './command.js';
import { childEnv } from './env.js';
import { npmForRuntimes } from './runtimes.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
// The repo's own TypeScript compiles the consumer, so the test needs no second download of it.
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

// skipLibCheck off: the published declarations (and openapi-fetch's) are checked too. skipDefaultLibCheck:
// TypeScript's own lib files are not under test, and checking lib.dom.d.ts was half of every tsc run.
const strict = {
  strict: true,
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
  types: [],
  skipLibCheck: false,
  skipDefaultLibCheck: true,
  noEmitOnError: true,
};
export const tsconfigs = {
  /** What the floor (Node 20) compiles and every runtime runs. */
  nodenext: {
    compilerOptions: { ...strict, module: 'nodenext', moduleResolution: 'nodenext', outDir: 'dist' },
    files: ['consumer.ts', 'mock-consumer.ts'],
  },
  /**
   * A check only, one program: the consumers under bundler resolution (no error may be theirs) and the misuse
   * file (its errors must be). What tsc reports does not depend on the runtime it runs on, so once.
   */
  bundlerAndMisuse: {
    compilerOptions: { ...strict, module: 'esnext', moduleResolution: 'bundler', noEmit: true },
    files: ['consumer.ts', 'mock-consumer.ts', 'misuse.ts'],
  },
};

/**
 * A project in its own temp folder, outside any workspace, that installs with npm: the @api-contracts scope
 * from `npmrc`'s registry, everything else from npm's configured registry. Everything in it runs on `node`
 * (a runtime's binary): npm's own script, tsc, the consumer, and any `node` they start (first on PATH).
 */
export async function consumerProject(npmrc: string, node: string) {
  const npm = await npmForRuntimes();
  const dir = await mkdtemp(join(tmpdir(), 'api-contracts-consumer-'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  // The lockfile keeps each package's `resolved` URL (a user config may turn that off), so the test can
  // see which registry each package came from.
  await writeFile(join(dir, '.npmrc'), `${npmrc}omit-lockfile-registry-resolved=false\n`);
  for (const fixture of ['consumer.ts', 'mock-consumer.ts', 'misuse.ts']) await cp(join(fixtures, fixture), join(dir, fixture));
  for (const [name, config] of Object.entries(tsconfigs))
    await writeFile(join(dir, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
  const env = childEnv({ PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` });
  const run = (args: string[]) => runCommand(node, args, { cwd: dir, env, extendEnv: false });
  return {
    dir,
    npm: (...args: string[]) => run([npm.cli, '--globalconfig', npm.globalconfig, ...args]),
    tsc: (config: keyof typeof tsconfigs) => run([tsc, '-p', `tsconfig.${config}.json`]),
    node: (...args: string[]) => run(args),
    json: async <T = Record<string, unknown>>(path: string) => JSON.parse(await readFile(join(dir, path), 'utf8')) as T,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
