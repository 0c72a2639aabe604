import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import type { InteractionResult, PactFile, PactInteraction, RouteResult, SetupOutcome, StateSetup } from './model.js';

export interface VerifyOptions {
  pactFile: string;
  baseUrl: string;
  /** Sets the state up for one interaction, or says why the interaction is skipped or failed. Called once per interaction. */
  setup(state: string, params: Record<string, unknown>, description: string): Promise<SetupOutcome>;
  /** Told right before each interaction is replayed. */
  onReplay?(description: string): void;
}

/**
 * Replays every interaction of a pact against `baseUrl` with the Pact Verifier and returns one result per
 * interaction. Skipped interactions are removed from a temporary copy of the pact, so the Verifier never
 * sees them and they cannot pass by accident.
 */
export async function verifyPact({ pactFile, baseUrl, setup, onReplay }: VerifyOptions): Promise<InteractionResult[]> {
  const pact = JSON.parse(await readFile(pactFile, 'utf8')) as PactFile;
  const results = new Map<string, InteractionResult>();
  const kept: PactFile['interactions'] = [];
  const setups: StateSetup[] = [];
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
      setups.push(prepared);
    }
  }
  if (kept.length === 0) return [...results.values()];

  const workDir = await mkdtemp(join(tmpdir(), 'api-contracts-verify-'));
  try {
    const filtered = join(workDir, 'pact.json');
    await writeFile(filtered, JSON.stringify({ ...pact, interactions: kept }));
    // The Verifier replays interactions in pact order, setting each one's state right before it; the
    // handler hands over the setup prepared above and the request filter applies its headers.
    // `position` tracks which interaction is next.
    let current: StateSetup = { params: {}, headers: {} };
    let position = 0;
    const stateHandlers = Object.fromEntries(
      kept.map((interaction) => {
        const name = interaction.providerStates?.[0]?.name ?? '';
        return [
          name,
          async () => {
            const index = kept.findIndex((candidate, at) => at >= position && candidate.providerStates?.[0]?.name === name);
            position = index + 1;
            current = setups[index] ?? { params: {}, headers: {} };
            onReplay?.(kept[index]?.description ?? '');
            return current.params;
          },
        ];
      }),
    );
    const output = await new Verifier({
      provider: pact.provider.name,
      providerBaseUrl: baseUrl,
      pactUrls: [filtered],
      stateHandlers,
      requestFilter: (request: { headers: Record<string, unknown> }, _response: unknown, next: () => void) => {
        for (const [name, value] of Object.entries(current.headers)) {
          if (value === undefined) delete request.headers[name.toLowerCase()];
          else request.headers[name.toLowerCase()] = value;
        }
        next();
      },
      logLevel: 'error',
    })
      .verifyProvider()
      .then(
        (json) => json,
        (error: Error) => error.message,
      );
    applyVerifierOutput(output, pact, results);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return [...results.values()];
}

interface VerifierJson {
  result: boolean;
  errors?: { interaction: string; mismatch?: { type: string; message?: string; mismatches?: RawMismatch[] } }[];
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

function applyVerifierOutput(output: unknown, pact: PactFile, results: Map<string, InteractionResult>): void {
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

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A Verifier result as one route's cell of the report. */
export function routeResult(result: InteractionResult): RouteResult {
  return { outcome: result.outcome, ...(result.reason && { reason: result.reason }), mismatches: result.mismatches };
}
