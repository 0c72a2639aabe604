import { servers } from '@api-contracts/types/verisoul';
import { liveVariablesOf } from '../live-variables.mjs';
import { defineProvider, existingId, optionalId, unknownId } from './provider.js';

/** Verisoul's accounts (every operation of `specs/verisoul/openapi.yaml`); live runs go to the sandbox, the spec's first server. */
export const verisoul = defineProvider({
  api: 'verisoul',
  name: 'verisoul-account-api',
  servers,
  // The file the "Get Account Sessions" docs page embeds.
  definition: { url: 'https://docs.verisoul.ai/api-reference/account-openapi.json', variable: 'VERISOUL_DEFINITION' },
  // VERISOUL_API_KEY, VERISOUL_BASE_URL, VERISOUL_ACCOUNT_ID, VERISOUL_EMPTY_ACCOUNT_ID.
  variables: liveVariablesOf.verisoul,
  accessCheck: ({ accountId }) => ({ path: `/account/${encodeURIComponent(accountId ?? '')}/sessions` }),
  examples: {
    accountId: 'acct_with_sessions',
    emptyAccountId: 'acct_without_sessions',
    unknownAccountId: 'acct_does_not_exist',
  },
  states: {
    'an account with sessions': { prefer: 'code=200, example=account_sessions', live: existingId('accountId') },
    'an account without sessions': {
      prefer: 'code=200, example=no_sessions',
      live: optionalId('emptyAccountId', 'accountId', 'an account without sessions'),
    },
    // getAccount's 200; its 400 is "no account with that id", as for getAccountSessions.
    'an account': { prefer: 'code=200, example=account', live: existingId('accountId') },
    'no account with that id': { prefer: 'code=400', live: unknownId('accountId', 'acct_') },
  },
});

export default verisoul;
