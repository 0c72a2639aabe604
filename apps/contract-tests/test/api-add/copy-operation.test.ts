/**
 * `pnpm api:add`'s copy, in process: an operation and every component it reaches inserted, the rest of the spec
 * byte for byte; an operation already there; a same-named component that differs; an unknown operationId; a
 * definition without operationIds ("METHOD /path"); a new API's spec; and the command itself against a
 * definition served from 127.0.0.1 (no generators: the end-to-end test runs them).
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addOperation } from '../../src/api-add/cli.js';
import { CopyRefused, type CopyResult, copyOperation, derivedOperationId } from '../../src/api-add/copy-operation.js';
import { repositoryRoot } from '../../src/paths.js';
import { type DefinitionServer, serveDefinitions } from '../vendor/support/definition-server.js';
import { verisoulText } from '../vendor/support/definitions.js';

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are read generically in tests.
type Json = any;

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const definitionText = await readFile(fixture('acme-definition.yaml'), 'utf8');
const specText = await readFile(fixture('acme-spec.yaml'), 'utf8');
const definition = () => load(definitionText) as Json;
const seen = { source: 'https://docs.acme.example/openapi.yaml', on: '2026-03-04' };
const mark = 'Copied by pnpm api:add from https://docs.acme.example/openapi.yaml on 2026-03-04.';

function copied(result: CopyResult): Extract<CopyResult, { outcome: 'copied' }> {
  if (result.outcome !== 'copied') throw new Error(`expected a copy, got ${result.outcome}`);
  return result;
}

/** Whether `old` is `text` with only whole lines taken out: every old line, in order, in the new text. */
function onlyInsertedLines(old: string, text: string): boolean {
  const added = text.split('\n');
  let at = 0;
  for (const line of old.split('\n')) {
    while (at < added.length && added[at] !== line) at++;
    if (at === added.length) return false;
    at++;
  }
  return true;
}

