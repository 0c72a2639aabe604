import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue, isRuleId, renderCatalogueMarkdown, ruleIds, ruleOf } from '../src/index.js';

describe('the rule catalogue', () => {
  it('gives every rule a unique kebab-case id, a severity, a target, a one-line title and a rationale', () => {
    expect(new Set(ruleIds).size).toBe(catalogue.length);
    for (const rule of catalogue) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(['breaking', 'additive']).toContain(rule.severity);
      expect(['body', 'status', 'content-type', 'header', 'parameter', 'security', 'operation', 'interaction']).toContain(rule.target);
      expect(rule.title).not.toMatch(/\n/);
      expect(rule.title.length).toBeLessThan(100);
      expect(rule.rationale.length).toBeGreaterThan(10);
    }
  });

  it('holds the ids the live gate, the vendor route and the probe are built on', () => {
    for (const id of [
      'response-property-removed',
      'response-property-type-changed',
      'response-property-became-optional',
      'response-property-became-nullable',
      'response-enum-value-added',
      'response-format-changed',
      'response-pattern-violated',
      'response-status-undocumented',
      'response-content-type-changed',
      'response-header-removed',
      'response-property-added',
      'response-header-added',
      'request-parameter-added-required',
      'request-parameter-added-optional',
      'request-parameter-removed',
      'request-constraint-tightened',
      'request-constraint-relaxed',
      'response-status-added',
      'operation-removed',
      'pact-mismatch',
      'request-parameter-ignored',
      'response-paging-violated',
      'security-not-enforced',
    ]) {
      expect(isRuleId(id), id).toBe(true);
    }
  });

  it('judges direction as oasdiff does: what widens a response or narrows a request breaks', () => {
    const severity = (id: string) => ruleOf(id).severity;
    expect(severity('response-property-removed')).toBe('breaking');
    expect(severity('response-property-became-optional')).toBe('breaking');
    expect(severity('response-property-became-nullable')).toBe('breaking');
    expect(severity('response-enum-value-added')).toBe('breaking');
    expect(severity('response-constraint-relaxed')).toBe('breaking');
    expect(severity('request-constraint-tightened')).toBe('breaking');
    expect(severity('request-parameter-added-required')).toBe('breaking');
    // ...and the reverse directions are additive.
    expect(severity('response-property-added')).toBe('additive');
    expect(severity('response-enum-value-removed')).toBe('additive');
    expect(severity('response-property-became-required')).toBe('additive');
    expect(severity('response-constraint-tightened')).toBe('additive');
    expect(severity('request-constraint-relaxed')).toBe('additive');
    expect(severity('request-parameter-added-optional')).toBe('additive');
    expect(severity('response-header-added')).toBe('additive');
  });

  it('refuses an unknown id, naming the known ones', () => {
    expect(isRuleId('response-field-removed')).toBe(false);
    expect(() => ruleOf('response-field-removed')).toThrow(
      /Unknown drift rule "response-field-removed": expected one of response-property-removed, /,
    );
  });

  it('is listed in the README exactly as the module holds it', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(renderCatalogueMarkdown());
  });
});
