// The command against definitions written for each case, served by a local HTTP server as the providers'
// docs sites serve theirs: what it reports and how it exits (0 no new breaking difference, 1 a new breaking
// one, 2 could not run).
import { readFileSync } from 'node:fs';
import { specPath } from '@api-contracts/specs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, type DefinitionServer, serveDefinitions } from './support/definition-server.js';
import { agentSession, listAgentSessions, vectaraDefinition, vectaraText, vectaraWith, verisoulText } from './support/definitions.js';
import { type KnownDifferences, knownDifferences } from './support/known-differences.js';
import { runVendorCli, runVendorInProcess, type VendorRun } from './support/vendor-cli.js';

const renamedPath = '/v2/agents/{agent_key}/conversations';

let server: DefinitionServer;
let known: { vectara: KnownDifferences; verisoul: KnownDifferences; explained: number };
beforeAll(async () => {
  const [vectara, verisoul] = await Promise.all([knownDifferences('vectara'), knownDifferences('verisoul')]);
  known = { vectara, verisoul, explained: vectara.total + verisoul.total };
  server = await serveDefinitions({
    '/verisoul/account-openapi.json': { body: verisoulText(), contentType: 'application/json' },
    '/vectara/as-published.yaml': { body: vectaraText() },
    '/vectara/added-optional-field.yaml': {
      body: vectaraWith((document) => {
        agentSession(document).properties.labels = { type: 'array', items: { type: 'string' }, description: 'Labels of the session.' };
      }),
    },
    '/vectara/removed-field.yaml': {
      body: vectaraWith((document) => {
        const session = agentSession(document);
        delete session.properties.name;
        session.required = session.required.filter((name: string) => name !== 'name');
      }),
    },
    '/vectara/changed-type.yaml': {
      body: vectaraWith((document) => {
        agentSession(document).properties.tti_minutes = { type: 'string', description: 'Now an ISO 8601 duration.' };
      }),
    },
    '/vectara/new-required-parameter.yaml': {
      body: vectaraWith((document) => {
        listAgentSessions(document).parameters.push({ in: 'query', name: 'corpus_key', required: true, schema: { type: 'string' } });
      }),
    },
    '/vectara/renamed-operation.yaml': {
      body: vectaraWith((document) => {
        document.paths[renamedPath] = document.paths['/v2/agents/{agent_key}/sessions'];
        delete document.paths['/v2/agents/{agent_key}/sessions'];
      }),
    },
    '/vectara/operation-missing.yaml': {
      body: vectaraWith((document) => {
        document.paths = { '/v2/agents': { get: { operationId: 'listAgents', responses: { 200: { description: 'Agents.' } } } } };
      }),
    },
    '/vectara/html.yaml': {
      body: '<!DOCTYPE html>\n<html><head><title>Vectara Docs</title></head><body>Moved to the new portal.</body></html>',
      contentType: 'text/html',
    },
    '/vectara/swagger-2.yaml': { body: 'swagger: "2.0"\ninfo: {title: Vectara, version: "1"}\npaths: {}\n' },
    '/vectara/not-yaml.yaml': { body: 'openapi: 3.0.0\npaths: {\n  unclosed: [\n' },
  });
});
afterAll(() => server.close());

/**
 * Vectara served from `path`, Verisoul's definition as published (it shows no new difference). In process by
 * default; the cases that prove the command's process (its exit code, what it prints, what it keeps out of its
 * output) run it as a child process, `runVendorCli`.
 */
const runVectara = (path: string, env: Record<string, string> = {}, run = runVendorInProcess) =>
  run({ VECTARA_DEFINITION: server.url(path), VERISOUL_DEFINITION: server.url('/verisoul/account-openapi.json'), ...env });

const newChanges = (run: VendorRun) =>
  run.report?.apis
    .flatMap((result) => result.changes.filter((change) => !change.acknowledged))
    .map((change) => ({
      api: change.api,
      rule: change.rule,
      severity: change.severity,
      status: change.status,
      path: change.path,
      expected: change.expected,
      actual: change.actual,
    }));

