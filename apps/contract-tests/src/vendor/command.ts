// The body of `pnpm contracts:vendor` (src/vendor/cli.ts), its arguments, environment and console passed in, so
// that it can also run in process (tests run many cases without a process each).
import { readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Api, type OpenApiDocument, specPath } from '@api-contracts/specs';
import { exitCodeWithCapture, renderCaptureLines, writeCaptureReports } from '../capture/report.js';
import { repositoryRoot } from '../paths.js';
import { renderVendorAnnotations, renderVendorMarkdown, renderVendorTable, writeVendorReports } from './report.js';
import { runVendor } from './run.js';
import { maxBytesFrom, selectApis } from './settings.js';

const defaultReportDir = fileURLToPath(new URL('../../reports', import.meta.url));

export interface VendorCommandIo {
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Where the command was typed (a relative path is meant from there); default `INIT_CWD`, else the working directory. */
  cwd?: string;
  /** A line for standard output, and one for standard error. */
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the command; resolves to its exit code (0, 1 or 2), never rejects: what stopped it is said on `err`, exit 2. */
export function vendorCommand(io: VendorCommandIo): Promise<number> {
  return main(io).catch((error: unknown) => {
    io.err(`contracts:vendor could not run: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  });
}

async function main({ args, env, out, err, ...io }: VendorCommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { api: { type: 'string', multiple: true }, reports: { type: 'string' }, capture: { type: 'boolean', default: false } },
  });
  // pnpm runs the script in this package; a relative path is meant from where the user typed the command.
  const cwd = io.cwd ?? env.INIT_CWD ?? process.cwd();
  const definitions: Partial<Record<Api, OpenApiDocument>> = {};
  const seenAt: Partial<Record<Api, string>> = {};
  const report = await runVendor({
    apis: selectApis(values.api),
    env,
    maxBytes: maxBytesFrom(env),
    cwd,
    log: (line) => err(`· ${line}`),
    onDefinition: (api, document, source) => {
      definitions[api] = document;
      seenAt[api] = source;
    },
  });
  out(`\n${renderVendorTable(report)}`);
  if (env.GITHUB_ACTIONS === 'true') {
    // Each new difference as an annotation on the line of our spec it contradicts.
    const specs = Object.fromEntries(
      report.apis.map(({ api }) => [api, { file: `specs/${api}/openapi.yaml`, text: readFileSync(specPath(api), 'utf8') }]),
    );
    for (const line of renderVendorAnnotations(report, specs)) out(line);
  }
  const reportDir = values.reports ? resolve(cwd, values.reports) : defaultReportDir;
  const files = await writeVendorReports(report, reportDir);
  let exitCode: number = report.exitCode;
  if (values.capture) {
    const changes = report.apis.filter((api) => api.outcome === 'compared').flatMap((api) => api.changes);
    // Loaded only here: capture's modules cost every other run a third of a second.
    const { captureDrift } = await import('../capture/capture.js');
    const result = await captureDrift({
      root: repositoryRoot,
      command: 'pnpm contracts:vendor',
      changes,
      seenAt,
      definitions,
      log: (line) => err(`· ${line}`),
    });
    for (const line of renderCaptureLines(result)) out(line);
    files.push(...(await writeCaptureReports(result, reportDir, 'vendor')));
    exitCode = exitCodeWithCapture(exitCode, result);
  }
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, renderVendorMarkdown(report));
  out(`reports: ${files.map((file) => relative(cwd, file)).join(', ')}`);
  return exitCode;
}
