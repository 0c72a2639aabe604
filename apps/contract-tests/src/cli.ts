/**
 * `pnpm contracts` / `pnpm contracts:live`: verifies the consumer pacts by three routes and prints a table.
 *   --live          also verify against the live providers (settings from the environment)
 *   --strict        live: additive drift (fields or headers the spec does not mention) fails too
 *   --api NAME      only this API (verisoul | vectara); repeatable
 *   --reports DIR   where contracts.json, junit.xml and the Verifier's logs go (default: reports/)
 *   --pacts DIR     verify every pact under DIR, whichever consumer's (default: ours in pacts/ and other
 *                   repos' under consumers/<consumer>/)
 *   --verbose       also print the Pact Verifier's whole transcript (always in reports/<api>.log)
 *   --probe-budget N  live: requests the probe may send per API beyond the pacts (default 20; 0: no probe)
 *   --capture       live: turn drift that only adds to the contract into a spec patch, regenerated types and a
 *                   changeset (capture-live.json and capture-live.md in the reports); breaking drift: nothing is written
 * With PACT_BROKER_BASE_URL set (and PACT_BROKER_TOKEN), the broker's pacts for verification too (see README).
 * With CONTRACTS_PRISM_URLS set (api=url,...), the Prism route uses those running mocks (running-mocks.ts).
 * Quiet by default: one line per stage, the failing interactions' transcripts, the table (our pacts an
 * interaction a row, another consumer a row), the verdict.
 * Live: drift.md and drift.json report changes of the contract; in GitHub Actions each is annotated on its spec line.
 * Every configured secret and OAuth2 token is redacted from all it prints and writes.
 * Exit codes: 0 all verified, 1 a contract failed, 2 could not run.
 */
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Api } from '@api-contracts/specs';
import { BrokerSettingsError, readBrokerSettings } from './broker.js';
import { exitCodeWithCapture, renderCaptureLines, writeCaptureReports } from './capture/report.js';
import { cliOptions } from './cli-options.mjs';
import { consumersDir } from './consumers.js';
import { renderCoverageMarkdown, renderCoverageTable } from './coverage/render.js';
import { driftAnnotations, driftSummaryLines, renderDriftReport, writeDriftJson } from './drift-report.js';
import { liveSettingsProblem, selectApis } from './live-variables.mjs';
import { reportDir } from './paths.js';
import { writeProbeHars } from './probe/har.js';
import type { ProbeExchange } from './probe/probe.js';
import { renderProbeLines, renderProbeMarkdown } from './probe/render.js';
import { redactConsole, redactFiles } from './redacted-output.js';
import { failedTranscripts, renderTable, type Transcripts, wholeTranscripts, writeReports, writeTranscripts } from './report.js';
import { runContracts } from './run.js';
import { RunningMocksError, runningMocks, runningMocksVariable } from './running-mocks.js';

