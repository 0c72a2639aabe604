import { createVerisoulClient } from '@api-contracts/client';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { pactDir } from '../src/paths.js';
import { consumer, placeholderApiKey } from '../src/providers/provider.js';
import { verisoul } from '../src/providers/verisoul.js';

const { eachLike, fromProviderState, like, integer } = MatchersV3;
const ids = verisoul.examples;
const pact = new PactV4({ consumer, provider: verisoul.name, dir: pactDir, logLevel: 'error' });

const path = (accountId: string) => fromProviderState('/account/${accountId}/sessions', `/account/${accountId}/sessions`);
const accountPath = (accountId: string) => fromProviderState('/account/${accountId}', `/account/${accountId}`);
const headers = { 'x-api-key': like(placeholderApiKey) };
const client = (baseUrl: string) => createVerisoulClient({ apiKey: placeholderApiKey, environment: 'sandbox', baseUrl, retry: false });

describe('Verisoul consumer pact', () => {
  it('gets the sessions of an account that has some', async () => {
    await pact
      .addInteraction()
      .given(verisoul.state('an account with sessions'), { accountId: ids.accountId })
      .uponReceiving('a request for the sessions of an account')
      .withRequest('GET', path(ids.accountId), (request) => request.headers(headers))
      .willRespondWith(200, (response) =>
        response.jsonBody({
          request_id: like('e57b7c0f-34bc-4770-8ec7-71aacc72e5a4'),
          sessions: eachLike('56f9a065-1583-48af-a5c4-cd5921b21a12'),
        }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).getAccountSessions(ids.accountId);
        expect(result.sessions).toEqual(['56f9a065-1583-48af-a5c4-cd5921b21a12']);
      });
  });

  it('gets an empty list for an account without sessions', async () => {
    await pact
      .addInteraction()
      .given(verisoul.state('an account without sessions'), { accountId: ids.emptyAccountId })
      .uponReceiving('a request for the sessions of an account that has none')
      .withRequest('GET', path(ids.emptyAccountId), (request) => request.headers(headers))
      .willRespondWith(200, (response) => response.jsonBody({ request_id: like('0b8d3f5e-2f4a-4c61-9a51-3f0c7f1d2e11'), sessions: [] }))
      .executeTest(async (server) => {
        expect((await client(server.url).getAccountSessions(ids.emptyAccountId)).sessions).toEqual([]);
      });
  });

  it('gets a 400 "Account not found" for an unknown account', async () => {
    await pact
      .addInteraction()
      .given(verisoul.state('no account with that id'), { accountId: ids.unknownAccountId })
      .uponReceiving('a request for the sessions of an unknown account')
      .withRequest('GET', path(ids.unknownAccountId), (request) => request.headers(headers))
      .willRespondWith(400, (response) => response.jsonBody({ statusCode: integer(400), message: like('Account not found') }))
      .executeTest(async (server) => {
        await expect(client(server.url).getAccountSessions(ids.unknownAccountId)).rejects.toMatchObject({
          name: 'ApiError',
          status: 400,
          message: expect.stringContaining('Account not found'),
        });
      });
  });

  // getAccount: the definition declares no `required` list, so the pact asserts only what the client reads and
  // every account has: the request id and the account's id.
  it('gets an account', async () => {
    await pact
      .addInteraction()
      .given(verisoul.state('an account'), { accountId: ids.accountId })
      .uponReceiving('a request for an account')
      .withRequest('GET', accountPath(ids.accountId), (request) => request.headers(headers))
      .willRespondWith(200, (response) =>
        response.jsonBody({ request_id: like('81fca4e3-0111-45b8-a8eb-0c2b638e1d29'), account: { id: like('john-doe') } }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).getAccount(ids.accountId);
        expect(result.account?.id).toBe('john-doe');
      });
  });

  it('gets a 400 "Account not found" for an unknown account by id', async () => {
    await pact
      .addInteraction()
      .given(verisoul.state('no account with that id'), { accountId: ids.unknownAccountId })
      .uponReceiving('a request for an unknown account')
      .withRequest('GET', accountPath(ids.unknownAccountId), (request) => request.headers(headers))
      .willRespondWith(400, (response) => response.jsonBody({ statusCode: integer(400), message: like('Account not found') }))
      .executeTest(async (server) => {
        await expect(client(server.url).getAccount(ids.unknownAccountId)).rejects.toMatchObject({
          name: 'ApiError',
          status: 400,
          message: expect.stringContaining('Account not found'),
        });
      });
  });
});
