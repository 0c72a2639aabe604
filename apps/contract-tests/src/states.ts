/**
 * The provider states the consumer pacts use, per API, and what each state means for each route:
 * - `prefer`: the Prism `Prefer` header that makes the mock answer as the state describes
 *   (a status code and/or a named example of the spec);
 * - `live`: whether a real provider can be driven into the state, and if not, why.
 * The example ids are the spec examples' ids, so a Prism example answer agrees with them.
 */
export const apiNames = ['verisoul', 'vectara'] as const;
export type ApiName = (typeof apiNames)[number];

export interface StateDefinition {
  prefer: string;
  /** Undefined when a live provider can be put in this state; else the reason it cannot. */
  liveSkipReason?: string;
}

export const consumer = 'api-contracts-client';

export const providers: Record<ApiName, string> = {
  verisoul: 'verisoul-account-api',
  vectara: 'vectara-agents-api',
};

export const examples = {
  verisoul: {
    accountId: 'acct_with_sessions',
    emptyAccountId: 'acct_without_sessions',
    unknownAccountId: 'acct_does_not_exist',
  },
  vectara: {
    agentKey: 'customer_support',
    emptyAgentKey: 'agent_without_sessions',
    unknownAgentKey: 'unknown_agent',
    pageKey: 'eyJzZXNzaW9uX2lkIjoiYXNlX2N1c3RvbWVyX3N1cHBvcnRfMDAzIn0=',
  },
} as const;

/** A placeholder written into pacts as the x-api-key example; the header is matched by type only. */
export const placeholderApiKey = 'placeholder-api-key';

export const states = {
  verisoul: {
    'an account with sessions': { prefer: 'code=200, example=account_sessions' },
    'an account without sessions': { prefer: 'code=200, example=no_sessions' },
    'no account with that id': { prefer: 'code=400' },
  },
  vectara: {
    'an agent with sessions': { prefer: 'code=200, example=customer_support' },
    'an agent with more than one page of sessions': { prefer: 'code=200, example=customer_support' },
    'an agent without sessions': { prefer: 'code=200, example=no_sessions' },
    'a page_key the provider does not recognise': { prefer: 'code=400' },
    'credentials the provider does not accept': { prefer: 'code=401' },
    'an agent the API key may not read': {
      prefer: 'code=403',
      liveSkipReason: 'a live provider cannot be put in this state without a second, restricted API key',
    },
    'no agent with that key': { prefer: 'code=404' },
    'the rate limit is exhausted': {
      prefer: 'code=429',
      liveSkipReason: 'exhausting the live rate limit on purpose would hurt other users of the key',
    },
  },
} as const satisfies Record<ApiName, Record<string, StateDefinition>>;

export type StateName<A extends ApiName> = keyof (typeof states)[A];

export function stateDefinition(api: ApiName, state: string): StateDefinition | undefined {
  return (states[api] as Record<string, StateDefinition>)[state];
}
