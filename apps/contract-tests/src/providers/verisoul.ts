import { servers } from '@api-contracts/types/verisoul';
import { defineProvider, existingId, liveVariables, optionalId, unknownId } from './provider.js';

/** Verisoul's account sessions (`GET /account/{account_id}/sessions`); live runs go to the sandbox, the spec's first server. */
export const verisoul = defineProvider({
  api: 'verisoul',
  name: 'verisoul-account-api',
  servers,
  // The file the "Get Account Sessions" docs page embeds.
  definition: { url: 'https://docs.verisoul.ai/api-reference/account-openapi.json', variable: 'VERISOUL_DEFINITION' },
  // VERISOUL_API_KEY, VERISOUL_BASE_URL, VERISOUL_ACCOUNT_ID, VERISOUL_EMPTY_ACCOUNT_ID.
  variables: liveVariables('VERISOUL', { ids: { accountId: 'ACCOUNT_ID' }, optionalIds: { emptyAccountId: 'EMPTY_ACCOUNT_ID' } }),
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
    'no account with that id': { prefer: 'code=400', live: unknownId('accountId', 'acct_') },
  },
});

export default verisoul;
