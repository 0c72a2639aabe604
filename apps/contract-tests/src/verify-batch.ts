/**
 * Many pacts of one provider (one per consumer) replayed by one Verifier run, each interaction set up by its
 * provider state alone, then the Verifier's single result split back into one result and one transcript per
 * pact. One run instead of one per pact: the Verifier's own start (its proxy, its native handle) is paid
 * once per provider, not once per consumer. The pacts come from files, or from a Pact Broker through the
 * Verifier's own broker support (it fetches the pacts for verification and may publish the results).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { InteractionResult, PactFile, PactInteraction, VerifierTranscript } from './model.js';
import type { BrokerJob, VerifierJob } from './verifier-process.mjs';
import { applyVerifierOutput, transcriptOf, type VerifierJson, type VerifierProcess, verifierName } from './verify.js';

/** What a state does to the requests of its interactions, or why its interactions are skipped. */
export type StateHeaders = { headers: Record<string, string | undefined> } | { skip: string };

export interface BatchVerification {
  results: InteractionResult[];
  transcript: VerifierTranscript;
}

interface Prepared {
  pact: PactFile;
  results: Map<string, InteractionResult>;
  /** The pact with only the interactions to replay. */
  kept: PactFile;
  transcript?: VerifierTranscript;
}

/** Each interaction's result before the replay: pass for now, or skipped for its state. */
function prepare(pact: PactFile, stateOf: (state: string) => StateHeaders): Prepared {
  const results = new Map<string, InteractionResult>();
  const kept: PactInteraction[] = [];
  for (const interaction of pact.interactions) {
    const state = interaction.providerStates?.[0]?.name ?? '';
    const result: InteractionResult = { description: interaction.description, state, outcome: 'pass', mismatches: [] };
    results.set(interaction.description, result);
    const setup = state === '' ? { skip: 'the interaction has no provider state' } : stateOf(state);
    if ('skip' in setup) Object.assign(result, { outcome: 'skip', reason: setup.skip });
    else kept.push(interaction);
  }
  return { pact, results, kept: { ...pact, interactions: kept } };
}

/** Every state the pacts name, as the Verifier child sets it up: its headers, or why it cannot be. */
function statesOf(prepared: Prepared[], stateOf: (state: string) => StateHeaders): NonNullable<VerifierJob['states']> {
  const names = new Set(
    prepared.flatMap(({ pact }) => pact.interactions.map((interaction) => interaction.providerStates?.[0]?.name ?? '')),
  );
  names.delete('');
  return Object.fromEntries(
    [...names].map((name) => {
      const setup = stateOf(name);
      return [name, 'skip' in setup ? { unknown: setup.skip } : { headers: setup.headers }];
    }),
  );
}

/**
 * Interactions per Verifier run. A run replays its interactions one after the other, and each costs the
 * Verifier's native core CPU of its own, so a provider with many consumers' pacts is split into runs of about
 * this size that go side by side (one run's start costs about 25 ms; two cores here).
 */
export const interactionsPerRun = 100;

/**
 * Replays every pact against `baseUrl`, in runs of about `interactionsPerRun` interactions side by side, a
 * consumer's pacts in different runs (the transcript tells pacts apart by consumer). Results in the order
 * of `pacts`.
 */
