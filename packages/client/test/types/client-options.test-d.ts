import type { AgentSession, ListAgentSessionsResponse } from '@api-contracts/types/vectara';
import { responseValidators as vectaraValidators } from '@api-contracts/types/vectara/validators';
import type { AccountSessionsResponse } from '@api-contracts/types/verisoul';
import { responseValidators as verisoulValidators } from '@api-contracts/types/verisoul/validators';
import { describe, expectTypeOf, it } from 'vitest';
import { createVectaraClient, createVerisoulClient, type ListAgentSessionsOptions, type VectaraClient } from '../../src/index.js';
import { createVectaraClient as vectaraAlone } from '../../src/vectara.js';

declare const apiKey: string;
const oauth = { clientId: 'id', clientSecret: 'secret' };

describe('client options, as the type checker sees them', () => {
  it('Verisoul needs no environment when baseUrl is given, and one of the spec’s environments otherwise', () => {
    createVerisoulClient({ apiKey, baseUrl: 'http://127.0.0.1:8080' });
    createVerisoulClient({ apiKey, environment: 'production' });
    createVerisoulClient({ apiKey, environment: 'sandbox', baseUrl: 'http://127.0.0.1:8080' });
    // @ts-expect-error neither environment nor baseUrl
    createVerisoulClient({ apiKey });
    // @ts-expect-error not one of the spec's servers
    createVerisoulClient({ apiKey, environment: 'staging' });
    // @ts-expect-error the Verisoul spec offers no OAuth
    createVerisoulClient({ oauth, environment: 'sandbox' });
  });

  it('onDrift and validateResponses need responseValidators', () => {
    createVectaraClient({ apiKey, responseValidators: vectaraValidators, onDrift: () => {} });
    createVectaraClient({ apiKey, responseValidators: vectaraValidators, validateResponses: 'throw' });
    createVerisoulClient({ apiKey, environment: 'sandbox', responseValidators: verisoulValidators, onDrift: () => {} });
    // @ts-expect-error onDrift without responseValidators
    createVectaraClient({ apiKey, onDrift: () => {} });
    // @ts-expect-error validateResponses without responseValidators
    createVectaraClient({ oauth, validateResponses: 'throw' });
    // @ts-expect-error onDrift without responseValidators
    createVerisoulClient({ apiKey, environment: 'sandbox', onDrift: () => {} });
    // @ts-expect-error the other API's validators
    createVerisoulClient({ apiKey, environment: 'sandbox', responseValidators: vectaraValidators, onDrift: () => {} });
  });

  it('credentials: exactly one of apiKey and oauth', () => {
    createVectaraClient({ apiKey });
    createVectaraClient({ oauth });
    // @ts-expect-error no credentials
    createVectaraClient({ timeoutMs: 5_000 });
    // @ts-expect-error both
    createVectaraClient({ apiKey, oauth });
  });

  it('methods named by operationId, path parameters positional, the rest camel-cased in one options object', () => {
    const vectara = createVectaraClient({ apiKey });
    expectTypeOf(vectara.listAgentSessions).parameters.toEqualTypeOf<[agentKey: string, options?: ListAgentSessionsOptions]>();
    expectTypeOf(vectara.listAgentSessions).returns.resolves.toEqualTypeOf<ListAgentSessionsResponse>();
    expectTypeOf<ListAgentSessionsOptions>().toEqualTypeOf<{
      requestTimeout?: number;
      filter?: string;
      metadataFilter?: string;
      limit?: number;
      pageKey?: string;
      signal?: AbortSignal;
    }>();
    expectTypeOf(vectara.iterateAgentSessions('a')).toEqualTypeOf<AsyncGenerator<AgentSession, void, undefined>>();
    // @ts-expect-error the cursor is the helper's to fill
    vectara.iterateAgentSessions('a', { pageKey: 'p' });
    const verisoul = createVerisoulClient({ apiKey, environment: 'sandbox' });
    expectTypeOf(verisoul.getAccountSessions).returns.resolves.toEqualTypeOf<AccountSessionsResponse>();
    // The API's own entry point has the same client.
    expectTypeOf(vectaraAlone).returns.toEqualTypeOf<VectaraClient>();
  });
});
