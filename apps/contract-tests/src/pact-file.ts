import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PactFile } from './model.js';
import { pactDir } from './paths.js';
import { consumer, type Provider } from './providers/provider.js';

/** Where the pact between the client and `provider` is written, as pact-js names it. */
export const pactFileOf = (provider: Pick<Provider, 'name'>, directory = pactDir) => join(directory, `${consumer}-${provider.name}.json`);

/** The pact at `file`, or undefined when there is none. */
export async function readPact(file: string): Promise<PactFile | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as PactFile);
}