describe('copying an operation of the definition', () => {
  it('inserts the operation (path-level parameters folded in) and each component it reaches, marked; the rest byte for byte', () => {
    const result = copied(copyOperation({ specText, definition: definition(), operation: 'getWidget', ...seen }));
    expect(onlyInsertedLines(specText, result.text)).toBe(true);
    expect(result.text.length).toBeGreaterThan(specText.length);
    const spec = parse(result.text);
    const operation = spec.paths['/widgets/{widget_id}'].get;
    expect(operation.operationId).toBe('getWidget');
    expect(operation.description).toBe(mark);
    expect(operation.parameters).toEqual([{ name: 'widget_id', in: 'path', required: true, schema: { type: 'string' } }]);
    // Widget is ours (kept); Error is new; Size is reached only through the definition's Widget, which is not copied.
    expect(result.inserted).toEqual(['#/components/schemas/Error']);
    expect(result.keptDiffering).toEqual(['#/components/schemas/Widget']);
    expect(spec.components.schemas.Error).toEqual({ description: mark, type: 'object', properties: { message: { type: 'string' } } });
    expect(spec.components.schemas.Size).toBeUndefined();
    expect(spec.components.schemas.Unused).toBeUndefined();
    // The same security as ours: the operation does not repeat it.
    expect(operation.security).toBeUndefined();
    expect(result.statuses).toEqual(['200', '404']);
  });

  it('creates the component kinds the spec lacks (responses) and walks refs through them', () => {
    const bare = specText.replace(/ {2}parameters:\n {4}Limit:\n(?: {6}.*\n)+/, '');
    const result = copied(
      copyOperation({
        specText: bare.replace('/widgets:\n    get:\n      operationId: listWidgets', '/things:\n    get:\n      operationId: listThings'),
        definition: definition(),
        operation: 'listWidgets',
        ...seen,
      }),
    );
    const spec = parse(result.text);
    expect(Object.keys(spec.paths)).toEqual(['/things', '/widgets']);
    expect(result.inserted.sort()).toEqual([
      '#/components/parameters/Limit',
      '#/components/responses/Unauthorized',
      '#/components/schemas/Error',
    ]);
    expect(spec.components.responses.Unauthorized.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(spec.paths['/widgets'].get.responses['200'].content['application/json'].example.widgets[0].id).toBe('wid_1');
  });

  it('leaves a spec that already has the operation as it is', () => {
    const once = copied(copyOperation({ specText, definition: definition(), operation: 'getWidget', ...seen }));
    expect(copyOperation({ specText: once.text, definition: definition(), operation: 'getWidget', ...seen })).toEqual({
      outcome: 'already',
      operationId: 'getWidget',
      method: 'get',
      path: '/widgets/{widget_id}',
    });
    expect(copyOperation({ specText, definition: definition(), operation: 'GET /widgets', ...seen }).outcome).toBe('already');
  });

  it('never overwrites a same-named component that differs: ours stays byte for byte, and it is listed', () => {
    const changed = definition();
    changed.components.schemas.WidgetList.properties.total = { type: 'integer' };
    const spec = specText.replace('operationId: listWidgets', 'operationId: listWidgetsOld').replace('/widgets:', '/old-widgets:');
    const result = copied(copyOperation({ specText: spec, definition: changed, operation: 'listWidgets', ...seen }));
    expect(result.keptDiffering).toContain('#/components/schemas/WidgetList');
    expect(parse(result.text).components.schemas.WidgetList.properties.total).toBeUndefined();
    expect(onlyInsertedLines(spec, result.text)).toBe(true);
  });

  it('refuses an unknown operationId, listing the ones the definition has', () => {
    expect(() => copyOperation({ specText, definition: definition(), operation: 'getWidgett', ...seen })).toThrow(
      new CopyRefused(
        '--operation "getWidgett": the definition has no such operation (an operationId; or "METHOD /path"). It has 2: getWidget, listWidgets',
      ),
    );
  });

  it('takes "METHOD /path" from a definition without operationIds, naming the operation (derived or --name), marked as ours', () => {
    const verisoul = JSON.parse(verisoulText());
    const derived = copied(copyOperation({ specText: undefined, definition: verisoul, operation: 'GET /account/{account_id}', ...seen }));
    expect(derived.operationId).toBe('getAccount');
    expect(derived.ourOperationId).toBe(true);
    const spec = parse(derived.text);
    expect(spec.paths['/account/{account_id}'].get.description).toContain('The operationId is ours: the definition gives none.');
    const named = copied(
      copyOperation({ specText: undefined, definition: verisoul, operation: 'get /account/{account_id}', name: 'fetchAccount', ...seen }),
    );
    expect(named.operationId).toBe('fetchAccount');
    expect(derivedOperationId('get', '/v2/agents/{agent_key}/sessions')).toBe('getV2AgentsSessions');
    expect(() => copyOperation({ specText: undefined, definition: verisoul, operation: 'GET /account', ...seen })).toThrow(
      /no such operation\. It has \d+: .*GET \/account\/\{account_id\}/,
    );
  });

  it("writes a new API's spec: 3.0.3, the definition's info and servers, the security it needs, the operation and its components", () => {
    const result = copied(copyOperation({ specText: undefined, definition: definition(), operation: 'listWidgets', ...seen }));
    expect(result.text.startsWith(`# Copied by pnpm api:add from ${seen.source} on ${seen.on}`)).toBe(true);
    const spec = parse(result.text);
    expect(spec.openapi).toBe('3.0.3');
    expect(spec.info).toEqual({ title: 'Acme Widgets API', description: 'Widgets, by Acme.', version: '2.1.0' });
    expect(spec.servers).toEqual([{ url: 'https://api.acme.example', description: 'Production' }]);
    expect(spec.security).toEqual([{ ApiKey: [] }]);
    expect(spec.tags).toEqual([{ name: 'Widgets', description: 'Widgets of the account.' }]);
    expect(Object.keys(spec.components.schemas).sort()).toEqual(['Error', 'Size', 'Widget', 'WidgetList']);
    expect(spec.components.securitySchemes.ApiKey.description).toBe(mark);
    expect(spec.paths['/widgets'].get.security).toBeUndefined();
  });
});

describe('pnpm api:add, in a scratch repository (generators off)', () => {
  let root: string;
  let server: DefinitionServer;
  const logged: string[] = [];
  const add = (api: string, operation: string, definitionUrl = server.url('/openapi.yaml')) =>
    addOperation({
      api,
      operation,
      definition: definitionUrl,
      root,
      regenerate: false,
      on: '2026-03-04',
      log: (line) => logged.push(line),
    });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'api-add-test-'));
    await mkdir(join(root, 'specs', 'acme'), { recursive: true });
    await mkdir(join(root, 'apps', 'contract-tests', 'src', 'providers'), { recursive: true });
    await writeFile(join(root, 'specs', 'acme', 'openapi.yaml'), specText);
    await cp(join(repositoryRoot, 'specs', 'index.d.ts'), join(root, 'specs', 'index.d.ts'));
    await cp(join(repositoryRoot, 'specs', 'package.json'), join(root, 'specs', 'package.json'));
    await mkdir(join(root, '.github', 'workflows'), { recursive: true });
    await cp(join(repositoryRoot, '.github', 'workflows', 'live-drift.yml'), join(root, '.github', 'workflows', 'live-drift.yml'));
    server = await serveDefinitions({ '/openapi.yaml': { body: definitionText } });
  });
  afterAll(async () => {
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('copies from a URL, then says the operation is already there and writes nothing', async () => {
    expect(await add('acme', 'getWidget')).toBe(0);
    const after = await readFile(join(root, 'specs', 'acme', 'openapi.yaml'), 'utf8');
    expect(after).toContain(`Copied by pnpm api:add from ${server.url('/openapi.yaml')} on 2026-03-04.`);
    expect(logged.join('\n')).toMatch(/copied getWidget \(GET \/widgets\/\{widget_id\}\) into specs\/acme\/openapi\.yaml/);
    expect(logged.join('\n')).toContain('kept as the spec has them');
    expect(await add('acme', 'getWidget')).toBe(0);
    expect(logged.at(-1)).toBe(
      'getWidget (GET /widgets/{widget_id}) is already in specs/acme/openapi.yaml: nothing to copy, nothing written',
    );
    expect(await readFile(join(root, 'specs', 'acme', 'openapi.yaml'), 'utf8')).toBe(after);
  });

  it('a new API: its spec, a descriptor whose live set-ups are "not yet written", the Api names', async () => {
    expect(await add('widget-works', 'listWidgets')).toBe(0);
    expect(parse(await readFile(join(root, 'specs', 'widget-works', 'openapi.yaml'), 'utf8')).paths['/widgets'].get.operationId).toBe(
      'listWidgets',
    );
    const descriptor = await readFile(join(root, 'apps', 'contract-tests', 'src', 'providers', 'widget-works.ts'), 'utf8');
    expect(descriptor).toContain(
      `definition: { url: ${JSON.stringify(server.url('/openapi.yaml'))}, variable: "WIDGET_WORKS_DEFINITION" }`,
    );
    expect(descriptor).toContain(
      `"listWidgets answers 200": { prefer: 'code=200', live: notYetWrittenState(file, "listWidgets answers 200") }`,
    );
    expect(descriptor).toContain(`"listWidgets answers 401": { prefer: 'code=401'`);
    expect(await readFile(join(root, 'specs', 'index.d.ts'), 'utf8')).toContain("export type Api = 'acme' | 'widget-works';");
    expect((await readdir(join(root, 'specs'))).sort()).toEqual(['acme', 'index.d.ts', 'package.json', 'widget-works']);
    // The specs package exports it, and the nightly live job reads its key (both derived, not hand-written).
    const manifest = JSON.parse(await readFile(join(root, 'specs', 'package.json'), 'utf8'));
    expect(manifest.exports['./widget-works/openapi.yaml']).toBe('./widget-works/openapi.yaml');
    expect(Object.keys(manifest.exports).at(-1)).toBe('./package.json');
    expect(await readFile(join(root, '.github', 'workflows', 'live-drift.yml'), 'utf8')).toMatch(
      /WIDGET_WORKS_API_KEY: \$\{\{ secrets\.WIDGET_WORKS_API_KEY \}\}/,
    );
  });

  it('refuses bad input before anything is written', async () => {
    await expect(add('Widget_Works', 'listWidgets')).rejects.toThrow(/<api> "Widget_Works": lower-case letters and digits/);
    await expect(addOperation({ api: 'brand-new', operation: 'listWidgets', root, regenerate: false })).rejects.toThrow(
      'brand-new is a new API: --definition <url|path> is required',
    );
    await expect(add('brand-new', 'listWidgets', server.url('/missing.yaml'))).rejects.toThrow(/could not fetch .*HTTP 404/);
    expect((await readdir(join(root, 'specs'))).includes('brand-new')).toBe(false);
  });
});

