import { describe, expectTypeOf, it } from 'vitest';
import type { AgentSession, ListAgentSessionsQuery, ListAgentSessionsResponse, VectaraErrorCode } from '../src/vectara.js';
import type { AccountError, AccountSessionsResponse } from '../src/verisoul.js';

describe('named aliases', () => {
  it('types a Vectara page as the spec describes it', () => {
    expectTypeOf<ListAgentSessionsResponse['sessions']>().toEqualTypeOf<AgentSession[]>();
    expectTypeOf<AgentSession['created_at']>().toEqualTypeOf<string>();
    expectTypeOf<AgentSession['metadata']>().toEqualTypeOf<{ [key: string]: unknown } | undefined>();
    expectTypeOf<ListAgentSessionsQuery['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<VectaraErrorCode>().toEqualTypeOf<
      'invalid_request' | 'unauthorized' | 'forbidden' | 'agent_not_found' | 'rate_limit_exceeded'
    >();
  });

  it('types a Verisoul response and error', () => {
    expectTypeOf<AccountSessionsResponse>().toEqualTypeOf<{ request_id: string; sessions: string[] }>();
    expectTypeOf<AccountError['statusCode']>().toEqualTypeOf<number>();
  });
});
