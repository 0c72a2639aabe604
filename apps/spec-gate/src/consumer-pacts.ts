import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Whose pact: this repo's own consumer tests, or another internal repo's, handed in. */
export type PactOrigin = 'ours' | 'other';

export interface PactInteraction {
  description: string;
  request?: { method?: string; path?: string };
}

export interface ConsumerPact {
  consumer: string;
  provider: string;
  /** Relative to the repo root. */
  file: string;
  origin: PactOrigin;
  /** The pact file as read, handed to the comparator whole. */
  pact: { interactions: PactInteraction[] };
}

export interface PactSource {
  origin: PactOrigin;
  /** Relative to the repo root. */
  dir: string;
  exists: boolean;
  pacts: number;
}

export interface KnownPacts {
  sources: PactSource[];
  pacts: ConsumerPact[];
  /** Pact files that could not be read as pacts, with the reason. */
  unreadable: { file: string; reason: string }[];
}

// Where known consumers' pacts live: ours are written by `pnpm contracts` (pnpm pacts); other internal
// repos hand theirs in under consumers/, one folder per consumer.
export const pactSources: { origin: PactOrigin; dir: string; recursive: boolean }[] = [
  { origin: 'ours', dir: 'apps/contract-tests/pacts', recursive: false },
  { origin: 'other', dir: 'apps/contract-tests/consumers', recursive: true },
];

/** Every known consumer pact under `root`; a missing folder is reported as such, never an error. */
export async function findConsumerPacts(root: string): Promise<KnownPacts> {
  const known: KnownPacts = { sources: [], pacts: [], unreadable: [] };
  for (const { origin, dir, recursive } of pactSources) {
    const entries = await readdir(join(root, dir), { recursive }).catch(() => undefined);
    const files = (entries ?? []).filter((name) => name.endsWith('.json')).sort();
    known.sources.push({ origin, dir, exists: entries !== undefined, pacts: files.length });
    for (const name of files) {
      const file = relative(root, join(root, dir, name));
      const read = await readPact(join(root, file));
      if (typeof read === 'string') known.unreadable.push({ file, reason: read });
      else known.pacts.push({ ...read, file, origin });
    }
  }
  return known;
}

async function readPact(path: string): Promise<Omit<ConsumerPact, 'file' | 'origin'> | string> {
  let pact: { consumer?: { name?: unknown }; provider?: { name?: unknown }; interactions?: unknown };
  try {
    pact = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return `not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (typeof pact?.consumer?.name !== 'string') return 'no consumer.name';
  if (typeof pact.provider?.name !== 'string') return 'no provider.name';
  if (!Array.isArray(pact.interactions)) return 'no interactions array';
  return { consumer: pact.consumer.name, provider: pact.provider.name, pact: pact as ConsumerPact['pact'] };
}
