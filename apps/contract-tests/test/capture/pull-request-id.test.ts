/**
 * The nightly job names the capture branch from every route's fingerprints with a line of shell; a single
 * route's capture names it with `captureId`. They must agree, or the same drift would open a second pull request.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { captureId } from '../../src/capture/capture.js';
import { repositoryRoot } from '../../src/paths.js';

describe('the capture branch id', () => {
  it("is the same in the workflow's shell and in captureId", async () => {
    const workflow = await readFile(join(repositoryRoot, '.github', 'workflows', 'live-drift.yml'), 'utf8');
    const line = workflow.split('\n').find((text) => text.includes('sha256sum'));
    expect(line).toBeDefined();
    const fingerprints = ['9f1c2a3b4c5d', '0a1b2c3d4e5f', '77aa88bb99cc'];
    const script = `fingerprints="${[...fingerprints].sort().join('\n')}"\n${line?.trim()}\necho "$id"`;
    const { stdout } = await execa('bash', ['-c', script]);
    expect(stdout.trim()).toBe(captureId(fingerprints));
    expect(captureId(fingerprints)).toMatch(/^[0-9a-f]{12}$/);
    // Another set, another branch.
    expect(captureId(fingerprints.slice(1))).not.toBe(captureId(fingerprints));
  });
});
