import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { childEnv } from './env.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
// The repo's own TypeScript compiles the consumer, so the test needs no second download of it.
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

// skipLibCheck off: the published declarations (and openapi-fetch's) are checked too.
const strict = { strict: true, target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false, noEmitOnError: true };
export const tsconfigs = {
  nodenext: { compilerOptions: { ...strict, module: 'nodenext', moduleResolution: 'nodenext', outDir: 'dist' }, files: ['consumer.ts'] },
  bundler: { compilerOptions: { ...strict, module: 'esnext', moduleResolution: 'bundler', noEmit: true }, files: ['consumer.ts'] },
  misuse: { compilerOptions: { ...strict, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true }, files: ['misuse.ts'] },
};

/**
 * A project in its own temp folder, outside any workspace, that installs with npm: the @api-contracts scope
 * from `npmrc`'s registry, everything else from npm's configured registry.
 */
export async function consumerProject(npmrc: string) {
  const dir = await mkdtemp(join(tmpdir(), 'api-contracts-consumer-'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  // The lockfile keeps each package's `resolved` URL (a user config may turn that off), so the test can
  // see which registry each package came from.
  await writeFile(join(dir, '.npmrc'), `${npmrc}omit-lockfile-registry-resolved=false\n`);
  await cp(join(fixtures, 'consumer.ts'), join(dir, 'consumer.ts'));
  await cp(join(fixtures, 'misuse.ts'), join(dir, 'misuse.ts'));
  for (const [name, config] of Object.entries(tsconfigs))
    await writeFile(join(dir, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
  const run = async (file: string, args: string[]) => {
    const result = await execa(file, args, { cwd: dir, reject: false, all: true, env: childEnv(), extendEnv: false });
    return { exitCode: result.exitCode, stdout: String(result.stdout), output: String(result.all ?? '') };
  };
  return {
    dir,
    npm: (...args: string[]) => run('npm', args),
    tsc: (config: keyof typeof tsconfigs) => run(process.execPath, [tsc, '-p', `tsconfig.${config}.json`]),
    node: (...args: string[]) => run(process.execPath, args),
    json: async <T = Record<string, unknown>>(path: string) => JSON.parse(await readFile(join(dir, path), 'utf8')) as T,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
