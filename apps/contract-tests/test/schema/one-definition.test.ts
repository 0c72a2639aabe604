/**
 * The live schema check and the client's onDrift judge a body with the same generated validators
 * (`@api-contracts/types/<api>/validators`): for one drifted response, they flag the same places.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVectaraClient, type DriftReport } from '@api-contracts/client';
import { loadSpec } from '@api-contracts/specs';
import { responseValidators } from '@api-contracts/types/vectara/validators';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponseValidator } from '../../src/schema-check.js';

const path = '/v2/agents/{agent_key}/sessions';
const session = {
  key: 'ase_customer_support_001',
  name: 'Billing inquiry',
  agent_key: 'customer_support',
  enabled: true,
  created_at: '2024-01-15T10:30:00Z',
};
// `key` missing from the first session, a date that is not ISO 8601 in the second.
const { key: _dropped, ...keyless } = session;
const drifted = { sessions: [keyless, { ...session, created_at: '15/01/2024 10:30' }], metadata: {} };

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(body: unknown): Promise<string> {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('one definition of "matches the spec"', () => {
  it('flags the same pointers in the live check as in the client for a drifted session page', async () => {
    const reports: DriftReport[] = [];
    const client = createVectaraClient({
      apiKey: 'zqt_one_definition_test',
      baseUrl: await serve(drifted),
      responseValidators,
      onDrift: (report) => reports.push(report),
    });
    await client.listAgentSessions('customer_support');
    const clientPointers = reports.flatMap((report) => report.mismatches.map((mismatch) => mismatch.pointer));

    const findings = new ResponseValidator(loadSpec('vectara')).check(path, 'GET', 200, 'application/json', drifted);
    const breaking = findings.filter((finding) => finding.severity === 'breaking');

    expect(clientPointers.sort()).toEqual(['/sessions/0/key', '/sessions/1/created_at']);
    expect(breaking.map((finding) => finding.path).sort()).toEqual(clientPointers);
    expect(breaking).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/sessions/0/key', keyword: 'required', actual: 'absent' }),
        expect.objectContaining({ path: '/sessions/1/created_at', keyword: 'format', actual: '"15/01/2024 10:30"' }),
      ]),
    );
  });

  it('agrees that a body matching the spec has nothing to report', async () => {
    const reports: DriftReport[] = [];
    const body = { sessions: [session], metadata: {} };
    await createVectaraClient({
      apiKey: 'zqt_one_definition_test',
      baseUrl: await serve(body),
      responseValidators,
      onDrift: (r) => reports.push(r),
    }).listAgentSessions('customer_support');
    expect(reports).toEqual([]);
    expect(new ResponseValidator(loadSpec('vectara')).check(path, 'GET', 200, 'application/json', body)).toEqual([]);
  });
});
