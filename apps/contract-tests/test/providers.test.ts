import { apis, loadSpec } from '@api-contracts/specs';
import { describe, expect, it } from 'vitest';
import { pactFileOf, readPact } from '../src/pact-file.js';
import { loadProvider } from '../src/providers/index.js';
import { vectara } from '../src/providers/vectara.js';

describe('provider descriptors', () => {
  it.each(apis.map((api) => [api]))('%s has one, named for it, with the spec’s first server as the default URL', async (api) => {
    const provider = await loadProvider(api);
    expect(provider.api).toBe(api);
    expect(provider.defaultBaseUrl).toBe(loadSpec(api).servers[0].url);
    // Every operation of the spec, derived from it: nothing lists them by hand.
    expect(provider.operations.length).toBe(Object.values(loadSpec(api).paths as object).flatMap((item) => Object.keys(item)).length);
    for (const operation of provider.operations) expect(operation).toMatch(/^GET \/\S+ \(\w+\)$/);
  });

  it.each(apis.map((api) => [api]))(
    '%s: every provider state its pact uses has a Prefer header and a live setup or skip reason',
    async (api) => {
      const provider = await loadProvider(api);
      const pact = await readPact(pactFileOf(provider));
      const used = new Set(pact?.interactions.flatMap((interaction) => interaction.providerStates?.map((state) => state.name) ?? []));
      expect(used.size).toBeGreaterThan(0);
      for (const state of used) {
        const definition = (provider.states as Record<string, (typeof provider.states)[string] | undefined>)[state];
        expect(definition?.prefer, state).toMatch(/^code=\d{3}/);
        expect(typeof definition?.live === 'function' || typeof definition?.live?.skip === 'string', state).toBe(true);
      }
    },
  );

  it('types state names: a typo fails typecheck, and at run time too', () => {
    expect(vectara.state('an agent with sessions')).toBe('an agent with sessions');
    // @ts-expect-error a misspelt state name is not a state of the Vectara descriptor
    expect(() => vectara.state('an agent with sesions')).toThrow('vectara has no provider state "an agent with sesions"');
  });
});