describe('differences in a served definition', () => {
  it('as published: exits 0, every difference explained, both definitions fetched over HTTP', async () => {
    const run = await runVectara('/vectara/as-published.yaml', {}, runVendorCli);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.report?.summary).toMatchObject({ newBreaking: 0, newAdditive: 0, explained: known.explained, stale: 0 });
    expect(run.report?.apis.map((result) => result.definition?.source)).toEqual([
      server.url('/verisoul/account-openapi.json'),
      server.url('/vectara/as-published.yaml'),
    ]);
  });

  it('an added optional response field is additive: listed as NEW, exit 0', async () => {
    const run = await runVectara('/vectara/added-optional-field.yaml');
    expect(run.exitCode, run.all).toBe(0);
    // AgentSession is getAgentSession's 200 body too: one change per operation.
    expect(newChanges(run)).toEqual([
      {
        api: 'vectara',
        rule: 'response-property-added',
        severity: 'additive',
        status: '200',
        path: '$.labels',
        expected: '(absent)',
        actual: 'array of string',
      },
      {
        api: 'vectara',
        rule: 'response-property-added',
        severity: 'additive',
        status: '200',
        path: '$.sessions[].labels',
        expected: '(absent)',
        actual: 'array of string',
      },
    ]);
    expect(run.stdout).toMatch(
      /vectara\s+listAgentSessions\s+response-property-added\s+additive\s+200 \$\.sessions\[\]\.labels\s+\(absent\)\s+array of string\s+NEW/,
    );
    expect(run.stdout).toContain(
      `vendor run: 0 new breaking, 2 new additive, ${known.explained} explained: no unexplained breaking difference (exit 0)`,
    );
  });

  it('a removed response field is breaking: exit 1 naming the pointer, and an annotation on our spec’s line', async () => {
    const run = await runVectara('/vectara/removed-field.yaml', { GITHUB_ACTIONS: 'true' }, runVendorCli);
    expect(run.exitCode, run.all).toBe(1);
    // AgentSession is getAgentSession's 200 body too: one change per operation.
    expect(newChanges(run)).toEqual([
      {
        api: 'vectara',
        rule: 'response-property-removed',
        severity: 'breaking',
        status: '200',
        path: '$.name',
        expected: 'string',
        actual: '(absent)',
      },
      {
        api: 'vectara',
        rule: 'response-property-removed',
        severity: 'breaking',
        status: '200',
        path: '$.sessions[].name',
        expected: 'string',
        actual: '(absent)',
      },
    ]);
    expect(run.stdout).toMatch(
      /vectara\s+listAgentSessions\s+response-property-removed\s+breaking\s+200 \$\.sessions\[\]\.name\s+string\s+\(absent\)\s+NEW/,
    );
    expect(run.stdout).toContain(
      `vendor run: 2 new breaking, 0 new additive, ${known.explained} explained: a NEW BREAKING difference (exit 1)`,
    );
    expect(run.markdown).toContain('Result: **a NEW BREAKING difference** (exit 1)');
    expect(run.markdown).toContain(`**vectara: 2 breaking, 0 additive changes, ${known.vectara.total} acknowledged**`);
    expect(run.markdown).toMatch(/\| vectara \| getAgentSession \| 200 \| `\$\.name` \| `response-property-removed` \| breaking \|/);
    expect(run.markdown).toMatch(
      /\| vectara \| listAgentSessions \| 200 \| `\$\.sessions\[\]\.name` \| `response-property-removed` \| breaking \|/,
    );
    // The new difference, as an error on the line of `name:` under AgentSession in specs/vectara/openapi.yaml, once
    // for each operation.
    const lines = readFileSync(specPath('vectara'), 'utf8').split('\n');
    const nameLine = lines.findIndex((line, index) => line === '        name:' && index > lines.indexOf('    AgentSession:')) + 1;
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(2);
    expect(annotations[1]).toMatch(
      new RegExp(
        `^::error file=specs/vectara/openapi.yaml,line=${nameLine},title=response-property-removed::.*\\$\\.sessions\\[\\]\\.name`,
      ),
    );
    expect(annotations[0]).toMatch(
      new RegExp(
        `^::error file=specs/vectara/openapi.yaml,line=${nameLine},title=response-property-removed::.*\\$\\.name \\(getAgentSession 200\\)`,
      ),
    );
  });

  it('a changed response type is breaking: exit 1', async () => {
    const run = await runVectara('/vectara/changed-type.yaml');
    expect(run.exitCode, run.all).toBe(1);
    // AgentSession is getAgentSession's 200 body too: one change per operation.
    expect(newChanges(run)).toEqual([
      {
        api: 'vectara',
        rule: 'response-property-type-changed',
        severity: 'breaking',
        status: '200',
        path: '$.tti_minutes',
        expected: 'integer',
        actual: 'string',
      },
      {
        api: 'vectara',
        rule: 'response-property-type-changed',
        severity: 'breaking',
        status: '200',
        path: '$.sessions[].tti_minutes',
        expected: 'integer',
        actual: 'string',
      },
    ]);
  });

  it('a new required parameter is breaking: exit 1', async () => {
    const run = await runVectara('/vectara/new-required-parameter.yaml');
    expect(run.exitCode, run.all).toBe(1);
    expect(newChanges(run)).toEqual([
      {
        api: 'vectara',
        rule: 'request-parameter-added-required',
        severity: 'breaking',
        status: undefined,
        path: 'parameter:query:corpus_key',
        expected: '(absent)',
        actual: 'required query string',
      },
    ]);
    expect(run.stdout).toMatch(/vectara\s+listAgentSessions\s+request-parameter-added-required\s+breaking\s+parameter:query:corpus_key/);
  });

  // Our operationId answering at another path is the vendor moving what our client calls: drift (exit 1),
  // with where it went. Only when neither the route nor the operationId is found is it "operation missing",
  // exit 2: then the document may simply not be this API's definition, and a person must look.
  it('a renamed operation (our operationId at another path) is breaking: exit 1, saying where it went', async () => {
    const run = await runVectara('/vectara/renamed-operation.yaml');
    expect(run.exitCode, run.all).toBe(1);
    expect(newChanges(run)).toEqual([
      {
        api: 'vectara',
        rule: 'operation-removed',
        severity: 'breaking',
        status: undefined,
        path: 'operation',
        expected: 'GET /v2/agents/{agent_key}/sessions',
        actual: `GET /v2/agents/{agent_key}/sessions (absent); listAgentSessions is GET ${renamedPath}`,
      },
    ]);
    // Its explained differences went with it: its entries are stale, and said so; getAgentSession's still explained.
    const summary = run.report?.summary;
    expect(summary).toMatchObject({ newBreaking: 1 });
    expect((summary?.explained ?? 0) + (summary?.stale ?? 0)).toBe(known.verisoul.total + known.vectara.total);
    expect(summary?.stale).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/vendor-differences\.yaml: acknowledgement 2db0398474e2 .* matches no change of this run/);
  });

  it('an operation missing altogether could not run: exit 2, never a pass', async () => {
    const run = await runVectara('/vectara/operation-missing.yaml');
    expect(run.exitCode, run.all).toBe(2);
    expect(run.stdout).toContain(
      `vectara: NOT RUN: ${server.url('/vectara/operation-missing.yaml')} has no GET /v2/agents/{agent_key}/sessions and no operation listAgentSessions`,
    );
    expect(run.stdout).toContain('NOT RUN in full (see above) (exit 2)');
  });
});

