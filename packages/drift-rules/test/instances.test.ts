import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instanceFromSchemaFinding, instancesFromPactMismatch, type PactMismatchLike, ruleForSchemaKeyword } from '../src/index.js';

const kinds = JSON.parse(readFileSync(new URL('./fixtures/pact-mismatch-kinds.json', import.meta.url), 'utf8')) as {
  interactions: { drift: string; status: number; mismatches: PactMismatchLike[] }[];
};
const context = { api: 'vectara', operation: 'listAgentSessions', response: 'a request for the first page' };

describe('schema-check findings', () => {
  it('map each ajv keyword to its rule', () => {
    expect(ruleForSchemaKeyword('required')).toBe('response-property-removed');
    expect(ruleForSchemaKeyword('type', '"true"')).toBe('response-property-type-changed');
    expect(ruleForSchemaKeyword('type', 'null')).toBe('response-property-became-nullable');
    expect(ruleForSchemaKeyword('format')).toBe('response-format-changed');
    expect(ruleForSchemaKeyword('enum')).toBe('response-enum-value-added');
    expect(ruleForSchemaKeyword('const')).toBe('response-enum-value-added');
    expect(ruleForSchemaKeyword('pattern')).toBe('response-pattern-violated');
    for (const bound of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'multipleOf'])
      expect(ruleForSchemaKeyword(bound)).toBe('response-constraint-relaxed');
    expect(ruleForSchemaKeyword('additionalProperties')).toBe('response-property-added');
    expect(ruleForSchemaKeyword('status')).toBe('response-status-undocumented');
    expect(ruleForSchemaKeyword('content-type')).toBe('response-content-type-changed');
    expect(ruleForSchemaKeyword('header')).toBe('response-header-added');
    expect(ruleForSchemaKeyword('oneOf')).toBe('response-schema-violated');
  });

  it('become instances at their normalised path, with the observed type of an added property', () => {
    const added = instanceFromSchemaFinding(
      {
        path: '/sessions/3/session_key',
        keyword: 'additionalProperties',
        expected: 'absent (not in the spec)',
        actual: '"ase_1"',
        message: 'x',
      },
      { ...context, status: 200 },
    );
    expect(added).toMatchObject({
      path: '$.sessions[3].session_key',
      rule: 'response-property-added',
      source: 'schema',
      valueType: 'string',
      status: 200,
    });
    const status = instanceFromSchemaFinding(
      { path: 'status', keyword: 'status', expected: '200 | 404', actual: '203' },
      { ...context, status: 203 },
    );
    expect(status).toMatchObject({ path: 'status', rule: 'response-status-undocumented', expected: '200 | 404', actual: '203' });
  });

  it('never keep a header’s value', () => {
    const header = instanceFromSchemaFinding(
      {
        path: 'header x-echo',
        keyword: 'header',
        expected: 'absent (not in the spec)',
        actual: 'sk-live-1234567890',
        message: 'header x-echo: sk-live-1234567890',
      },
      { ...context, status: 200 },
    );
    expect(header).toMatchObject({ path: 'header:x-echo', rule: 'response-header-added', actual: 'present (value not shown)' });
    expect(JSON.stringify(header)).not.toContain('sk-live');
  });
});

describe('Pact Verifier mismatches (recorded from @pact-foundation/pact 16.5)', () => {
  const of = (drift: string) => {
    const interaction = kinds.interactions.find((candidate) => candidate.drift === drift);
    if (!interaction) throw new Error(`no fixture for ${drift}`);
    return interaction.mismatches.flatMap((mismatch) => instancesFromPactMismatch(mismatch, { ...context, status: interaction.status }));
  };

  it('a missing key becomes response-property-removed at the key’s own path', () => {
    expect(of('renamed')[0]).toMatchObject({
      path: '$.sessions[1].key',
      rule: 'response-property-removed',
      expected: 'present',
      actual: 'absent',
      source: 'pact',
    });
    expect(of('missing_sessions')[0]).toMatchObject({ path: '$.sessions', rule: 'response-property-removed' });
  });

  it('several missing keys become one instance each', () => {
    const [first] = instancesFromPactMismatch(
      { path: '$.sessions[2]', message: 'Actual map is missing the following keys: agent_key, created_at' },
      { ...context, status: 200 },
    ).map((instance) => instance.path);
    expect(first).toBe('$.sessions[2].agent_key');
    expect(
      instancesFromPactMismatch(
        { path: '$.sessions[2]', message: 'Actual map is missing the following keys: agent_key, created_at' },
        context,
      ).map((instance) => instance.path),
    ).toEqual(['$.sessions[2].agent_key', '$.sessions[2].created_at']);
  });

  it('types, nulls, patterns, timestamps, statuses and content types get their rules', () => {
    expect(of('type')[0]).toMatchObject({
      path: '$.sessions[1].enabled',
      rule: 'response-property-type-changed',
      expected: 'boolean',
      actual: '"true"',
    });
    expect(of('null')[0]).toMatchObject({
      path: '$.sessions[2].name',
      rule: 'response-property-became-nullable',
      expected: 'string',
      actual: 'null',
    });
    expect(of('pattern')[0]).toMatchObject({ path: '$.sessions[0].key', rule: 'response-pattern-violated', expected: '^[0-9a-zA-Z_-]+$' });
    expect(of('timestamp')[0]).toMatchObject({ path: '$.sessions[0].created_at', rule: 'response-format-changed' });
    expect(of('wrapped')[0]).toMatchObject({
      path: '$.sessions',
      rule: 'response-property-type-changed',
      expected: 'array',
      actual: 'object',
    });
    expect(of('metadata_number')[0]).toMatchObject({
      path: '$.metadata.page_key',
      rule: 'response-property-type-changed',
      expected: 'string',
      actual: '12345',
    });
    expect(of('status')[0]).toMatchObject({ path: 'status', rule: 'pact-mismatch', expected: '200', actual: '203', status: 203 });
    expect(of('ctype').map((instance) => [instance.path, instance.rule])).toEqual([
      ['content-type', 'response-content-type-changed'],
      ['content-type', 'response-content-type-changed'],
    ]);
  });

  it('hides the values of any other header', () => {
    const [instance] = instancesFromPactMismatch(
      {
        path: 'X-Token',
        expected: 'abc',
        actual: 'secret-token-value',
        message: "Mismatch with header 'X-Token': Expected 'abc' but was 'secret-token-value'",
      },
      context,
    );
    expect(instance).toMatchObject({ path: 'header:x-token', rule: 'pact-mismatch', actual: '(value not shown)' });
    expect(JSON.stringify(instance)).not.toContain('secret-token-value');
  });

  it('keeps what no rule names as pact-mismatch', () => {
    const [instance] = instancesFromPactMismatch(
      { path: '$.sessions', message: 'Expected an empty List to have at least 1 item(s)' },
      context,
    );
    expect(instance).toMatchObject({ rule: 'pact-mismatch', path: '$.sessions', expected: '(see message)' });
  });
});
