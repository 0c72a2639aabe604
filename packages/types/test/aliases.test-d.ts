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

// Aliases point at the right schemas, and each keeps what the spec documents today. Additions are the spec's
// to make (a capture of provider drift adds an optional field or an enum value): they must not fail these.
describe('named aliases', () => {
  it('types a Vectara page as the spec describes it', () => {
    expectTypeOf<ListAgentSessionsResponse['sessions']>().toEqualTypeOf<AgentSession[]>();
    expectTypeOf<AgentSession['created_at']>().toEqualTypeOf<string>();
    expectTypeOf<AgentSession['metadata']>().toEqualTypeOf<{ [key: string]: unknown } | undefined>();
    expectTypeOf<AgentSession['key']>().toEqualTypeOf<string>();
    expectTypeOf<AgentSession['name']>().toEqualTypeOf<string>();
    expectTypeOf<AgentSession['current_step_name']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<AgentSessionStatus>().toEqualTypeOf<NonNullable<AgentSession['status']>>();
    expectTypeOf<'unstarted' | 'running' | 'stopped'>().toExtend<AgentSessionStatus>();
    expectTypeOf<ListMetadata>().toEqualTypeOf<{ page_key?: string }>();
    expectTypeOf<ListAgentSessionsQuery['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<'filter' | 'metadata_filter' | 'limit' | 'page_key'>().toExtend<keyof ListAgentSessionsQuery>();
    expectTypeOf<VectaraNotFoundError>().toExtend<{ id?: string; messages?: string[]; request_id?: string }>();
    expectTypeOf<VectaraNotFoundError['id']>().toEqualTypeOf<string | undefined>();
  });

  it('types a Verisoul response and error', () => {
    expectTypeOf<AccountSessionsResponse>().toExtend<{ request_id: string; sessions: string[] }>();
    expectTypeOf<AccountSessionsResponse['sessions']>().toEqualTypeOf<string[]>();
    expectTypeOf<AccountError['statusCode']>().toEqualTypeOf<number>();
  });
});
