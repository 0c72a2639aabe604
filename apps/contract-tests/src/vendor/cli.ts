/**
 * `pnpm contracts:vendor`: our specs against the providers' published OpenAPI definitions, for the captured
 * operation only. No credentials needed.
 *   --api NAME      only this API (verisoul | vectara); repeatable
 *   --reports DIR   where vendor.json and vendor-drift.md go (default: reports/)
 *   --capture       turn new differences that only add to the contract into a spec patch (schemas copied from
 *                   the definition), regenerated types and a changeset; a new breaking one: nothing is written
 * Environment: VECTARA_DEFINITION, VERISOUL_DEFINITION (a URL or a file path; default the published URL),
 * VENDOR_DEFINITION_MAX_BYTES (default 32 MiB: larger documents are refused unread).
 * Exit codes: 0 no new breaking difference, 1 a new breaking difference, 2 could not run.
 */

import { readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Api, type OpenApiDocument, specPath } from '@api-contracts/specs';
import { captureDrift } from '../capture/capture.js';
import { exitCodeWithCapture, renderCaptureLines, writeCaptureReports } from '../capture/report.js';
import { repositoryRoot } from '../paths.js';
import { renderVendorAnnotations, renderVendorMarkdown, renderVendorTable, writeVendorReports } from './report.js';
import { runVendor } from './run.js';
import { maxBytesFrom, selectApis } from './settings.js';

const defaultReportDir = fileURLToPath(new URL('../../reports', import.meta.url));

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { api: { type: 'string', multiple: true }, reports: { type: 'string' }, capture: { type: 'boolean', default: false } },
  });
  // pnpm runs the script in this package; a relative path is meant from where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const definitions: Partial<Record<Api, OpenApiDocument>> = {};
  const seenAt: Partial<Record<Api, string>> = {};
  const report = await runVendor({
    apis: selectApis(values.api),
    maxBytes: maxBytesFrom(process.env),
    cwd,
    log: (line) => console.error(`· ${line}`),
    onDefinition: (api, document, source) => {
      definitions[api] = document;
      seenAt[api] = source;
    },
  });
  console.log(`\n${renderVendorTable(report)}`);
  if (process.env.GITHUB_ACTIONS === 'true') {
    // Each new difference as an annotation on the line of our spec it contradicts.
    const specs = Object.fromEntries(
      report.apis.map(({ api }) => [api, { file: `specs/${api}/openapi.yaml`, text: readFileSync(specPath(api), 'utf8') }]),
    );
    for (const line of renderVendorAnnotations(report, specs)) console.log(line);
  }
  const reportDir = values.reports ? resolve(cwd, values.reports) : defaultReportDir;
  const files = await writeVendorReports(report, reportDir);
  let exitCode: number = report.exitCode;
  if (values.capture) {
    const changes = report.apis.filter((api) => api.outcome === 'compared').flatMap((api) => api.changes);
    const result = await captureDrift({
      root: repositoryRoot,
      command: 'pnpm contracts:vendor',
      changes,
      seenAt,
      definitions,
      log: (line) => console.error(`· ${line}`),
    });
    for (const line of renderCaptureLines(result)) console.log(line);
    files.push(...(await writeCaptureReports(result, reportDir, 'vendor')));
    exitCode = exitCodeWithCapture(exitCode, result);
  }
  if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, renderVendorMarkdown(report));
  console.log(`reports: ${files.map((file) => relative(cwd, file)).join(', ')}`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`contracts:vendor could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
