import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Builder } from 'junit-report-builder';
import junitModule from 'junit-report-builder';
import { renderColumns } from './columns.js';
import type { ApiReport, InteractionReport, Outcome, Report, RouteResult, VerifierTranscript } from './model.js';
import { appDir } from './paths.js';
import { consumer as ownConsumer } from './providers/provider.js';

// The package's types describe an ESM default export; at runtime Node hands over its module.exports, the builder.
const junit = junitModule as unknown as Builder;

const routes = [
  ['prism', 'pact vs Prism'],
  ['static', 'static'],
  ['live', 'live'],
] as const;

const cell = (outcome: Outcome) => (outcome === 'pass' ? 'pass' : outcome === 'fail' ? 'FAIL' : 'skip');

/** Our own pacts (and a report without consumers) get a row per interaction; another consumer a row of its own. */
const isOurs = (api: ApiReport) => api.consumer === undefined || api.consumer === ownConsumer;

/** `billing-service`, with where it came from when that matters: `billing-service (broker, pending)`. */
function consumerLabel(api: ApiReport): string {
  const notes = [...(api.origin === 'broker' ? ['broker'] : []), ...(api.pending ? ['pending'] : [])];
  return `${api.consumer ?? ''}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

/**
 * The summary table a person reads, with every non-pass reason numbered below it. Our pacts: one row per
 * interaction. Every other consumer: one row for all its pacts (its interactions counted per route), and a
 * row of its own for each interaction that failed; so fifty consumers print fifty rows, not six hundred.
 */
export function renderTable(report: Report): string {
  const header = ['API', 'operation', 'interaction', ...routes.map(([, title]) => title)];
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
  // A route the API could not run says so in one line under the table, not in a note per cell.
  const cellOf = (api: ApiReport, result: RouteResult) =>
    api.status === 'not-run' && result.outcome === 'skip' && result.reason === api.reason ? 'not run' : note(result);
  for (const api of report.apis.filter(isOurs)) {
    if (api.interactions.length === 0) rows.push([api.api, '-', `(not run: ${api.reason ?? 'unknown'})`, '-', '-', '-']);
    for (const interaction of api.interactions) {
      rows.push([api.api, interaction.operation ?? '-', interaction.description, ...routes.map(([key]) => cellOf(api, interaction[key]))]);
    }
  }
  const others = report.apis.filter((api) => !isOurs(api));
  for (const label of new Set(others.map(consumerLabel))) {
    const pacts = others.filter((api) => consumerLabel(api) === label);
    const interactions = pacts.flatMap((api) => api.interactions.map((interaction) => ({ api, interaction })));
    const apiNames = [...new Set(pacts.map((api) => api.api))].join(', ');
    const notRun = pacts.filter((api) => api.interactions.length === 0);
    if (notRun.length > 0)
      rows.push([apiNames, '-', `consumer ${label}: (not run: ${notRun.map((api) => api.reason ?? 'unknown').join('; ')})`, '-', '-', '-']);
    if (interactions.length === 0) continue;
    const summary = routes.map(([key]) => {
      const results = interactions.map(({ interaction }) => interaction[key]);
      const failed = results.filter((result) => result.outcome === 'fail').length;
      if (failed > 0) return `FAIL (${failed} of ${results.length})`;
      const skipped = interactions.filter(({ interaction }) => interaction[key].outcome === 'skip');
      const notes = [...new Set(skipped.map(({ api, interaction }) => cellOf(api, interaction[key])))].join(' ');
      if (skipped.length === results.length) return notes;
      return skipped.length > 0 ? `pass, ${skipped.length} ${notes}` : 'pass';
    });
    const operations = [...new Set(interactions.map(({ interaction }) => interaction.operation ?? '-'))].join(', ');
    rows.push([
      apiNames,
      operations,
      `consumer ${label}: ${interactions.length} interaction${interactions.length === 1 ? '' : 's'}`,
      ...summary,
    ]);
    for (const { api, interaction } of interactions.filter(({ interaction }) =>
      routes.some(([key]) => interaction[key].outcome === 'fail'),
    ))
      rows.push([
        api.api,
        interaction.operation ?? '-',
        `${api.consumer}: ${interaction.description}`,
        ...routes.map(([key]) => cellOf(api, interaction[key])),
      ]);
  }
  const out = renderColumns(header, rows);
  if (notes.length > 0) out.push('', ...notes.map((text, index) => `[${index + 1}] ${text}`));
  // One line per API and reason, however many consumers' pacts it could not run.
  const notRunLines = report.apis
    .filter((candidate) => candidate.status === 'not-run' && candidate.reason)
    .map((api) => `${api.api}: not run: ${api.reason}`);
  out.push(...new Set(notRunLines));
  for (const problem of report.pactProblems ?? []) out.push(`not verified: ${problem}`);
  const verdict =
    report.exitCode === 0 ? 'all contracts verified' : report.exitCode === 1 ? 'a contract FAILED' : 'NOT RUN in full (see above)';
  out.push('', `${report.mode} run: ${routeCounts(report)}: ${verdict} (exit ${report.exitCode})`);
  return out.join('\n');
}

/**
 * What the counts count: interactions, and per route how many of them passed, e.g.
 * `21 interactions: Prism 21/21, static 21/21, live not run` or `16 interactions: Prism 16/16, static 15/16 (1 failed),
 * live 13/16 (3 skipped)`. A route that skipped every interaction is `not run`.
 */
export function routeCounts(report: Report): string {
  const interactions = report.apis.flatMap((api) => api.interactions);
  const total = interactions.length;
  const names = { prism: 'Prism', static: 'static', live: 'live' } as const;
  const parts = routes.map(([key]) => {
    const count = (outcome: Outcome) => interactions.filter((interaction) => interaction[key].outcome === outcome).length;
    const [pass, fail, skip] = [count('pass'), count('fail'), count('skip')];
    if (total > 0 && skip === total) return `${names[key]} not run`;
    const notes = [...(fail > 0 ? [`${fail} failed`] : []), ...(skip > 0 ? [`${skip} skipped`] : [])];
    return `${names[key]} ${pass}/${total}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
  });
  return `${total} interaction${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** Writes reports/contracts.json (schema in the app README) and reports/junit.xml; returns their paths. */
export async function writeReports(report: Report, directory: string): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const jsonFile = join(directory, 'contracts.json');
  const stable = {
    ...report,
    apis: report.apis.map((api) => ({ ...api, pactFile: /^https?:/.test(api.pactFile) ? api.pactFile : relative(appDir, api.pactFile) })),
  };
  await writeFile(jsonFile, `${JSON.stringify(stable, null, 2)}\n`);

  const builder = junit.newBuilder();
  for (const api of report.apis) {
    // Our pacts keep the names they always had; another consumer's are named by it.
    const suiteName = (title: string) => (isOurs(api) ? `${api.api}: ${title}` : `${api.api}: ${title} (consumer ${consumerLabel(api)})`);
    const className = (key: string) => (isOurs(api) ? `${api.api}.${key}` : `${api.api}.${api.consumer}.${key}`);
    for (const [key, title] of routes) {
      const suite = builder.testSuite().name(suiteName(title));
      if (api.interactions.length === 0)
        suite
          .testCase()
          .className(className(key))
          .name('(not run)')
          .error(api.reason ?? 'not run');
      for (const interaction of api.interactions) {
        const result = interaction[key];
        const testCase = suite.testCase().className(className(key)).name(interaction.description);
        if (result.outcome === 'fail') testCase.failure(result.reason ?? 'failed');
        if (result.outcome === 'skip') testCase.skipped().standardOutput(result.reason ?? 'skipped');
      }
    }
  }
  const junitFile = join(directory, 'junit.xml');
  builder.writeTo(junitFile);
  return [jsonFile, junitFile];
}

/** The Verifier's transcripts of a run: per API, per route that replayed a pact, per consumer. */
export type Transcripts = { api: string; route: 'prism' | 'live'; transcript: VerifierTranscript; consumer?: string }[];

const whose = (consumer: string | undefined) => (consumer === undefined || consumer === ownConsumer ? '' : `, consumer ${consumer}`);

const routeTitle = (route: 'prism' | 'live') => (route === 'prism' ? 'pact vs Prism' : 'live');

/** Writes reports/<api>.log, each route's whole transcript under a heading; returns their paths. */
export async function writeTranscripts(transcripts: Transcripts, directory: string): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const byApi = new Map<string, string[]>();
  for (const { api, route, transcript, consumer } of transcripts) {
    const lines = byApi.get(api) ?? [];
    lines.push(`## ${api}, ${routeTitle(route)}${whose(consumer)}: the Pact Verifier's transcript`, ...transcript.lines, '');
    byApi.set(api, lines);
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
  transcripts.map(({ api, route, transcript, consumer }) =>
    [`── ${api}, ${routeTitle(route)}${whose(consumer)}: the Pact Verifier's transcript`, ...transcript.lines].join('\n'),
  );

/** The transcript of each interaction that failed a Verifier route, to print above the table. */
export function failedTranscripts(report: Report, transcripts: Transcripts): string[] {
  return transcripts.flatMap(({ api, route, transcript, consumer }) =>
    (
      report.apis.find((candidate) => candidate.api === api && (consumer === undefined || candidate.consumer === consumer))?.interactions ??
      []
    )
      .filter((interaction: InteractionReport) => interaction[route].outcome === 'fail')
      .map((interaction) => {
        const lines = transcript.failures[interaction.description] ?? [`(no transcript: ${interaction[route].reason ?? 'failed'})`];
        return [`── ${api}, ${routeTitle(route)}${whose(consumer)}: ${interaction.description}`, ...lines].join('\n').trimEnd();
      }),
  );
}
