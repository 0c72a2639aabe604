import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../src/index.js';

const change = { rule: 'response-property-removed', api: 'vectara', operation: 'listAgentSessions', status: 200, path: '$.sessions[].key' };

describe('fingerprint', () => {
  it('is the first 12 hex digits of the sha-256 of (rule, api, operation, status, schema path)', () => {
    const expected = createHash('sha256')
      .update(JSON.stringify(['response-property-removed', 'vectara', 'listAgentSessions', '200', '$.sessions[].key']))
      .digest('hex')
      .slice(0, 12);
    expect(fingerprint(change)).toBe(expected);
  });

  it('never changes between releases: issues and acknowledgements are keyed on it', () => {
    expect(fingerprint(change)).toBe('89a1f582b1f1');
  });

  it('is the same for the same change, whichever instance or notation reports it', () => {
    expect(fingerprint(change)).toBe(fingerprint({ ...change }));
    expect(fingerprint({ ...change, path: '$.sessions[3].key' })).toBe(fingerprint(change));
    expect(fingerprint({ ...change, path: '/sessions/7/key' })).toBe(fingerprint(change));
    expect(fingerprint({ ...change, status: '200' })).toBe(fingerprint(change));
  });

  it('differs when the rule, API, operation, status or path differs', () => {
    const others = [
      { ...change, status: 404 },
      { ...change, status: undefined },
      { ...change, rule: 'response-property-became-optional' },
      { ...change, api: 'verisoul' },
      { ...change, operation: 'getAccountSessions' },
      { ...change, path: '$.sessions[].name' },
      { ...change, path: '$.key' },
    ];
    const ids = new Set([fingerprint(change), ...others.map(fingerprint)]);
    expect(ids.size).toBe(others.length + 1);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
  });
});