describe('definitions that cannot be compared: exit 2, said clearly', () => {
  it.each([
    ['a 404', '/vectara/gone.yaml', (url: string) => `could not fetch ${url}: HTTP 404 Not Found`],
    [
      'HTML instead of YAML',
      '/vectara/html.yaml',
      (url: string) => `${url} is not an OpenAPI document: it is HTML or XML (starts with "<!DOCTYPE html>`,
    ],
    ['a Swagger 2 document', '/vectara/swagger-2.yaml', (url: string) => `${url} is not an OpenAPI 3 document (swagger 2.0)`],
    [
      'text that does not parse',
      '/vectara/not-yaml.yaml',
      (url: string) => `${url} is not an OpenAPI document: it does not parse as JSON or YAML`,
    ],
  ])('%s', async (_case, path, message) => {
    const run = await runVectara(path);
    expect(run.exitCode, run.all).toBe(2);
    expect(run.stdout).toContain(`vectara: NOT RUN: ${message(server.url(path))}`);
    expect(run.report?.apis.find((result) => result.api === 'vectara')).toMatchObject({ outcome: 'not-run', changes: [] });
    expect(run.report?.summary.notRun).toBe(1);
  });

  it('an unreachable URL', async () => {
    const port = await closedPort();
    const run = await runVendorInProcess({ VECTARA_DEFINITION: `http://127.0.0.1:${port}/vectara-oas-v2.yaml` }, ['--api', 'vectara']);
    expect(run.exitCode, run.all).toBe(2);
    expect(run.stdout).toContain(
      `vectara: NOT RUN: could not fetch http://127.0.0.1:${port}/vectara-oas-v2.yaml: unreachable: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  it('a missing local file, named with the variable it came from', async () => {
    const run = await runVendorInProcess({ VERISOUL_DEFINITION: '/nonexistent/account-openapi.json' }, ['--api', 'verisoul']);
    expect(run.exitCode, run.all).toBe(2);
    expect(run.stdout).toMatch(
      /verisoul: NOT RUN: could not read \/nonexistent\/account-openapi\.json: .*ENOENT.* \(from VERISOUL_DEFINITION\)/,
    );
  });

  it('breaking drift in one API outranks the other not running: exit 1', async () => {
    const port = await closedPort();
    const run = await runVendorInProcess({
      VECTARA_DEFINITION: server.url('/vectara/removed-field.yaml'),
      VERISOUL_DEFINITION: `http://127.0.0.1:${port}/account-openapi.json`,
    });
    expect(run.exitCode, run.all).toBe(1);
    // The removed field of AgentSession: one change for each operation that answers it.
    expect(run.report?.summary).toMatchObject({ newBreaking: 2, notRun: 1 });
  });

  it('a URL’s credentials and query never appear in the output', async () => {
    const run = await runVendorCli(
      { VECTARA_DEFINITION: `${server.url('/vectara/gone.yaml').replace('http://', 'http://user:s3cret-token@')}?token=s3cret-token` },
      ['--api', 'vectara'],
    );
    expect(run.exitCode, run.all).toBe(2);
    expect(server.authorizations.at(-1)).toBe(`Basic ${Buffer.from('user:s3cret-token').toString('base64')}`);
    expect(run.all).not.toContain('s3cret-token');
    expect(JSON.stringify(run.report)).not.toContain('s3cret-token');
    expect(run.stdout).toContain(`could not fetch ${server.url('/vectara/gone.yaml')}?…: HTTP 404`);
  });

  it('an unknown --api is refused before anything is fetched', async () => {
    const before = server.requests.length;
    const run = await runVendorCli({ VECTARA_DEFINITION: server.url('/vectara/as-published.yaml') }, ['--api', 'stripe']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('contracts:vendor could not run: --api stripe: unknown API, expected verisoul or vectara');
    expect(server.requests.length).toBe(before);
  });
});

// Keeps the fixture honest: the served copy is the committed one, parsed (not an accident of serialisation).
it('serves the committed fixture unchanged', () => {
  expect(listAgentSessions(vectaraDefinition()).operationId).toBe('listAgentSessions');
});
