import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { clientModule, staleFiles } from '../../scripts/generate.js';

const specsDir = fileURLToPath(new URL('../../../../specs/', import.meta.url));
const folder = await mkdtemp(join(tmpdir(), 'client-generate-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

/** A copy of the specs with `change` applied to one spec's text. */
async function specsWith(api: 'vectara' | 'verisoul', change: (text: string) => string): Promise<string> {
  const root = await mkdtemp(join(folder, 'specs-'));
  await cp(specsDir, root, { recursive: true, filter: (source) => !source.includes('node_modules') });
  const file = join(root, api, 'openapi.yaml');
  await writeFile(file, change(await readFile(file, 'utf8')));
  return root;
}

describe('the generated clients', () => {
  it('match a fresh generation from the specs byte for byte', async () => {
    const stale = await staleFiles();
    expect(stale.map(({ file, diff }) => `${file}\n${diff}`).join('\n')).toBe('');
  });

  it('say so, with a diff, when a spec gains an operation the committed client lacks', async () => {
    const root = await specsWith('verisoul', (text) =>
      text.replace(
        'components:\n',
        [
          '  /account/{account_id}/accounts-linked:',
          '    get:',
          '      operationId: getLinkedAccounts',
          '      summary: Get linked accounts',
          '      parameters:',
          '        - { name: account_id, in: path, required: true, schema: { type: string } }',
          '        - { name: include_lists, in: query, schema: { type: boolean } }',
          '      responses:',
          '        "200": { description: Linked accounts, content: { application/json: { schema: { type: object } } } }',
          'components:',
          '',
        ].join('\n'),
      ),
    );
    const stale = await staleFiles(root);
    expect(stale.map(({ file }) => file.split('/').at(-1))).toEqual(['verisoul.ts']);
    // The operation is a method named by its operationId, its query parameter camel-cased in its options.
    expect(stale[0]?.diff).toContain('+  getLinkedAccounts(accountId:');
    expect(stale[0]?.diff).toContain('+  includeLists?:');
    expect(stale[0]?.diff).toContain('+  return { getAccountSessions, getAccount, getLinkedAccounts, raw };');
  });

  it('refuse paging the spec does not back, naming the operation and the field', async () => {
    const root = await specsWith('vectara', (text) => text.replace('cursor: page_key', 'cursor: next_page'));
    await expect(staleFiles(root)).rejects.toThrow(
      'specs/vectara/openapi.yaml: listAgentSessions: x-paging.cursor: next_page is not a query parameter of the operation',
    );
  });

  it('refuse an operation without an operationId, since it names the method', () => {
    const spec = { servers: [{ url: 'https://x' }], security: [], paths: { '/a': { get: { responses: {} } } } };
    expect(() => clientModule('verisoul', spec)).toThrow('GET /a has no operationId');
  });
});
