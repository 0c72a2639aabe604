import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { VendorReport } from '../../../src/vendor/run.js';
import { viaTsx } from '../../support/cli.js';

const cli = fileURLToPath(new URL('../../../src/vendor/cli.ts', import.meta.url));

export interface VendorRun {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  all: string;
  /** reports/vendor.json, when it was written. */
  report?: VendorReport;
  /** reports/vendor-drift.md, when it was written. */
  markdown?: string;
}

/**
 * Runs `contracts:vendor` as a user would (through tsx, a child process), with only the given environment on
 * top of PATH and HOME, and its reports in a temporary folder that is removed afterwards.
 */
export async function runVendorCli(env: Record<string, string>, args: string[] = [], nodeOptions?: string): Promise<VendorRun> {
  const reports = await mkdtemp(join(tmpdir(), 'api-contracts-vendor-'));
  try {
    const result = await execa(process.execPath, viaTsx(cli, ['--reports', reports, ...args]), {
      reject: false,
      all: true,
      extendEnv: false,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...(nodeOptions && { NODE_OPTIONS: nodeOptions }), ...env },
    });
    const jsonFile = join(reports, 'vendor.json');
    const markdownFile = join(reports, 'vendor-drift.md');
    return {
      exitCode: result.exitCode,
      stdout: result.stdout,
      stderr: result.stderr,
      all: result.all ?? '',
      ...(existsSync(jsonFile) && { report: JSON.parse(await readFile(jsonFile, 'utf8')) as VendorReport }),
      ...(existsSync(markdownFile) && { markdown: await readFile(markdownFile, 'utf8') }),
    };
  } finally {
    await rm(reports, { recursive: true, force: true });
  }
}
