import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { vendorCommand } from '../../../src/vendor/command.js';
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
export function runVendorCli(env: Record<string, string>, args: string[] = [], nodeOptions?: string): Promise<VendorRun> {
  return withReports(async (reports) => {
    const result = await execa(process.execPath, viaTsx(cli, ['--reports', reports, ...args]), {
      reject: false,
      all: true,
      extendEnv: false,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...(nodeOptions && { NODE_OPTIONS: nodeOptions }), ...env },
    });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, all: result.all ?? '' };
  });
}

/**
 * The same command in this process (`vendorCommand`, which the CLI runs with the process's arguments, environment
 * and console): what it prints and returns, and the reports it writes, with only the given environment. About
 * two seconds of CPU less than a child process; `runVendorCli` keeps proving the process's own wiring.
 */
export function runVendorInProcess(env: Record<string, string>, args: string[] = []): Promise<VendorRun> {
  return withReports(async (reports) => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const all: string[] = [];
    const exitCode = await vendorCommand({
      args: ['--reports', reports, ...args],
      env,
      out: (line) => {
        stdout.push(line);
        all.push(line);
      },
      err: (line) => {
        stderr.push(line);
        all.push(line);
      },
    });
    return { exitCode, stdout: stdout.join('\n'), stderr: stderr.join('\n'), all: all.join('\n') };
  });
}

async function withReports(run: (reports: string) => Promise<Omit<VendorRun, 'report' | 'markdown'>>): Promise<VendorRun> {
  const reports = await mkdtemp(join(tmpdir(), 'api-contracts-vendor-'));
  try {
    const result = await run(reports);
    const jsonFile = join(reports, 'vendor.json');
    const markdownFile = join(reports, 'vendor-drift.md');
    return {
      ...result,
      ...(existsSync(jsonFile) && { report: JSON.parse(await readFile(jsonFile, 'utf8')) as VendorReport }),
      ...(existsSync(markdownFile) && { markdown: await readFile(markdownFile, 'utf8') }),
    };
  } finally {
    await rm(reports, { recursive: true, force: true });
  }
}
