/**
 * The repository's own tools, run as a person would run them: the types generator and the spec gate. Run as
 * processes (execa) rather than imported, so capture drives exactly what CI checks, in the tree it patched: each
 * package's own script, without a pnpm start per run (package-script.mjs).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { packageScript } from '../package-script.mjs';

export type Bump = 'none' | 'patch' | 'minor' | 'major';
const bumpRank: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

const generatedDir = (root: string) => join(root, 'packages', 'types', 'src', 'generated');

async function snapshot(dir: string): Promise<Map<string, string>> {
  const names = await readdir(dir).catch(() => []);
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
}

/** Regenerates @api-contracts/types from `root`'s specs; the generated files that changed, relative to the root. */
export async function generateTypes(root: string): Promise<string[]> {
  const dir = generatedDir(root);
  const before = await snapshot(dir);
  const generate = packageScript(join(root, 'packages', 'types'), 'generate');
  const run = await execa(generate.command, generate.args, { cwd: generate.cwd, env: generate.env, reject: false, all: true });
  if (run.exitCode !== 0) throw new Error(`pnpm generate failed (exit ${run.exitCode}): ${run.all?.slice(-2000) ?? ''}`);
  const after = await snapshot(dir);
  return [...after]
    .filter(([name, text]) => before.get(name) !== text)
    .map(([name]) => `packages/types/src/generated/${name}`)
    .sort();
}

export interface GateVerdict {
  /** The smallest bump the spec changes since HEAD call for. */
  required: Bump;
  /** The published packages a spec change releases. */
  packages: string[];
  /** What the gate refuses (a missing bump, stale types); empty when it passes. */
  problems: string[];
}

/**
 * `pnpm spec-gate --base HEAD`: what the working tree's spec changes demand, and whether the gate passes.
 * `generated: false` leaves out the generated-code check (two generator runs), for a verdict asked for the bump only.
 * The gate package's own script, as the root script runs it.
 */
export async function specGate(root: string, { generated }: { generated: boolean }): Promise<GateVerdict> {
  const dir = await mkdtemp(join(tmpdir(), 'api-contracts-capture-'));
  try {
    const json = join(dir, 'gate.json');
    const gate = packageScript(join(root, 'apps', 'spec-gate'), 'spec-gate');
    const args = [...gate.args, '--base', 'HEAD', '--json', json, ...(generated ? [] : ['--skip-generated'])];
    const run = await execa(gate.command, args, { cwd: gate.cwd, env: gate.env, reject: false, all: true });
    if (run.exitCode !== 0 && run.exitCode !== 1)
      throw new Error(`pnpm spec-gate could not run (exit ${run.exitCode}): ${run.all?.slice(-2000) ?? ''}`);
    const report = JSON.parse(await readFile(json, 'utf8')) as {
      specs: { required: Bump }[];
      pending: Record<string, unknown>;
      problems: string[];
    };
    const required = report.specs.reduce<Bump>((most, spec) => (bumpRank[spec.required] > bumpRank[most] ? spec.required : most), 'none');
    return { required, packages: Object.keys(report.pending).sort(), problems: report.problems };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
