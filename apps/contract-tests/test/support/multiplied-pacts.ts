/**
 * Many consumers' pacts for the scale test and the benchmark: each consumer `consumer-NN` gets pacts with
 * both providers, copies of our own pacts' interactions (the first `perConsumer` of them, Verisoul's then
 * Vectara's), each description suffixed with the consumer so every one is distinct. Written as consumer
 * repos hand theirs in: `<dir>/consumer-NN/consumer-NN-<provider>.json`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PactFile, PactInteraction } from '../../src/model.js';
import { pactFileOf } from '../../src/pact-file.js';
import { vectara } from '../../src/providers/vectara.js';
import { verisoul } from '../../src/providers/verisoul.js';

export const consumerName = (index: number) => `consumer-${String(index + 1).padStart(2, '0')}`;

/** Writes `consumers` consumers' pacts of `perConsumer` interactions each into `dir`; returns the interaction count. */
export async function writeMultipliedPacts(dir: string, { consumers, perConsumer = 12 }: { consumers: number; perConsumer?: number }) {
  const ours = await Promise.all(
    [verisoul, vectara].map(
      async (provider) => JSON.parse(await readFile(pactFileOf(provider), 'utf8')) as PactFile & Record<string, unknown>,
    ),
  );
  const pool = ours.flatMap((pact) => pact.interactions.map((interaction) => ({ pact, interaction })));
  const chosen = Array.from({ length: perConsumer }, (_, index) => pool[index % pool.length] as (typeof pool)[number]);
  for (let index = 0; index < consumers; index++) {
    const consumer = consumerName(index);
    await mkdir(join(dir, consumer), { recursive: true });
    for (const pact of ours) {
      const interactions: PactInteraction[] = chosen
        .filter((entry) => entry.pact === pact)
        .map(({ interaction }, at) => ({
          ...structuredClone(interaction),
          description: `${interaction.description} (${consumer} #${at + 1})`,
        }));
      if (interactions.length === 0) continue;
      // V4 interactions carry a key derived from the original; a copy must not claim it.
      for (const interaction of interactions) delete (interaction as { key?: string }).key;
      const file = join(dir, consumer, `${consumer}-${pact.provider.name}.json`);
      await writeFile(file, JSON.stringify({ ...pact, consumer: { name: consumer }, interactions }));
    }
  }
  return { interactions: consumers * perConsumer };
}
