import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type { InteractionResult, PactFile, PactInteraction, RouteResult, SetupOutcome, VerifierTranscript } from './model.js';
import type { VerifierJob, VerifierReply } from './verifier-process.mjs';

const childFile = fileURLToPath(new URL('./verifier-process.mjs', import.meta.url));

/** A Verifier child process that runs the jobs it is given, started ahead so that loading the Verifier overlaps other work. */
export interface VerifierProcess {
  run(job: VerifierJob): Promise<string>;
  stop(): Promise<void>;
}

export function startVerifier(): VerifierProcess {
  // Its stdout is the native transcript, also in the JSON result: discarded. Its stderr is kept for a crash.
  const child: ChildProcess = fork(childFile, [], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const pending = new Map<number, { resolve(output: string): void; reject(error: Error): void }>();
  child.on('message', ({ id, output }: VerifierReply) => {
    pending.get(id)?.resolve(output);
    pending.delete(id);
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      const error = new Error(`the Verifier process exited (${code ?? signal}) before answering: ${stderr.trim()}`);
      for (const job of pending.values()) job.reject(error);
      pending.clear();
      resolve();
    }),
  );
  let next = 0;
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        child.send({ id, job });
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}

export interface VerifyOptions {
  pactFile: string;
  baseUrl: string;
  /** Sets the state up for one interaction, or says why the interaction is skipped or failed. Called once per interaction. */
  setup(state: string, params: Record<string, unknown>, description: string): Promise<SetupOutcome>;
  /** A Verifier process already started, left running; when absent, one is started and stopped. */
  verifier?: VerifierProcess;
  /** A header each replayed request carries with its interaction's description, URI-encoded (for a recorder). */
  tagHeader?: string;
}

export interface Verification {
  results: InteractionResult[];
  transcript: VerifierTranscript;
}

/**
 * Replays every interaction of a pact against `baseUrl` with the Pact Verifier and returns one result per
 * interaction, and the Verifier's transcript. Skipped interactions are removed from a temporary copy of the
 * pact, so the Verifier never sees them and they cannot pass by accident.
 */
