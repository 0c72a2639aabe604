import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadSpec, type OpenApiDocument } from '@api-contracts/specs';
import { schemaValidator } from '@api-contracts/specs/schema';
import { describe, expect, it } from 'vitest';
import { validatorsModule } from '../scripts/validators.js';
import { type FormatCheck, formats, ucs2length } from '../src/validator-runtime.js';
import { responseValidators as vectara } from '../src/vectara-validators.js';
import { responseValidators as verisoul } from '../src/verisoul-validators.js';

// ajv's own helpers, from the copy @api-contracts/specs uses: what the run-time ports must agree with.
const fromSpecs = createRequire(import.meta.resolve('@api-contracts/specs/schema'));
type AjvFormat = ((value: unknown) => boolean) | { validate: (value: unknown) => boolean } | RegExp | boolean;
const ajvFormats = fromSpecs('ajv-formats/dist/formats').fullFormats as Record<string, AjvFormat>;
/** A format's verdict, called the way ajv's code calls it: a function directly, else its `validate`. */
const verdict = (definition: AjvFormat | FormatCheck | undefined, value: unknown) =>
  typeof definition === 'function'
    ? (definition as (value: unknown) => boolean)(value)
    : (definition as { validate: (value: unknown) => boolean }).validate(value);
const check = (format: string, value: unknown) => verdict(formats[format], value);
const reference = (format: string, value: unknown) => verdict(ajvFormats[format], value);
const ajvLength = fromSpecs('ajv/dist/runtime/ucs2length').default as (text: string) => number;

const session = {
  key: 'customer_support_001',
  name: 'Billing inquiry',
  agent_key: 'customer_support',
  description: 'Customer support session',
  metadata: { tier: 2 },
  enabled: true,
  status: 'stopped',
  tti_minutes: 60,
  current_step_name: null,
  created_at: '2024-01-15T10:30:00Z',
  session_context_usage: { input_tokens: { count: 120, cached_tokens: 100 }, output_tokens: { count: 30 }, total_tokens: 150 },
  effective_compaction: { enabled: true, threshold_percent: 80, tool_event_policy: 'include_outputs' },
  alias_key: null,
  secrets: { slack_user_token: '****' },
};
const page = (changes: Record<string, unknown> = {}, metadata: unknown = { page_key: 'p2' }) => ({
  sessions: [session, { ...session, ...changes }],
  metadata,
});
const { key: _key, ...withoutKey } = session;

/** Bodies for each validator: conforming ones and ones that break the spec in one way each. */
type Sample = readonly [api: 'vectara' | 'verisoul', operation: string, status: string, pointer: string, body: unknown];
const samples: Sample[] = [
  ...(
    [
      page(),
      page({}, {}),
      { sessions: [], metadata: {} },
      { sessions: [withoutKey, { ...withoutKey, session_key: 'x' }], metadata: {} },
      page({ created_at: '2024-13-01T10:30:00Z' }),
      page({ created_at: '2024-01-15 10:30:00' }),
      page({ created_at: 1705314600 }),
      page({ status: 'paused' }),
      page({ tti_minutes: 1.5 }),
      page({ tti_minutes: -1 }),
      page({ agent_key: 'a/b' }),
      page({ key: 'k'.repeat(51) }),
      page({ key: '' }),
      page({ description: 5 }),
      page({ metadata: [] }),
      page({ secrets: { token: 1 } }),
      page({ effective_compaction: { threshold_percent: 20, tool_event_policy: 'none' } }),
      page({ session_context_usage: { input_tokens: { count: 'x' } } }),
      page({}, { page_key: 5 }),
      { sessions: 'none', metadata: null },
      [],
    ] as unknown[]
  ).map((body) => ['vectara', 'listAgentSessions', '200', '/components/schemas/ListAgentSessionsResponse', body] as const),
  ['vectara', 'listAgentSessions', '404', '/components/schemas/NotFoundError', { id: 'a', messages: ['gone'], request_id: 'r' }],
  ['vectara', 'listAgentSessions', '404', '/components/schemas/NotFoundError', { id: 7, messages: 'gone' }],
  ['vectara', 'listAgentSessions', '400', '/components/schemas/BadRequestError', { field_errors: { limit: 100 }, messages: [1] }],
  ['vectara', 'listAgentSessions', '429', '/components/schemas/Error', 'Too Many Requests'],
  ['verisoul', 'getAccountSessions', '200', '/components/schemas/SessionsResponse', { request_id: 'r', sessions: ['a', 'b'] }],
  ['verisoul', 'getAccountSessions', '200', '/components/schemas/SessionsResponse', { session_ids: ['a'], sessions: [1] }],
  ['verisoul', 'getAccountSessions', '400', '/components/schemas/AccountError', { statusCode: '400' }],
];

const generated = { vectara, verisoul } as unknown as Record<
  string,
  Record<string, Record<string, (typeof vectara.listAgentSessions)['200']>>
>;
const specs = { vectara: loadSpec('vectara'), verisoul: loadSpec('verisoul') };
const comparable = (errors: { instancePath: string; keyword: string; params: unknown; message?: string }[] | null | undefined) =>
  (errors ?? []).map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message }));

