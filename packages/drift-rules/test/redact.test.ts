import { describe, expect, it } from 'vitest';
import { createRedactor, redact } from '../src/index.js';

const key = 'zqt_4f9+a/B=c d&e"k';

describe('redact', () => {
  it('replaces a secret as is', () => {
    expect(redact(`{"message":"invalid key sk_live_12345"}`, ['sk_live_12345'])).toBe('{"message":"invalid key [REDACTED]"}');
  });

  it('replaces its URL-encoded form, with %20 or + for spaces', () => {
    const encoded = encodeURIComponent(key);
    expect(encoded).not.toBe(key);
    expect(redact(`GET /v2/x?api_key=${encoded}&limit=1`, [key])).toBe('GET /v2/x?api_key=[REDACTED]&limit=1');
    expect(redact(`api_key=${encoded.replaceAll('%20', '+')}`, [key])).toBe('api_key=[REDACTED]');
  });

  it('replaces its base64 forms: padded, unpadded and URL-safe', () => {
    const secret = 'client-secret-4711?';
    const base64 = Buffer.from(secret).toString('base64');
    expect(base64.endsWith('=')).toBe(true);
    expect(redact(`authorization: Basic ${base64}`, [secret])).toBe('authorization: Basic [REDACTED]');
    expect(redact(`token=${base64.replace(/=+$/, '')};`, [secret])).toBe('token=[REDACTED];');
    expect(redact(`t=${Buffer.from(secret).toString('base64url')}`, [secret])).toBe('t=[REDACTED]');
  });

  it('replaces the form a secret takes inside a JSON string', () => {
    const report = JSON.stringify({ actual: `echo ${key}` });
    expect(report).not.toContain(key);
    expect(redact(report, [key])).toBe('{"actual":"echo [REDACTED]"}');
  });

  it('replaces every secret, the longer first, and every occurrence', () => {
    const text = 'a=tok_abcdef b=tok_abc c=tok_abcdef';
    expect(redact(text, ['tok_abc', 'tok_abcdef'])).toBe('a=[REDACTED] b=[REDACTED] c=[REDACTED]');
  });

  it('ignores secrets shorter than 4 characters and missing ones', () => {
    expect(redact('status 200 for key abc', ['abc', '', undefined])).toBe('status 200 for key abc');
    expect(createRedactor([])('unchanged')).toBe('unchanged');
    expect(redact('abcd', ['abcd'])).toBe('[REDACTED]');
  });
});