export async function verifyPactsByState({
  pacts,
  baseUrl,
  stateOf,
  verifier,
}: {
  pacts: PactFile[];
  baseUrl: string;
  stateOf: (state: string) => StateHeaders;
  verifier: VerifierProcess;
}): Promise<BatchVerification[]> {
  const prepared = pacts.map((pact) => prepare(pact, stateOf));
  const toRun = prepared.filter(({ kept }) => kept.interactions.length > 0);
  const total = toRun.reduce((count, { kept }) => count + kept.interactions.length, 0);
  const size = Math.ceil(total / Math.max(1, Math.round(total / interactionsPerRun)));
  const batches: Prepared[][] = [];
  for (const entry of toRun) {
    const fits = (batch: Prepared[]) =>
      batch.every(({ pact }) => pact.consumer.name !== entry.pact.consumer.name) &&
      batch.reduce((count, { kept }) => count + kept.interactions.length, 0) + entry.kept.interactions.length <= size;
    const batch = batches.find(fits);
    if (batch) batch.push(entry);
    else batches.push([entry]);
  }
  const workDir = await mkdtemp(join(tmpdir(), 'api-contracts-verify-batch-'));
  try {
    await Promise.all(
      batches.map(async (batch, index) => {
        const files = await Promise.all(
          batch.map(async ({ kept }, at) => {
            const file = join(workDir, `${index}-${at}.json`);
            await writeFile(file, JSON.stringify(kept));
            return file;
          }),
        );
        const provider = batch[0]?.pact.provider.name ?? '';
        const output = await verifier
          .run({ provider, baseUrl, pactFiles: files, states: statesOf(batch, stateOf) })
          .catch((error: Error) => error.message);
        splitOutput(output, batch);
      }),
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return prepared.map(({ results, transcript }) => ({ results: [...results.values()], transcript: transcript ?? empty }));
}

/**
 * Replays the pacts a Pact Broker gives for verification of `provider`, fetched by the Verifier itself;
 * `pacts` are the same pacts, as `broker.ts` fetched them, in the broker's order, to know their interactions.
 */
export async function verifyBrokerPacts({
  provider,
  pacts,
  baseUrl,
  broker,
  stateOf,
  verifier,
}: {
  provider: string;
  pacts: PactFile[];
  baseUrl: string;
  broker: BrokerJob;
  stateOf: (state: string) => StateHeaders;
  verifier: VerifierProcess;
}): Promise<BatchVerification[]> {
  const prepared = pacts.map((pact) => prepare(pact, stateOf));
  const output = await verifier
    .run({ provider, baseUrl, broker, states: statesOf(prepared, stateOf) })
    .catch((error: Error) => error.message);
  // The Verifier replays every interaction it fetched; one skipped here is reported skipped whatever it said.
  const skipped = prepared.map(({ results }) => new Map([...results].filter(([, result]) => result.outcome === 'skip')));
  splitOutput(output, prepared, { allInteractions: true });
  prepared.forEach(({ results }, index) => {
    for (const [description, result] of skipped[index] ?? []) results.set(description, result);
  });
  return prepared.map(({ results, transcript }) => ({ results: [...results.values()], transcript: transcript ?? empty }));
}

const empty: VerifierTranscript = { lines: [], failures: {} };

const header = /^Verifying a pact between (.+?) and (.+?)(?: \[.*\])?$/;

/**
 * Splits one Verifier result over the pacts it verified: each pact's section of the transcript (found by
 * its consumer, the k-th section of a consumer for its k-th pact), its own failures, the errors naming its
 * interactions (pending ones too: the run's verdict on a pending pact is the broker's business, ours is
 * the report's), and its share of the per-interaction results, by position.
 */
function splitOutput(output: string, batch: Prepared[], { allInteractions = false } = {}): void {
  const target = (entry: Prepared) => (allInteractions ? entry.pact : entry.kept);
  let parsed: VerifierJson;
  try {
    parsed = JSON.parse(output) as VerifierJson;
  } catch {
    for (const entry of batch) {
      applyVerifierOutput(output, target(entry), entry.results);
      entry.transcript = transcriptOf(output, target(entry));
    }
    return;
  }
  const lines = (parsed.output ?? []).flatMap((entry) => stripVTControlCharacters(String(entry)).split('\n'));
  // Failures, then (from a broker) the pending pacts' failures, each in a section of its own.
  const failuresAt = lines.findIndex((line) => /^(Pending )?Failures:$/.test(line));
  const body = failuresAt >= 0 ? lines.slice(0, failuresAt) : lines;
  const failureBlocks: string[][] = [];
  for (const line of failuresAt >= 0 ? lines.slice(failuresAt + 1) : []) {
    if (/^There (was|were) \d+ /.test(line.trim()) || /^(Pending )?Failures:$/.test(line)) continue;
    if (/^\d+\) Verifying a pact between /.test(line)) failureBlocks.push([]);
    failureBlocks.at(-1)?.push(line);
  }
  const sections: { consumer: string; lines: string[] }[] = [];
  for (const line of body) {
    const match = header.exec(line.trim());
    if (match?.[1]) sections.push({ consumer: match[1], lines: [] });
    sections.at(-1)?.lines.push(line);
  }
  // Each pact's section: the k-th of its consumer for its k-th pact here; the results come in section order.
  const taken = new Set<number>();
  const placed = batch.map((entry) => {
    const at = sections.findIndex((section, index) => !taken.has(index) && section.consumer === target(entry).consumer.name);
    if (at >= 0) taken.add(at);
    return { entry, at };
  });
  const offsets = new Map<Prepared, number>();
  let position = 0;
  for (const { entry } of [...placed].filter(({ at }) => at >= 0).sort((a, b) => a.at - b.at)) {
    offsets.set(entry, position);
    position += target(entry).interactions.length;
  }
  const errors = [...(parsed.errors ?? []), ...(parsed.pendingErrors ?? [])];
  for (const { entry, at } of placed) {
    const pact = target(entry);
    const names = new Set(pact.interactions.map((interaction) => verifierName(pact, interaction)));
    const ownFailures = failureBlocks.filter((block) => names.has((block[0] ?? '').replace(/^\d+\) /, '').trim()));
    const ownLines = [...(sections[at]?.lines ?? []), ...(ownFailures.length > 0 ? ['Failures:', '', ...ownFailures.flat()] : [])];
    const offset = offsets.get(entry);
    const own: VerifierJson = {
      result: parsed.result,
      errors: errors.filter((error) => names.has(error.interaction)),
      interactionResults: offset === undefined ? [] : (parsed.interactionResults ?? []).slice(offset, offset + pact.interactions.length),
      output: ownLines,
    };
    applyVerifierOutput(JSON.stringify(own), pact, entry.results);
    entry.transcript = transcriptOf(JSON.stringify(own), pact);
    // Never a pass by default: an interaction the Verifier gave no result for fails.
    const reported = new Set((own.interactionResults ?? []).map((result) => result.description));
    for (const interaction of pact.interactions) {
      const result = entry.results.get(interaction.description);
      if (result?.outcome === 'pass' && !reported.has(interaction.description))
        Object.assign(result, { outcome: 'fail', reason: 'the Verifier gave no result for it (its pact was not verified)' });
    }
  }
}
