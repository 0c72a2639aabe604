import { servers } from '@api-contracts/types/vectara';
import { liveVariablesOf } from '../live-variables.mjs';
import type { SetupOutcome } from '../model.js';
import { defineProvider, existingId, type LiveStateContext, linkedIds, optionalId, unknownId } from './provider.js';

/**
 * "An agent with more than one page of sessions", established read-only: the count comes from a page of
 * two, independent of page_key, so a provider that stops sending page_key fails the paging interactions
 * rather than skipping them; only an agent that positively holds fewer than two sessions skips. The page_key
 * of a page of one goes to the next-page interaction. Both interactions of the state share one probe.
 */
async function moreThanOnePage(context: LiveStateContext): Promise<SetupOutcome> {
  const agentKey = context.ids.agentKey ?? '';
  const path = `/v2/agents/${encodeURIComponent(agentKey)}/sessions`;
  const probe = await context.once('paging', async (): Promise<{ skip: string } | { status: number; pageKey: unknown }> => {
    const two = await context.get(path, { limit: '2' });
    const sessions = (two.body as { sessions?: unknown } | undefined)?.sessions;
    if (two.status === 200 && Array.isArray(sessions) && sessions.length < 2) {
      return {
        skip: `${context.variables.ids.agentKey} holds ${sessions.length} session(s), so there is no second page: use an agent with at least two to verify paging`,
      };
    }
    const one = await context.get(path, { limit: '1' });
    return { status: one.status, pageKey: (one.body as { metadata?: { page_key?: unknown } } | undefined)?.metadata?.page_key };
  });
  if ('skip' in probe) return probe;
  const { pageKey, status } = probe;
  if (typeof pageKey === 'string' && pageKey !== '') return { params: { agentKey, pageKey }, headers: context.headers };
  // The page of one needs no page_key and shows the drift itself; the next page cannot be asked for.
  if (!('pageKey' in context.params)) return { params: { agentKey }, headers: context.headers };
  return {
    fail: {
      path: '$.metadata.page_key',
      expected: 'a page_key (the agent holds more than one session)',
      actual: pageKey === undefined ? `absent (HTTP ${status})` : JSON.stringify(pageKey),
      message: 'the first page of one session carried no usable page_key, so the next page could not be requested',
    },
  };
}

/** Vectara's agent sessions (every operation of `specs/vectara/openapi.yaml`): API key or OAuth2 client credentials. */
export const vectara = defineProvider({
  api: 'vectara',
  name: 'vectara-agents-api',
  servers,
  definition: { url: 'https://docs.vectara.com/vectara-oas-v2.yaml', variable: 'VECTARA_DEFINITION' },
  // VECTARA_API_KEY or VECTARA_CLIENT_ID + VECTARA_CLIENT_SECRET (+ VECTARA_TOKEN_URL), VECTARA_BASE_URL,
  // VECTARA_AGENT_KEY, VECTARA_EMPTY_AGENT_KEY.
  variables: liveVariablesOf.vectara,
  // How pages chain is the spec's `x-paging`, where a session key comes from its `links`; what only words say:
  // `filter`, "a regular expression against session names and descriptions".
  // The timeout headers have no example in the definition: the probe sends generous ones (the client's default is 10 s).
  probe: {
    regexFilters: [{ parameter: 'filter', fields: ['name', 'description'] }],
    values: { 'Request-Timeout': '30', 'Request-Timeout-Millis': '30000' },
  },
  accessCheck: ({ agentKey }) => ({ path: `/v2/agents/${encodeURIComponent(agentKey ?? '')}/sessions`, query: { limit: '1' } }),
  examples: {
    agentKey: 'customer_support',
    emptyAgentKey: 'agent_without_sessions',
    unknownAgentKey: 'unknown_agent',
    pageKey: 'eyJzZXNzaW9uX2lkIjoiYXNlX2N1c3RvbWVyX3N1cHBvcnRfMDAzIn0=',
    sessionKey: 'ase_customer_support_001',
    unknownSessionKey: 'ase_unknown_session',
  },
  states: {
    'an agent with sessions': { prefer: 'code=200, example=customer_support', live: existingId('agentKey') },
    'an agent with more than one page of sessions': { prefer: 'code=200, example=customer_support', live: moreThanOnePage },
    'an agent without sessions': {
      prefer: 'code=200, example=no_sessions',
      live: optionalId('emptyAgentKey', 'agentKey', 'an agent without sessions'),
    },
    'a page_key the provider does not recognise': { prefer: 'code=400', live: existingId('agentKey') },
    'credentials the provider does not accept': {
      prefer: 'code=401',
      live: ({ ids, refusedHeaders }) => ({ params: { agentKey: ids.agentKey ?? '' }, headers: refusedHeaders() }),
    },
    'an agent the API key may not read': {
      prefer: 'code=403',
      live: { skip: 'a live provider cannot be put in this state without a second, restricted API key' },
    },
    'no agent with that key': { prefer: 'code=404', live: unknownId('agentKey') },
    // getAgentSession: the session key is the first session of the agent's first page (the spec's link).
    'a session of the agent': { prefer: 'code=200, example=customer_support_session', live: linkedIds('vectara', 'getAgentSession') },
    'no session with that key': {
      prefer: 'code=404',
      live: ({ ids, missingId, headers }) => ({ params: { agentKey: ids.agentKey ?? '', sessionKey: missingId('ase_') }, headers }),
    },
    'a session the API key may not read': {
      prefer: 'code=403',
      live: { skip: 'a live provider cannot be put in this state without a second, restricted API key' },
    },
    'the rate limit is exhausted': {
      prefer: 'code=429',
      live: { skip: 'exhausting the live rate limit on purpose would hurt other users of the key' },
    },
  },
});

export default vectara;
