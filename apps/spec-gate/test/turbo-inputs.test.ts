/**
 * Turbo's declared inputs, proven on a clone of this repo: a spec change re-runs the chain
 * (generate -> build -> pacts -> contracts, and the tests of the dependants); a docs change re-runs nothing.
 * Hashes come from `turbo --dry=json`, which computes them without running anything.
 */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const turbo = join(repoRoot, 'node_modules', '.bin', 'turbo');
let clone: string;

beforeAll(async () => {
  clone = await mkdtemp(join(tmpdir(), 'api-contracts-turbo-'));
  await execa('git', ['clone', '--quiet', repoRoot, clone]);
});
afterAll(() => rm(clone, { recursive: true, force: true }));

async function taskHashes(): Promise<Record<string, string>> {
  const { stdout } = await execa(turbo, ['run', 'generate', 'build', 'test', 'pacts', 'contracts', '--dry=json'], {
    cwd: clone,
    env: { TURBO_TELEMETRY_DISABLED: '1' },
  });
  const { tasks } = JSON.parse(stdout) as { tasks: { taskId: string; hash: string; command: string }[] };
  return Object.fromEntries(tasks.filter((task) => task.command !== '<NONEXISTENT>').map((task) => [task.taskId, task.hash]));
}

function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after)
    .filter((task) => before[task] !== after[task])
    .sort();
}

describe('turbo inputs', () => {
  it('re-runs nothing when only documentation changes', async () => {
    const before = await taskHashes();
    for (const readme of [
      'README.md',
      'specs/README.md',
      'packages/types/README.md',
      'packages/client/README.md',
      'apps/contract-tests/README.md',
    ]) {
      await appendFile(join(clone, readme), '\nA line of documentation.\n');
    }
    expect(changed(before, await taskHashes())).toEqual([]);
  });

  it('re-runs generate, build, pacts, contracts and the dependants’ tests when a spec changes', async () => {
    const before = await taskHashes();
    const spec = join(clone, 'specs', 'vectara', 'openapi.yaml');
    const original = await readFile(spec, 'utf8');
    const edited = original.replace('description: Human-readable name for the session.', 'description: The session’s name.');
    expect(edited, 'the edit must change the spec').not.toBe(original);
    await writeFile(spec, edited);
    const rerun = changed(before, await taskHashes());
    expect(rerun).toEqual(
      expect.arrayContaining([
        '@api-contracts/specs#test',
        '@api-contracts/types#generate',
        '@api-contracts/types#build',
        '@api-contracts/types#test',
        '@api-contracts/client#build',
        '@api-contracts/client#test',
        '@api-contracts/contract-tests#pacts',
        '@api-contracts/contract-tests#contracts',
        '@api-contracts/contract-tests#test',
      ]),
    );
  });
});
