import { responseValidators as vectaraValidators } from '@api-contracts/types/vectara/validators';
import { responseValidators as verisoulValidators } from '@api-contracts/types/verisoul/validators';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  ContractDriftError,
  createVectaraClient,
  createVerisoulClient,
  type DriftReport,
  isApiError,
  ValidationError,
} from '../../src/index.js';
import { apiKey, sendJson, session, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
afterEach(() => server?.close());

/** A stand-in that renames `key` to `session_key` in every session of every page (3 pages of 2 sessions). */
function renamingStandIn(headers: Record<string, string> = {}) {
  return startServer((request, response) => {
    const page = Number(new URL(request.url ?? '', 'http://x').searchParams.get('page_key') ?? 0);
    const sessions = [session(page * 2), session(page * 2 + 1)].map(({ key, ...rest }) => ({ session_key: key, ...rest }));
    sendJson(response, 200, { sessions, metadata: page < 2 ? { page_key: String(page + 1) } : {} }, headers);
  });
}

const renamedKey = (index: number) => ({
  pointer: `/sessions/${index}/key`,
  keyword: 'required',
  expected: 'present (required)',
  actual: undefined,
});

describe('onDrift: the client reports responses that do not match the spec', () => {
  it('receives one report per drifted response from a stand-in that renames a field, and the calls still return the data', async () => {
    server = await renamingStandIn();
    const reports: DriftReport[] = [];
    const client = createVectaraClient({
      apiKey,
      baseUrl: server.url,
      responseValidators: vectaraValidators,
      onDrift: (report) => reports.push(report),
    });

    const page = await client.listAgentSessions('customer_support');
    expect(page.sessions).toHaveLength(2);
    expect(page.sessions[0]).toMatchObject({ session_key: 'session_0', name: 'Session 0' });
    expect(reports).toEqual([{ operation: 'listAgentSessions', status: 200, mismatches: [renamedKey(0), renamedKey(1)] }]);

    reports.length = 0;
    const all = [];
    for await (const item of client.iterateAgentSessions('customer_support')) all.push(item);
    expect(all).toHaveLength(6);
    expect(reports).toHaveLength(3);
    expect(reports.every((report) => report.operation === 'listAgentSessions' && report.mismatches.length === 2)).toBe(true);
  });

  it('stays silent for responses that match the spec', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, { sessions: [session(1)], metadata: {} }));
    const reports: DriftReport[] = [];
    const client = createVectaraClient({
      apiKey,
      baseUrl: server.url,
      responseValidators: vectaraValidators,
      onDrift: (report) => reports.push(report),
    });
    await client.listAgentSessions('customer_support');
    await client.listAgentSessions('customer_support', { limit: 5 });
    expect(reports).toEqual([]);
  });

  it('says what it expected and what it found: type, format, enum', async () => {
    const drifted = { ...session(1), created_at: 'yesterday', status: 'paused', enabled: 'yes', tti_minutes: 1.5 };
    server = await startServer((_request, response) => sendJson(response, 200, { sessions: [drifted], metadata: { page_key: 7 } }));
    const reports: DriftReport[] = [];
    await createVectaraClient({
      apiKey,
      baseUrl: server.url,
      responseValidators: vectaraValidators,
      onDrift: (report) => reports.push(report),
    }).listAgentSessions('customer_support');
    expect(reports[0]?.mismatches).toEqual([
      { pointer: '/sessions/0/enabled', keyword: 'type', expected: 'must be boolean', actual: 'yes' },
      // The documented values, however many a capture of the provider's drift adds after them.
      {
        pointer: '/sessions/0/status',
        keyword: 'enum',
        expected: expect.stringMatching(/^one of "unstarted", "running", "stopped"/),
        actual: 'paused',
      },
      { pointer: '/sessions/0/tti_minutes', keyword: 'type', expected: 'must be integer', actual: 1.5 },
      { pointer: '/sessions/0/tti_minutes', keyword: 'format', expected: 'must match format "int64"', actual: 1.5 },
      { pointer: '/sessions/0/created_at', keyword: 'format', expected: 'must match format "date-time"', actual: 'yesterday' },
      { pointer: '/metadata/page_key', keyword: 'type', expected: 'must be string', actual: 7 },
    ]);
  });

  it('checks error bodies by their status too, and still throws the ApiError', async () => {
    server = await startServer((_request, response) => sendJson(response, 404, { id: 'customer_support', messages: 'Agent not found' }));
    const reports: DriftReport[] = [];
    const error = await createVectaraClient({
      apiKey,
      baseUrl: server.url,
      responseValidators: vectaraValidators,
      onDrift: (report) => reports.push(report),
    })
      .listAgentSessions('customer_support')
      .catch((caught: unknown) => caught);
    expect(isApiError(error, 404)).toBe(true);
    expect(reports).toEqual([
      {
        operation: 'listAgentSessions',
        status: 404,
        mismatches: [{ pointer: '/messages', keyword: 'type', expected: 'must be array', actual: 'Agent not found' }],
      },
    ]);
  });

  it('leaves a status the spec does not document alone (a gateway 502 is not the provider’s contract)', async () => {
    server = await startServer((_request, response) => sendJson(response, 502, '<html>bad gateway</html>'));
    const reports: DriftReport[] = [];
    const error = await createVectaraClient({
      apiKey,
      baseUrl: server.url,
      retry: false,
      responseValidators: vectaraValidators,
      onDrift: (report) => reports.push(report),
    })
      .listAgentSessions('customer_support')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(reports).toEqual([]);
  });

  it('reports Verisoul drift the same way', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, { request_id: 'r', session_ids: ['a'] }));
    const reports: DriftReport[] = [];
    const data = await createVerisoulClient({
      apiKey,
      environment: 'sandbox',
      baseUrl: server.url,
      responseValidators: verisoulValidators,
      onDrift: (report) => reports.push(report),
    }).getAccountSessions('acct_1');
    expect(data).toEqual({ request_id: 'r', session_ids: ['a'] });
    expect(reports).toEqual([
      {
        operation: 'getAccountSessions',
        status: 200,
        mismatches: [{ pointer: '/sessions', keyword: 'required', expected: 'present (required)', actual: undefined }],
      },
    ]);
  });

  it('never puts a header value or the key in a report, even when the provider echoes the key in a drifted field', async () => {
    server = await startServer((_request, response) =>
      sendJson(
        response,
        200,
        { sessions: [{ ...session(1), name: 42, description: 7, created_at: `bad ${apiKey}` }], metadata: {} },
        { 'x-request-id': 'hdr_SENTINEL_77' },
      ),
    );
    const reports: DriftReport[] = [];
    await createVectaraClient({
      apiKey,
      baseUrl: server.url,
      responseValidators: vectaraValidators,
      onDrift: (report) => reports.push(report),
    }).listAgentSessions('customer_support');
    const text = JSON.stringify(reports);
    expect(reports[0]?.mismatches.map((item) => item.pointer)).toEqual([
      '/sessions/0/name',
      '/sessions/0/description',
      '/sessions/0/created_at',
    ]);
    expect(reports[0]?.mismatches[2]?.actual).toBe('bad [REDACTED]');
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain('hdr_SENTINEL_77');
  });
});

