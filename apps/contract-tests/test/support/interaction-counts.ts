/**
 * How many interactions the committed pacts hold, so tests that check a run's totals follow the pacts (and the
 * specs they grow with) instead of pinning numbers: ours per API, billing-service's (consumers/), and how many of
 * ours a live provider cannot be put in (their state's live set-up is a skip).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Api } from '@api-contracts/specs';
import type { PactFile } from '../../src/model.js';
import { pactFileOf } from '../../src/pact-file.js';
import { appDir } from '../../src/paths.js';
import type { Provider } from '../../src/providers/provider.js';
import { vectara } from '../../src/providers/vectara.js';
import { verisoul } from '../../src/providers/verisoul.js';

// The two APIs whose pacts are committed (a copy of the repo where `pnpm api:add` added a third still type-checks).
const providers: Partial<Record<Api, Provider>> = { verisoul, vectara };
const providerOf = (api: Api): Provider => {
  const provider = providers[api];
  if (!provider) throw new Error(`no committed pacts for ${api}`);
  return provider;
};
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PactFile;

const ourPact = (api: Api) => read(pactFileOf(providerOf(api)));
const liveSkipped = (api: Api, pact: PactFile) =>
  pact.interactions.filter((interaction) => {
    const state = (providerOf(api).states as Record<string, Provider['states'][string] | undefined>)[
      interaction.providerStates?.[0]?.name ?? ''
    ];
    return state !== undefined && typeof state.live !== 'function';
  }).length;

const billing = read(join(appDir, 'consumers/billing-service/billing-service-vectara-agents-api.json'));

export const interactionCounts = {
  ours: { verisoul: ourPact('verisoul').interactions.length, vectara: ourPact('vectara').interactions.length },
  /** Of ours, per API, those whose state a live provider cannot be put in. */
  oursLiveSkipped: { verisoul: liveSkipped('verisoul', ourPact('verisoul')), vectara: liveSkipped('vectara', ourPact('vectara')) },
  billingService: billing.interactions.length,
  /** Interactions of ours and billing-service's whose state a live provider cannot be put in. */
  liveSkipped: liveSkipped('verisoul', ourPact('verisoul')) + liveSkipped('vectara', ourPact('vectara')) + liveSkipped('vectara', billing),
};

/** Every interaction `pnpm contracts` verifies: ours of both APIs and billing-service's. */
export const allInteractions = interactionCounts.ours.verisoul + interactionCounts.ours.vectara + interactionCounts.billingService;
