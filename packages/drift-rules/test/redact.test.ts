import { describe, expect, it } from 'vitest';
import { createNameRedactor, createRedactor, isShortSecret, minimumSecretLength, redact } from '../src/index.js';

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
    const text = 'a=tok_abcdefgh b=tok_abcd c=tok_abcdefgh';
    expect(redact(text, ['tok_abcd', 'tok_abcdefgh'])).toBe('a=[REDACTED] b=[REDACTED] c=[REDACTED]');
  });

  it('ignores missing and empty secrets', () => {
    expect(redact('status 200', ['', undefined])).toBe('status 200');
    expect(createRedactor([])('unchanged')).toBe('unchanged');
  });
});

describe('a secret shorter than the minimum (a test key such as `k`)', () => {
  const short = 'k';

  it('is never replaced inside other text: pointers, names and words stay intact', () => {
    expect(isShortSecret(short)).toBe(true);
    const line = 'listAgentSessions 200 /sessions/0/key: invalid key k (see $.sessions[].key)';
    expect(redact(line, [short])).toBe(line);
    expect(redact('status 200 for key abc', ['abc'])).toBe('status 200 for key abc');
  });

  it('is replaced where it is the whole value: a JSON string value, a line, a header value, a bearer credential', () => {
    const report = JSON.stringify({ pointer: '/sessions/0/key', k: 'k', actual: 'k', messages: ['k', 'ok k'] }, null, 2);
    expect(JSON.parse(redact(report, [short]))).toEqual({
      pointer: '/sessions/0/key',
      k: '[REDACTED]',
      actual: '[REDACTED]',
      messages: ['[REDACTED]', 'ok k'],
    });
    expect(redact('{"k":"k","key":"k"}', [short])).toBe('{"k":"[REDACTED]","key":"[REDACTED]"}');
    expect(redact('k', [short])).toBe('[REDACTED]');
    expect(redact('x-api-key: k\nauthorization: Bearer k\nk\nkey: kk\n', [short])).toBe(
      'x-api-key: [REDACTED]\nauthorization: Bearer [REDACTED]\n[REDACTED]\nkey: kk\n',
    );
    expect(redact('abcd', ['abcd'])).toBe('[REDACTED]');
  });

  it('does not stop a long secret beside it from being redacted in every form', () => {
    const long = 'sk_long/key+1';
    expect(long.length).toBeGreaterThanOrEqual(minimumSecretLength);
    const text = `/sessions/0/key ${long} ${encodeURIComponent(long)} ${Buffer.from(long).toString('base64')} {"${long}":"k"}`;
    expect(redact(text, [short, long])).toBe('/sessions/0/key [REDACTED] [REDACTED] [REDACTED] {"[REDACTED]":"[REDACTED]"}');
  });

  it('leaves names alone in createNameRedactor, which replaces long secrets only', () => {
    const long = 'sk_long/key+1';
    const name = createNameRedactor([short, long]);
    expect(name('k')).toBe('k');
    expect(name('/sessions/0/key')).toBe('/sessions/0/key');
    expect(name(`header ${long}`)).toBe('header [REDACTED]');
  });

  it('is short below the minimum length only', () => {
    expect(isShortSecret('x'.repeat(minimumSecretLength - 1))).toBe(true);
    expect(isShortSecret('x'.repeat(minimumSecretLength))).toBe(false);
    expect(isShortSecret('')).toBe(false);
  });
});
