import { describe, expect, it } from 'vitest';
import { apis, collectExamples, loadSpec, schemaValidator } from './support/openapi.js';

describe.each(apis)('%s spec examples', (api) => {
  const document = loadSpec(api);
  const examples = collectExamples(document);

  it('has examples for the success response and every error response', () => {
    const statuses = new Set(examples.map((example) => example.where.match(/responses\/(\d{3})|components\/responses\/(\w+)/)?.[0]));
    expect(examples.length).toBeGreaterThanOrEqual(api === 'vectara' ? 6 : 2);
    expect(statuses.size).toBeGreaterThanOrEqual(api === 'vectara' ? 6 : 2);
  });

  it.each(examples.map((example) => [example.where, example] as const))('%s validates against its schema', (_where, example) => {
    const validate = schemaValidator(document, example.schemaPointer);
    expect(validate(example.value), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('the example check can fail', () => {
  it('rejects a session whose created_at is not a date-time and whose key is not a whole key', () => {
    const document = loadSpec('vectara');
    const validate = schemaValidator(document, '#/components/schemas/AgentSession');
    const session = { key: 'a/b', name: 'Billing', agent_key: 'customer_support', enabled: true, created_at: 'yesterday' };
    expect(validate(session)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath).sort()).toEqual(['/created_at', '/key']);
  });

  it('accepts null where the spec says null (OpenAPI 3.0 nullable) and rejects an unknown status', () => {
    const validate = schemaValidator(loadSpec('vectara'), '#/components/schemas/AgentSession');
    const session = { key: 's1', name: 'n', agent_key: 'customer_support', enabled: true, created_at: '2024-01-15T10:30:00Z' };
    const nulls = { current_step_name: null, alias_key: null, created_by_agent_key: null, created_by_session_key: null };
    expect(validate({ ...session, ...nulls }), JSON.stringify(validate.errors)).toBe(true);
    // Nullable, but still a whole key when set.
    expect(validate({ ...session, created_by_agent_key: 'a/b', created_by_session_key: 'parent_1' })).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toEqual(['/created_by_agent_key']);
    // A value no spec will list (a real one, such as `paused`, may be captured into the enum one day).
    expect(validate({ ...session, status: 'not-a-status-of-any-spec' })).toBe(false);
  });

  it('rejects a Verisoul error body whose statusCode is a string', () => {
    const validate = schemaValidator(loadSpec('verisoul'), '#/components/schemas/AccountError');
    expect(validate({ statusCode: '400', message: 'Account not found' })).toBe(false);
  });
});

describe.each(apis)('%s spec shape', (api) => {
  it('gives every operation an operationId and a summary, and declares x-api-key security', () => {
    const document = loadSpec(api);
    expect(document.openapi).toBe('3.0.3');
    expect(Object.values(document.components.securitySchemes)).toContainEqual({ type: 'apiKey', in: 'header', name: 'x-api-key' });
    for (const item of Object.values<Record<string, { operationId?: string; summary?: string }>>(document.paths)) {
      for (const operation of Object.values(item)) {
        expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
        expect(operation.summary).toBeTruthy();
      }
    }
  });
});

describe('the package entry', () => {
  it('lists the APIs, finds their specs and refuses an unknown API by name', async () => {
    const { apis: listed, specPath, resolveRef } = await import('../index.js');
    expect(listed).toEqual(['verisoul', 'vectara']);
    expect(specPath('vectara')).toMatch(/specs\/vectara\/openapi\.yaml$/);
    // @ts-expect-error: not an API of this repo
    expect(() => specPath('stripe')).toThrow(/Unknown API "stripe"/);
    expect(resolveRef(loadSpec('vectara'), '#/paths/~1v2~1agents~1{agent_key}~1sessions/get/operationId')).toBe('listAgentSessions');
  });
});
