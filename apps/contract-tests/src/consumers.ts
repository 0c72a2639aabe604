/**
 * Whose pacts a run verifies. Ours (this repo's client, recorded into pacts/), other internal repos' handed
 * in under consumers/<consumer>/ (any JSON pact file, any depth: apps/spec-gate reads the same folder for
 * its blast radius), or every pact under a directory given with --pacts; and a Pact Broker's when one is
 * configured. Each pact belongs to one of our providers by its `provider.name`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Api } from '@api-contracts/specs';
import type { BrokerPact } from './broker.js';
import type { PactFile } from './model.js';
import { pactFileOf, readPact } from './pact-file.js';
import { appDir } from './paths.js';
import { consumer as ownConsumer, type Provider } from './providers/provider.js';

export { ownConsumer };

/** Where other internal repos hand in their pacts: one folder per consumer repo, its pact files inside. */
export const consumersDir = join(appDir, 'consumers');

/** Where a pact came from. */
export type PactOrigin = 'ours' | 'directory' | 'broker';

/** One pact to verify: a consumer's contract with one of our providers. */
export interface ConsumerPact {
  provider: Provider;
  /** `pact.consumer.name`; for a missing pact of ours, our consumer's; none when no consumer has a pact with the provider. */
  consumer?: string;
  origin: PactOrigin;
  /** Where it is read from (a broker's pact: a copy in the run's temporary directory). */
  pactFile: string;
  /** A broker's pact: its URL (what the report names). */
  url?: string;
  /** A broker's pact that is pending: its failures are reported, and do not fail the run. */
  pending?: boolean;
  /** Undefined: the pact is missing (`missing` says why). */
  pact: PactFile | undefined;
  missing?: string;
}

/** A file that was meant to be a pact and cannot be verified, with why. */
export interface PactProblem {
  file: string;
  reason: string;
}

export interface FoundPacts {
  pacts: ConsumerPact[];
  problems: PactProblem[];
}

const shown = (file: string) => relative(process.cwd(), file) || file;

/**
 * Every pact under `dir` (recursively, `.json` files, sorted) for the providers of `apis`. A file that is not
 * a pact, or is a pact of a provider we do not have, is a problem: handed in to be verified, it must not be
 * dropped in silence. Pacts of a provider not selected (`--api`) are left out quietly.
 */
export async function pactsUnder(dir: string, providers: Provider[], allProviders: Provider[] = providers): Promise<FoundPacts> {
  const found: FoundPacts = { pacts: [], problems: [] };
  const names = await readdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const name of names.filter((candidate) => candidate.endsWith('.json')).sort()) {
    const file = join(dir, name);
    let pact: Partial<PactFile>;
    try {
      pact = JSON.parse(await readFile(file, 'utf8')) as Partial<PactFile>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EISDIR') continue;
      found.problems.push({ file, reason: `not a pact: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    if (typeof pact?.consumer?.name !== 'string' || typeof pact.provider?.name !== 'string' || !Array.isArray(pact.interactions)) {
      found.problems.push({ file, reason: 'not a pact: it needs consumer.name, provider.name and an interactions array' });
      continue;
    }
    const provider = allProviders.find((candidate) => candidate.name === pact.provider?.name);
    if (!provider) {
      found.problems.push({
        file,
        reason: `pact with provider "${pact.provider.name}", which is none of ours (${allProviders.map((known) => known.name).join(', ')})`,
      });
      continue;
    }
    if (!providers.includes(provider)) continue;
    found.pacts.push({ provider, consumer: pact.consumer.name, origin: 'directory', pactFile: file, pact: pact as PactFile });
  }
  return found;
}

/** Our pact with `provider` in pacts/ (or `dir`), or a missing one saying how to record it. */
export async function ownPact(provider: Provider, dir?: string): Promise<ConsumerPact> {
  const pactFile = pactFileOf(provider, dir);
  const pact = await readPact(pactFile);
  return {
    provider,
    consumer: ownConsumer,
    origin: 'ours',
    pactFile,
    pact,
    ...(!pact && {
      missing: `no pact at ${shown(pactFile)}: run \`pnpm --filter @api-contracts/contract-tests pacts\` (pnpm contracts does)`,
    }),
  };
}

/** A selected provider no pact under `dir` is for: reported not run, never passed. */
export function noPactFor(provider: Provider, dir: string): ConsumerPact {
  return {
    provider,
    origin: 'directory',
    pactFile: dir,
    pact: undefined,
    missing: `no pact with ${provider.name} under ${shown(dir)}`,
  };
}

/** A broker's pact, read from its copy in `file`. */
export function brokerPact(provider: Provider, { url, pending, pact }: BrokerPact, file: string): ConsumerPact {
  return { provider, consumer: pact.consumer.name, origin: 'broker', pactFile: file, url, pending, pact };
}

/** `vectara 10 interactions` per API, summed over the pacts. */
export function interactionCounts(pacts: ConsumerPact[], apis: readonly Api[]): string {
  return apis
    .map((api) => {
      const ofApi = pacts.filter((entry) => entry.provider.api === api);
      if (ofApi.every((entry) => entry.pact === undefined)) return `${api} missing`;
      return `${api} ${plural(
        ofApi.reduce((count, entry) => count + (entry.pact?.interactions.length ?? 0), 0),
        'interaction',
      )}`;
    })
    .join(', ');
}

/** `1 interaction`, `3 interactions`. */
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
