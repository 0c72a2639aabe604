import { describe, expect, it } from 'vitest';
import { arrayOf, itemOf, measureArrays, normalizePath, schemaPathOf, splitLastKey } from '../src/index.js';

describe('paths', () => {
  it('reads Pact’s $-paths and ajv’s JSON pointers into one notation', () => {
    expect(normalizePath('$.sessions[3].key')).toBe('$.sessions[3].key');
    expect(normalizePath('/sessions/3/key')).toBe('$.sessions[3].key');
    expect(normalizePath('/metadata/page_key')).toBe('$.metadata.page_key');
    expect(normalizePath('/')).toBe('$');
    expect(normalizePath('')).toBe('$');
    expect(normalizePath('/a~1b/c~0d')).toBe("$['a/b']['c~d']");
    expect(normalizePath("$['odd key'].x")).toBe("$['odd key'].x");
    expect(normalizePath('$.sessions[*].key')).toBe('$.sessions[].key');
  });

  it('keeps tokens outside the body, lower-casing header names', () => {
    expect(normalizePath('status')).toBe('status');
    expect(normalizePath('content-type')).toBe('content-type');
    expect(normalizePath('header X-Request-Cost')).toBe('header:x-request-cost');
    expect(normalizePath('header:Retry-After')).toBe('header:retry-after');
    expect(normalizePath('parameter:query:limit')).toBe('parameter:query:limit');
  });

  it('reduces an instance path to its schema path, every array index to []', () => {
    expect(schemaPathOf('$.sessions[3].key')).toBe('$.sessions[].key');
    expect(schemaPathOf('/sessions/3/metadata/tags/0')).toBe('$.sessions[].metadata.tags[]');
    expect(schemaPathOf('$.sessions[].key')).toBe('$.sessions[].key');
  });

  it('tells which item of which array an instance sits in', () => {
    expect(itemOf('$.sessions[3].key')).toEqual({ array: '$.sessions', item: '3' });
    expect(itemOf('$.sessions[3].tags[5]')).toEqual({ array: '$.sessions[].tags', item: '3/5' });
    expect(itemOf('$.metadata.page_key')).toBeUndefined();
    expect(arrayOf('$.sessions[].key')).toBe('$.sessions');
    expect(arrayOf('$.metadata.page_key')).toBeUndefined();
    expect(splitLastKey('$.sessions[].key')).toEqual({ parent: '$.sessions[]', key: 'key' });
    expect(splitLastKey('$.sessions[]')).toBeUndefined();
  });

  it('measures the arrays of a body, nested ones summed over their parents', () => {
    const body = { sessions: [{ tags: ['a', 'b'] }, { tags: ['c'] }, { tags: [] }], metadata: {} };
    expect(measureArrays(body)).toEqual({ '$.sessions': 3, '$.sessions[].tags': 3 });
    expect(measureArrays('text')).toEqual({});
  });

  it('refuses what is neither notation', () => {
    expect(() => schemaPathOf('$.sessions[oops')).toThrow(/Cannot read the body path/);
  });
});
