import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Builder } from 'junit-report-builder';
import junitModule from 'junit-report-builder';
import type { Outcome, Report, RouteResult, VerifierTranscript } from './model.js';
import { appDir } from './paths.js';

// The package's types describe an ESM default export; at runtime Node hands over its module.exports, the builder.
const junit = junitModule as unknown as Builder;

const routes = [
  ['prism', 'pact vs Prism'],
  ['static', 'static'],
  ['live', 'live'],
] as const;

const cell = (outcome: Outcome) => (outcome === 'pass' ? 'pass' : outcome === 'fail' ? 'FAIL' : 'skip');

/** The summary table a person reads, with every non-pass reason numbered below it. */
export function renderTable(report: Report): string {
  const header = ['API', 'interaction', ...routes.map(([, title]) => title)];
  const rows: string[][] = [];
  const notes: string[] = [];
  // Live drift gives one reason per change (`reasons`), numbered once however many interactions showed it.
  const note = (result: RouteResult) => {
    const reasons = result.reasons ?? (result.reason ? [result.reason] : []);
    if (reasons.length === 0) return cell(result.outcome);
    const numbers = reasons.map((reason) => {
      const existing = notes.indexOf(reason);
      return existing >= 0 ? existing + 1 : notes.push(reason);
    });
    return `${cell(result.outcome)} [${numbers.join(',')}]`;
  };
  for (const api of report.apis) {
    if (api.interactions.length === 0) rows.push([api.api, `(not run: ${api.reason ?? 'unknown'})`, '-', '-', '-']);
    // A route the API could not run says so in one line under the table, not in a note per cell.
    const cellOf = (result: RouteResult) =>
      api.status === 'not-run' && result.outcome === 'skip' && result.reason === api.reason ? 'not run' : note(result);
    for (const interaction of api.interactions) {
      rows.push([api.api, interaction.description, ...routes.map(([key]) => cellOf(interaction[key]))]);
    }
  }
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
  if (notes.length > 0) out.push('', ...notes.map((text, index) => `[${index + 1}] ${text}`));
  for (const api of report.apis.filter((candidate) => candidate.status === 'not-run' && candidate.reason))
    out.push(`${api.api}: not run: ${api.reason}`);
  const { pass, fail, skip } = report.summary;
  const verdict =
    report.exitCode === 0 ? 'all contracts verified' : report.exitCode === 1 ? 'a contract FAILED' : 'NOT RUN in full (see above)';
  out.push('', `${report.mode} run: ${pass} passed, ${fail} failed, ${skip} skipped: ${verdict} (exit ${report.exitCode})`);
  return out.join('\n');
}

/** Writes reports/contracts.json (schema in the app README) and reports/junit.xml; returns their paths. */
export async function writeReports(report: Report, directory: string): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const jsonFile = join(directory, 'contracts.json');
  const stable = { ...report, apis: report.apis.map((api) => ({ ...api, pactFile: relative(appDir, api.pactFile) })) };
  await writeFile(jsonFile, `${JSON.stringify(stable, null, 2)}\n`);

  const builder = junit.newBuilder();
  for (const api of report.apis) {
    for (const [key, title] of routes) {
      const suite = builder.testSuite().name(`${api.api}: ${title}`);
      if (api.interactions.length === 0)
        suite
          .testCase()
          .className(`${api.api}.${key}`)
          .name('(not run)')
          .error(api.reason ?? 'not run');
      for (const interaction of api.interactions) {
        const result = interaction[key];
        const testCase = suite.testCase().className(`${api.api}.${key}`).name(interaction.description);
        if (result.outcome === 'fail') testCase.failure(result.reason ?? 'failed');
        if (result.outcome === 'skip') testCase.skipped().standardOutput(result.reason ?? 'skipped');
      }
    }
  }
  const junitFile = join(directory, 'junit.xml');
  builder.writeTo(junitFile);
  return [jsonFile, junitFile];
}

/** The Verifier's transcripts of a run: per API, per route that replayed a pact. */
export type Transcripts = { api: string; route: 'prism' | 'live'; transcript: VerifierTranscript }[];

const routeTitle = (route: 'prism' | 'live') => (route === 'prism' ? 'pact vs Prism' : 'live');

/** Writes reports/<api>.log, each route's whole transcript under a heading; returns their paths. */
export async function writeTranscripts(transcripts: Transcripts, directory: string): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const byApi = new Map<string, string[]>();
  for (const { api, route, transcript } of transcripts) {
    byApi.set(api, [...(byApi.get(api) ?? []), `## ${api}, ${routeTitle(route)}: the Pact Verifier's transcript`, ...transcript.lines, '']);
  }
  return Promise.all(
    [...byApi].map(async ([api, lines]) => {
      const file = join(directory, `${api}.log`);
      await writeFile(file, `${lines.join('\n')}\n`);
      return file;
    }),
  );
}

/** Every transcript whole, for --verbose. */
export const wholeTranscripts = (transcripts: Transcripts) =>
  transcripts.map(({ api, route, transcript }) =>
    [`── ${api}, ${routeTitle(route)}: the Pact Verifier's transcript`, ...transcript.lines].join('\n'),
  );

/** The transcript of each interaction that failed a Verifier route, to print above the table. */
export function failedTranscripts(report: Report, transcripts: Transcripts): string[] {
  return transcripts.flatMap(({ api, route, transcript }) =>
    (report.apis.find((candidate) => candidate.api === api)?.interactions ?? [])
      .filter((interaction) => interaction[route].outcome === 'fail')
      .map((interaction) => {
        const lines = transcript.failures[interaction.description] ?? [`(no transcript: ${interaction[route].reason ?? 'failed'})`];
        return [`── ${api}, ${routeTitle(route)}: ${interaction.description}`, ...lines].join('\n').trimEnd();
      }),
  );
}
