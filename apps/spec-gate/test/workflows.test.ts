import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const workflowsDir = join(root, '.github', 'workflows');
const files = (await readdir(workflowsDir)).filter((name) => name.endsWith('.yml'));
const rootScripts = Object.keys(
  (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
);
// pnpm's own commands, which are not scripts.
const pnpmCommands = new Set(['install', 'exec', 'add', 'dlx']);

/** Every `pnpm <name>` a workflow's `run:` steps call. */
function pnpmCalls(workflow: { jobs: Record<string, { steps?: { run?: string; with?: Record<string, string> }[] }> }): string[] {
  const commands = Object.values(workflow.jobs).flatMap((job) =>
    (job.steps ?? []).flatMap((step) => [step.run ?? '', step.with?.version ?? '', step.with?.publish ?? '']),
  );
  return commands.flatMap((text) => [...text.matchAll(/\bpnpm (?:run )?([a-z][\w:-]*)/g)].map((match) => match[1] ?? ''));
}

describe('GitHub workflows', () => {
  it('exist for pull requests, the live drift run and releases', () => {
    expect(files.sort()).toEqual(['live-drift.yml', 'pull-request.yml', 'release.yml']);
  });

  it.each(files)('%s is a valid workflow (action-validator)', async (file) => {
    const result = await execa('action-validator', [join(workflowsDir, file)], { preferLocal: true, reject: false, all: true });
    expect(result.exitCode, result.all).toBe(0);
  });

  it('proves the validator rejects a broken workflow', async () => {
    const result = await execa('action-validator', [fileURLToPath(new URL('./fixtures/broken-workflow.yml', import.meta.url))], {
      preferLocal: true,
      reject: false,
      all: true,
    });
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain("Additional property 'stepz' is not allowed");
  });

  it.each(files)('%s calls only scripts that exist', async (file) => {
    const workflow = parse(await readFile(join(workflowsDir, file), 'utf8'));
    const calls = pnpmCalls(workflow);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(pnpmCommands.has(call) || rootScripts.includes(call), `pnpm ${call} in ${file}`).toBe(true);
  });

  it('runs the spec gate on pull requests, against the base branch', async () => {
    const workflow = parse(await readFile(join(workflowsDir, 'pull-request.yml'), 'utf8'));
    const steps = workflow.jobs.check.steps as { name?: string; run?: string }[];
    expect(steps.find((step) => step.name === 'Spec change gate')?.run).toMatch(
      /^pnpm spec-gate --base "origin\/\$\{GITHUB_BASE_REF:-main\}"$/,
    );
    expect(rootScripts).toContain('spec-gate');
    expect(rootScripts).not.toContain('drift');
  });

  it('grants least privilege: read-only by default, writes only where a job needs them', async () => {
    for (const file of files) {
      const workflow = parse(await readFile(join(workflowsDir, file), 'utf8'));
      expect(workflow.permissions, file).toMatchObject({ contents: 'read' });
    }
    const release = parse(await readFile(join(workflowsDir, 'release.yml'), 'utf8'));
    expect(release.jobs.release.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', 'id-token': 'write' });
    // The job with the providers' keys cannot write the repository; only the capture job pushes its branch.
    const drift = parse(await readFile(join(workflowsDir, 'live-drift.yml'), 'utf8'));
    expect(drift.jobs.drift.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(drift.jobs.capture.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    expect(JSON.stringify(drift.jobs.capture)).not.toMatch(/secrets\./);
  });
});