describe("validateResponses: 'throw'", () => {
  it('throws a ContractDriftError carrying the report, after calling onDrift', async () => {
    server = await renamingStandIn();
    const reports: DriftReport[] = [];
    const error = await createVectaraClient({
      apiKey,
      baseUrl: server.url,
      responseValidators: vectaraValidators,
      validateResponses: 'throw',
      onDrift: (report) => reports.push(report),
    })
      .listAgentSessions('customer_support')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContractDriftError);
    expect(error).toMatchObject({ operation: 'listAgentSessions', status: 200, report: reports[0] });
    expect((error as Error).message).toBe(
      'listAgentSessions: HTTP 200 body does not match the spec at /sessions/0/key (present (required)) and 1 more place(s)',
    );
  });

  it('throws without onDrift, and keeps the ApiError of a drifted error body as its cause', async () => {
    server = await startServer((_request, response) => sendJson(response, 403, { messages: [1], request_id: 'r' }));
    const error = await createVectaraClient({
      apiKey,
      baseUrl: server.url,
      responseValidators: vectaraValidators,
      validateResponses: 'throw',
    })
      .listAgentSessions('customer_support')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContractDriftError);
    expect((error as Error).cause).toBeInstanceOf(ApiError);
    expect((error as ContractDriftError).report.mismatches).toEqual([
      { pointer: '/messages/0', keyword: 'type', expected: 'must be string', actual: 1 },
    ]);
  });
});

describe('off by default', () => {
  it('returns a drifted page as it came when the client was not asked to validate', async () => {
    server = await renamingStandIn();
    const page = await createVectaraClient({ apiKey, baseUrl: server.url }).listAgentSessions('customer_support');
    expect(page.sessions[0]).toMatchObject({ session_key: 'session_0' });
  });

  it.each([
    ['onDrift without responseValidators', { onDrift: () => {} }, 'responseValidators', 'required'],
    ["validateResponses: 'throw' without responseValidators", { validateResponses: 'throw' }, 'responseValidators', 'required'],
    ['an onDrift that is not a function', { responseValidators: vectaraValidators, onDrift: 'log' }, 'onDrift', 'type'],
    ['an unknown validateResponses', { responseValidators: vectaraValidators, validateResponses: 'warn' }, 'validateResponses', 'oneOf'],
  ])('refuses %s when the client is created', (_case, options, field, rule) => {
    expect(() => createVectaraClient({ apiKey, ...(options as object) })).toThrow(ValidationError);
    expect(() => createVectaraClient({ apiKey, ...(options as object) })).toThrow(expect.objectContaining({ field, rule }));
  });
});