describe('copying getAgentSession from Vectara’s published definition', () => {
  it('into our spec as it was before it had the operation: the path item inserted, our components kept', async () => {
    const { parseDocument } = await import('yaml');
    const { specPath } = await import('@api-contracts/specs');
    const { vectaraDefinition } = await import('../vendor/support/definitions.js');
    const before = parseDocument(await readFile(specPath('vectara'), 'utf8'));
    before.deleteIn(['paths', '/v2/agents/{agent_key}/sessions/{session_key}']);
    const beforeText = before.toString();
    const result = copied(
      copyOperation({
        specText: beforeText,
        definition: vectaraDefinition(),
        operation: 'getAgentSession',
        source: 'https://docs.vectara.com/vectara-oas-v2.yaml',
        on: '2026-12-04',
      }),
    );
    expect(onlyInsertedLines(beforeText, result.text)).toBe(true);
    const operation = parse(result.text).paths['/v2/agents/{agent_key}/sessions/{session_key}'].get;
    expect(operation.operationId).toBe('getAgentSession');
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '403', '404']));
    expect(operation.description).toContain('Copied by pnpm api:add from https://docs.vectara.com/vectara-oas-v2.yaml on 2026-12-04.');
    // Our AgentSession differs from the definition's on purpose (vendor-differences.yaml): kept, never overwritten.
    expect(result.keptDiffering).toContain('#/components/schemas/AgentSession');
    // Run again on what it wrote: already there, nothing to copy.
    expect(
      copyOperation({ specText: result.text, definition: vectaraDefinition(), operation: 'getAgentSession', source: 'x', on: 'y' }).outcome,
    ).toBe('already');
  });
});
