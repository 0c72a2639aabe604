/**
 * The generator takes what the providers' own published definitions hold, formats included: it compiles the
 * response validators of both vendor definitions the contract app keeps as fixtures, and of Verisoul's with its
 * account schema (`AccountResponse`, `format: float`) and every format OpenAPI 3.0 defines, then runs the code
 * it wrote against ajv compiling the same definition.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { OpenApiDocument } from '@api-contracts/specs';
import { schemaValidator } from '@api-contracts/specs/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { validatorsModule } from '../scripts/validators.js';

const fixtures = new URL('../../../apps/contract-tests/test/vendor/fixtures/', import.meta.url);
// The YAML parser of @api-contracts/specs: this package has none of its own.
const { parse } = createRequire(import.meta.resolve('@api-contracts/specs'))('yaml') as { parse: (text: string) => OpenApiDocument };
const runtime = pathToFileURL(fileURLToPath(new URL('../src/validator-runtime.ts', import.meta.url))).href;

const folder = await mkdtemp(join(tmpdir(), 'types-definitions-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

type Validator = ((body: unknown) => boolean) & { errors?: unknown };
/** Generates `definition`'s validators into a module of its own and imports it. */
async function generated(name: string, definition: OpenApiDocument): Promise<Record<string, Record<string, Validator>>> {
  const source = validatorsModule(definition, '').replace("'../validator-runtime.js'", `'${runtime}'`);
  const file = join(folder, `${name}.validators.ts`);
  await writeFile(file, source);
  return (await import(pathToFileURL(file).href)).responseValidators;
}

const definitions = {
  vectara: parse(await readFile(new URL('vectara-oas-v2.trimmed.yaml', fixtures), 'utf8')),
  verisoul: JSON.parse(await readFile(new URL('verisoul-account-openapi.json', fixtures), 'utf8')),
};

/** Verisoul's definition with its account operation's schema, as its full definition has it, and every OpenAPI 3.0 format. */
function verisoulWithAccount(): OpenApiDocument {
  const definition = structuredClone(definitions.verisoul);
  definition.paths['/account/{account_id}'] = {
    get: {
      operationId: 'getAccount',
      parameters: [{ name: 'account_id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: { description: 'Account', content: { 'application/json': { schema: { $ref: '#/components/schemas/AccountResponse' } } } },
      },
    },
  };
  definition.components.schemas.AccountResponse = {
    type: 'object',
    properties: {
      decision: { type: 'string' },
      account_score: { type: 'number', format: 'float' },
      bot: { type: 'number', format: 'double' },
      num_sessions: { type: 'integer', format: 'int32' },
      last_seen_ms: { type: 'integer', format: 'int64' },
      avatar: { type: 'string', format: 'byte' },
      raw: { type: 'string', format: 'binary' },
      first_seen: { type: 'string', format: 'date' },
      last_seen: { type: 'string', format: 'date-time' },
      secret: { type: 'string', format: 'password' },
      // A format no one defines: an annotation (OpenAPI: a tool falls back to the type).
      country: { type: 'string', format: 'iso-3166-alpha-2' },
    },
  };
  return definition;
}

const account = {
  decision: 'Real',
  account_score: 0.25,
  bot: 0.1,
  num_sessions: 3,
  last_seen_ms: 1_705_314_600_000,
  avatar: 'aGVsbG8=',
  raw: '\u0000\u00ff',
  first_seen: '2024-01-15',
  last_seen: '2024-01-15T10:30:00Z',
  secret: 'hunter2',
  country: 'not a country code',
};

describe('generating from the providers’ own definitions', () => {
  it.each(Object.entries(definitions))('%s: every JSON response gets a validator', async (name, definition) => {
    const validators = await generated(name, definition);
    const operations = Object.values(validators);
    expect(operations.length).toBeGreaterThan(0);
    for (const byStatus of operations) for (const validate of Object.values(byStatus)) expect(validate).toBeTypeOf('function');
  });

  it('Verisoul with its float-scored AccountResponse and every OpenAPI 3.0 format: same verdicts as ajv', async () => {
    const definition = verisoulWithAccount();
    const validate = (await generated('verisoul-account', definition)).getAccount?.['200'] as Validator;
    const reference = schemaValidator(definition, '#/components/schemas/AccountResponse', { logger: false });
    const bodies = [
      account,
      { ...account, account_score: 'high' },
      { ...account, num_sessions: 2 ** 31 },
      { ...account, last_seen_ms: 1.5 },
      { ...account, avatar: 'not base64!' },
      { ...account, first_seen: '2024-02-30' },
      { ...account, last_seen: 'yesterday' },
    ];
    const verdicts = bodies.map((body) => validate(body));
    expect(verdicts).toEqual(bodies.map((body) => reference(body)));
    expect(verdicts).toEqual([true, false, false, false, false, false, false]);
  });
});