describe('the generated response validators', () => {
  it.each(samples)('%s %s %s: same verdict and errors as ajv compiling the spec (%s) for %j', (api, operation, status, pointer, body) => {
    const validate = generated[api]?.[operation]?.[status];
    expect(validate).toBeTypeOf('function');
    const reference = schemaValidator(specs[api], `#${pointer}`);
    const verdict = validate?.(body);
    expect(verdict).toBe(reference(body));
    expect(comparable(validate?.errors)).toEqual(comparable(reference.errors));
  });

  it('flag what the samples break, at the right place', () => {
    const validate = vectara.listAgentSessions['200'];
    expect(validate(page())).toBe(true);
    expect(validate({ sessions: [withoutKey, withoutKey], metadata: {} })).toBe(false);
    expect(validate.errors?.map((error) => [error.instancePath, error.keyword, error.params])).toEqual([
      ['/sessions/0', 'required', { missingProperty: 'key' }],
      ['/sessions/1', 'required', { missingProperty: 'key' }],
    ]);
    // A property *named* description keeps its rule: only the schemas' own annotations were stripped.
    expect(validate(page({ description: 5 }))).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/sessions/1/description');
  });

  it('cover every documented JSON response of both specs', () => {
    expect(Object.keys(vectara.listAgentSessions)).toEqual(['200', '400', '401', '403', '404', '429']);
    expect(Object.keys(verisoul.getAccountSessions)).toEqual(['200', '400']);
  });

  it('import no JSON Schema engine: only this package’s run-time helpers', async () => {
    for (const api of ['vectara', 'verisoul']) {
      const source = await readFile(fileURLToPath(new URL(`../src/generated/${api}.validators.ts`, import.meta.url)), 'utf8');
      const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
      expect(
        imports.every((name) => name === '../validator-runtime.js' || name === '../response-validator.js'),
        api,
      ).toBe(true);
      expect(source, api).not.toMatch(/require\(|from ['"]ajv/);
    }
  });

  it('take a format nobody defines as an annotation, and inline the ones ajv-formats writes as a regular expression', () => {
    const spec: OpenApiDocument = structuredClone(specs.verisoul);
    spec.components.schemas.SessionsResponse.properties.request_id.format = 'x-verisoul-id';
    // No look-up of it in the runtime's formats (other formats of the spec, e.g. float, still have theirs).
    expect(validatorsModule(spec, '')).not.toContain('x-verisoul-id"]');
    spec.components.schemas.SessionsResponse.properties.request_id.format = 'uuid';
    expect(validatorsModule(spec, '')).toContain('const formats0 = /^(?:urn:uuid:)?[0-9a-f]{8}-');
  });
});

describe('the run-time helpers agree with ajv and ajv-formats', () => {
  it.each(['abc', '', 'é', '😀', 'a😀b', '\ud83d', '\ud83dx', 'x\ude00'])('ucs2length(%j)', (text) => {
    expect(ucs2length(text)).toBe(ajvLength(text));
  });

  const dateTimes = [
    '2024-01-15T10:30:00Z',
    '2024-01-15t10:30:00z',
    '2024-01-15 10:30:00+02:00',
    '2024-01-15T10:30:00.123456-0530',
    '2024-01-15T10:30:00',
    '2024-02-29T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-00-10T00:00:00Z',
    '2016-12-31T23:59:60Z',
    '2016-12-31T23:59:60+01:00',
    '2017-01-01T00:59:60+01:00',
    '2024-01-15T24:00:00Z',
    '2024-01-15T10:60:00Z',
    '2024-01-15T10:30:00+24:00',
    '2024-01-15T10:30:00+23:60',
    '2024-01-15',
    '2024-01-15T10:30Z',
    '2024-01-15TT10:30:00Z',
    '',
  ];
  it.each(dateTimes)('date-time %j', (value) => {
    expect(check('date-time', value)).toBe(reference('date-time', value));
  });

  it.each([0, 1, -1, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY])(
    'int32 and int64 %d',
    (value) => {
      expect(check('int32', value)).toBe(reference('int32', value));
      expect(check('int64', value)).toBe(reference('int64', value));
    },
  );
});

describe('every format ajv-formats checks with a function agrees with ajv-formats', () => {
  const values: Record<string, unknown[]> = {
    date: ['2024-02-29', '2023-02-29', '2024-13-01', '2024-1-01', ''],
    time: ['10:30:00Z', '10:30:00', '23:59:60Z', '24:00:00Z', '10:30:00+25:00'],
    'iso-time': ['10:30:00Z', '10:30:00', '10:30', '23:59:60+00:00'],
    'iso-date-time': ['2024-01-15T10:30:00', '2024-01-15T10:30:00Z', '2024-01-15', '2024-01-15 10:30:00'],
    uri: ['https://example.com/a?b#c', 'mailto:a@b.c', '/relative', 'no scheme', 'http://[::1]:80/', ''],
    regex: ['^[a-z]+$', '(', 'a\\Z', '[', ''],
    byte: ['aGVsbG8=', 'aGVsbG8', 'aGVsbA==', 'not base64!', '', 'YQ==\nYg=='],
    float: [0, 1.5, -3.4e38, 1e300],
    double: [0, 1.5, Number.MAX_VALUE],
  };
  const functionFormats = Object.entries(ajvFormats)
    .filter(([, definition]) => typeof definition === 'function' || (typeof definition === 'object' && !(definition instanceof RegExp)))
    .map(([name]) => name);

  it('the run time has every one of them, so the generator never stops at a format', () => {
    expect(Object.keys(formats).sort()).toEqual(functionFormats.sort());
  });

  it.each(Object.entries(values).flatMap(([format, samples]) => samples.map((value) => [format, value] as const)))(
    '%s %j',
    (format, value) => {
      expect(check(format, value)).toBe(reference(format, value));
    },
  );
});
