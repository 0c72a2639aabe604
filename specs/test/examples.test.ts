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
  it('rejects a session whose created_at is not a date-time and whose id lacks the ase_ prefix', () => {
    const document = loadSpec('vectara');
    const validate = schemaValidator(document, '#/components/schemas/AgentSession');
    expect(validate({ id: 'session_1', agent_key: 'agt_x', enabled: true, created_at: 'yesterday' })).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath).sort()).toEqual(['/created_at', '/id']);
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
    expect(document.components.securitySchemes.apiKeyAuth).toEqual({ type: 'apiKey', in: 'header', name: 'x-api-key' });
    for (const item of Object.values<Record<string, { operationId?: string; summary?: string }>>(document.paths)) {
      for (const operation of Object.values(item)) {
        expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
        expect(operation.summary).toBeTruthy();
      }
    }
  });
});
