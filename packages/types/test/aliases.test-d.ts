import { describe, expectTypeOf, it } from 'vitest';
import type {
  AgentSession,
  AgentSessionStatus,
  ListAgentSessionsQuery,
  ListAgentSessionsResponse,
  ListMetadata,
  VectaraNotFoundError,
} from '../src/vectara.js';
import type { AccountError, AccountSessionsResponse } from '../src/verisoul.js';

describe('named aliases', () => {
  it('types a Vectara page as the spec describes it', () => {
    expectTypeOf<ListAgentSessionsResponse['sessions']>().toEqualTypeOf<AgentSession[]>();
    expectTypeOf<AgentSession['created_at']>().toEqualTypeOf<string>();
    expectTypeOf<AgentSession['metadata']>().toEqualTypeOf<{ [key: string]: unknown } | undefined>();
    expectTypeOf<AgentSession['key']>().toEqualTypeOf<string>();
    expectTypeOf<AgentSession['name']>().toEqualTypeOf<string>();
    expectTypeOf<AgentSession['current_step_name']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<AgentSessionStatus>().toEqualTypeOf<'unstarted' | 'running' | 'stopped'>();
    expectTypeOf<ListMetadata>().toEqualTypeOf<{ page_key?: string }>();
    expectTypeOf<ListAgentSessionsQuery['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<keyof ListAgentSessionsQuery>().toEqualTypeOf<'filter' | 'metadata_filter' | 'limit' | 'page_key'>();
    expectTypeOf<VectaraNotFoundError>().toEqualTypeOf<{ id?: string; messages?: string[]; request_id?: string }>();
  });

  it('types a Verisoul response and error', () => {
    expectTypeOf<AccountSessionsResponse>().toEqualTypeOf<{ request_id: string; sessions: string[] }>();
    expectTypeOf<AccountError['statusCode']>().toEqualTypeOf<number>();
  });
});