async function main(): Promise<number> {
  await redactConsole();
  const { values } = parseArgs({ options: cliOptions });
  const budgetText = values['probe-budget'];
  if (budgetText !== undefined && !/^\d+$/.test(budgetText)) {
    console.error(`--probe-budget ${budgetText}: expected a whole number of requests (0 turns the probe off)`);
    return 2;
  }
  if (values.capture && !values.live) {
    console.error('--capture needs --live: only a live run sees what the provider serves (or use `pnpm contracts:vendor --capture`)');
    return 2;
  }
  const selected = selectApis(values.api);
  if ('error' in selected) {
    console.error(selected.error);
    return 2;
  }
  const apis: Api[] = selected.apis;
  // Missing live settings: said before anything starts (the same check `pnpm contracts:live` makes before it builds).
  const settingsProblem = values.live ? liveSettingsProblem(apis, process.env) : undefined;
  if (settingsProblem) {
    console.error(settingsProblem);
    return 2;
  }
  let broker: ReturnType<typeof readBrokerSettings>;
  try {
    broker = readBrokerSettings(process.env);
  } catch (error) {
    if (!(error instanceof BrokerSettingsError)) throw error;
    console.error(`contracts could not run: ${error.message}`);
    return 2;
  }
  let prisms: Awaited<ReturnType<typeof runningMocks>>;
  try {
    prisms = await runningMocks(process.env, apis);
  } catch (error) {
    if (!(error instanceof RunningMocksError)) throw error;
    console.error(`contracts could not run: ${error.message}`);
    return 2;
  }
  if (prisms.size > 0) console.error(`· Prism: the running mocks of ${runningMocksVariable} (${[...prisms.keys()].join(', ')})`);
  const transcripts: Transcripts = [];
  const observed: Partial<Record<Api, { status: number; body: unknown }[]>> = {};
  const probed = new Map<Api, ProbeExchange[]>();
  const report = await runContracts({
    live: values.live,
    strict: values.strict,
    apis,
    ...(values.pacts ? { pactDir: values.pacts } : { consumersDir }),
    ...(broker && { broker }),
    prisms,
    log: (line) => console.error(`· ${line}`),
    onTranscript: (api, route, transcript, consumer) => transcripts.push({ api, route, transcript, consumer }),
    ...(budgetText !== undefined && { probeBudget: Number(budgetText) }),
    onProbe: (api, exchanges) => probed.set(api, exchanges),
    ...(values.capture && { onObserved: (api: Api, responses: { status: number; body: unknown }[]) => (observed[api] = responses) }),
  });
  const directory = values.reports ?? reportDir;
  const logs = await writeTranscripts(transcripts, directory);
  logs.push(...(await writeProbeHars(report, probed, directory)));
  const shown = values.verbose ? wholeTranscripts(transcripts) : failedTranscripts(report, transcripts);
  if (shown.length > 0) console.log(`\n${shown.join('\n\n')}`);
  console.log(`\n${renderTable(report)}`);
  for (const line of renderProbeLines(report)) console.log(line);
  for (const line of driftSummaryLines(report)) console.log(line);
  const coverage = renderCoverageTable(report.coverage ?? [], { verbose: values.verbose });
  if (coverage) console.log(`\n${coverage}\n`);
  if (process.env.GITHUB_ACTIONS === 'true') for (const line of driftAnnotations(report)) console.log(line);
  const files = [...(await writeReports(report, directory)), ...logs];
  // Coverage on the job's summary page, whatever the mode.
  if (process.env.GITHUB_STEP_SUMMARY && report.coverage)
    await appendFile(process.env.GITHUB_STEP_SUMMARY, renderCoverageMarkdown(report.coverage));
  if (report.mode === 'live') {
    // The drift report, beside the others; in GitHub Actions also on the job's summary page.
    const driftFile = join(directory, 'drift.md');
    const markdown = renderDriftReport(report);
    await writeFile(driftFile, markdown);
    files.push(driftFile, await writeDriftJson(report, directory, { strict: values.strict }));
    if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n${renderProbeMarkdown(report)}`);
  }
  let exitCode: number = report.exitCode;
  if (values.capture) {
    // Loaded only here: capture's modules (the types generator's and the spec gate's runners) cost every other run
    // a third of a second.
    const { captureLiveDrift } = await import('./capture/live.js');
    const result = await captureLiveDrift(report, observed, (line) => console.error(`· ${line}`));
    for (const line of renderCaptureLines(result)) console.log(line);
    files.push(...(await writeCaptureReports(result, directory, 'live')));
    exitCode = exitCodeWithCapture(exitCode, result);
  }
  // The last guarantee: no file this run wrote keeps a secret, whichever module wrote it.
  for (const file of await redactFiles([...files, process.env.GITHUB_STEP_SUMMARY])) console.error(`· redacted a secret from ${file}`);
  console.log(`reports: ${files.join(', ')}`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`contracts could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