export async function verifyPact({ pactFile, baseUrl, setup, verifier, tagHeader }: VerifyOptions): Promise<Verification> {
  const pact = JSON.parse(await readFile(pactFile, 'utf8')) as PactFile;
  const results = new Map<string, InteractionResult>();
  const kept: PactInteraction[] = [];
  const jobs: VerifierJob['interactions'] = [];
  for (const interaction of pact.interactions) {
    const state = interaction.providerStates?.[0];
    const result: InteractionResult = { description: interaction.description, state: state?.name ?? '', outcome: 'pass', mismatches: [] };
    results.set(interaction.description, result);
    const prepared = await setup(result.state, state?.params ?? {}, interaction.description);
    if ('skip' in prepared) Object.assign(result, { outcome: 'skip', reason: prepared.skip });
    else if ('fail' in prepared)
      Object.assign(result, { outcome: 'fail', reason: `${prepared.fail.path}: ${prepared.fail.message}`, mismatches: [prepared.fail] });
    else {
      kept.push(interaction);
      jobs.push({ state: result.state, setup: prepared, tag: encodeURIComponent(interaction.description) });
    }
  }
  if (kept.length === 0) return { results: [...results.values()], transcript: { lines: [], failures: {} } };
  const child = verifier ?? startVerifier();
  const workDir = await mkdtemp(join(tmpdir(), 'api-contracts-verify-'));
  try {
    const filtered = join(workDir, 'pact.json');
    await writeFile(filtered, JSON.stringify({ ...pact, interactions: kept }));
    const output = await child
      .run({ provider: pact.provider.name, baseUrl, pactFile: filtered, interactions: jobs, ...(tagHeader && { tagHeader }) })
      .catch((error: Error) => error.message);
    applyVerifierOutput(output, pact, results);
    return { results: [...results.values()], transcript: transcriptOf(output, pact) };
  } finally {
    if (!verifier) await child.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

export interface VerifierJson {
  result: boolean;
  errors?: { interaction: string; mismatch?: { type: string; message?: string; mismatches?: RawMismatch[] } }[];
  pendingErrors?: { interaction: string; mismatch?: { type: string; message?: string; mismatches?: RawMismatch[] } }[];
  output?: string[];
  interactionResults?: { description: string; result: string }[];
}
interface RawMismatch {
  type: string;
  path?: string;
  key?: string;
  expected?: unknown;
  actual?: unknown;
  mismatch?: string;
  parameter?: string;
}

/**
 * How the Verifier names an interaction in its errors: `Verifying a pact between <consumer> and <provider>
 * Given <state> - <description>`. Errors are matched to interactions by this whole name, never by a part of
 * it: one description may be a prefix of another.
 */
export function verifierName(pact: Pick<PactFile, 'consumer' | 'provider'>, interaction: PactInteraction): string {
  const states = (interaction.providerStates ?? []).map((state) => state.name);
  const given = states.length > 0 ? ` Given ${states.join(' And ')}` : '';
  return `Verifying a pact between ${pact.consumer.name} and ${pact.provider.name}${given} - ${interaction.description}`;
}

export function applyVerifierOutput(output: unknown, pact: PactFile, results: Map<string, InteractionResult>): void {
  let parsed: VerifierJson;
  try {
    parsed = JSON.parse(String(output)) as VerifierJson;
  } catch {
    // Not JSON: the Verifier could not run at all. Every interaction it was given fails with its words.
    for (const result of results.values()) {
      if (result.outcome !== 'skip') Object.assign(result, { outcome: 'fail', reason: `verifier could not run: ${String(output)}` });
    }
    return;
  }
  const byName = new Map(pact.interactions.map((interaction) => [verifierName(pact, interaction), results.get(interaction.description)]));
  for (const error of parsed.errors ?? []) {
    const result = byName.get(error.interaction);
    if (!result) continue;
    result.outcome = 'fail';
    const raw = error.mismatch?.mismatches ?? [];
    result.mismatches = raw.map((mismatch) => ({
      path: mismatch.path ?? mismatch.key ?? mismatch.parameter ?? mismatch.type,
      ...(mismatch.expected !== undefined && { expected: text(mismatch.expected) }),
      ...(mismatch.actual !== undefined && { actual: text(mismatch.actual) }),
      message: mismatch.mismatch ?? mismatch.type,
    }));
    result.reason =
      result.mismatches.map((mismatch) => `${mismatch.path}: ${mismatch.message}`).join('; ') || error.mismatch?.message || 'failed';
  }
  // An interaction the Verifier marks failed without an error of its own name still fails.
  for (const { description, result } of parsed.interactionResults ?? []) {
    const known = results.get(description);
    if (known && result !== 'OK' && known.outcome === 'pass')
      Object.assign(known, { outcome: 'fail', reason: `the Verifier reported ${result}` });
  }
}

/**
 * The Verifier's transcript, colour codes removed, and for each failed interaction (by description) its part
 * of the "Failures:" section, to print when the interaction fails.
 */
export function transcriptOf(output: string, pact: PactFile): VerifierTranscript {
  let entries: unknown;
  try {
    entries = (JSON.parse(output) as { output?: unknown }).output;
  } catch {
    return { lines: stripVTControlCharacters(output).split('\n'), failures: {} };
  }
  const lines = (Array.isArray(entries) ? entries : []).flatMap((entry) => stripVTControlCharacters(String(entry)).split('\n'));
  const byName = new Map(pact.interactions.map((interaction) => [verifierName(pact, interaction), interaction.description]));
  const failures: Record<string, string[]> = {};
  let current: string[] | undefined;
  for (const line of lines.slice(lines.indexOf('Failures:') + 1 || lines.length)) {
    if (/^There (was|were) \d+ pact failures?$/.test(line.trim())) break;
    const description = byName.get(line.replace(/^\d+\) /, ''));
    if (description !== undefined) {
      current = [];
      failures[description] = current;
    }
    current?.push(line);
  }
  return { lines, failures };
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A Verifier result as one route's cell of the report. */
export function routeResult(result: InteractionResult): RouteResult {
  return { outcome: result.outcome, ...(result.reason && { reason: result.reason }), mismatches: result.mismatches };
}
