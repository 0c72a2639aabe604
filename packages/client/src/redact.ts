/** What a secret is replaced with wherever provider data that echoes it would reach an error or a report. */
export const redacted = '[REDACTED]';

/**
 * Secrets at least this long are redacted inside any string; shorter ones (a test key such as `k`) only
 * where a string is the secret, never inside other text or a property name: replacing `k` inside text
 * turned the pointer `/sessions/0/key` into `/sessions/0/[REDACTED]ey`. Eight characters do not occur in
 * a pointer, a word or an id by chance, and real keys and tokens are far longer. (The contract app's
 * redaction uses the same length.)
 */
export const minimumSecretLength = 8;

/**
 * `value` with each secret, as it is and percent-encoded, replaced, in strings at any depth of arrays and
 * objects. Runs only on error and drift paths, where a provider's body becomes part of an error or report:
 * a provider that echoes the key or token must not leak it. Long secrets are replaced wherever they occur
 * (property names too: a name holding one is an echo); short ones only where a whole string value is one.
 */
export function redact<T>(value: T, secrets: readonly string[]): T {
  const present = secrets.filter(Boolean);
  const withEncoded = (secret: string) => [secret, encodeURIComponent(secret)];
  const long = present.filter((secret) => secret.length >= minimumSecretLength).flatMap(withEncoded);
  const whole = new Set(present.filter((secret) => secret.length < minimumSecretLength).flatMap(withEncoded));
  if (long.length === 0 && whole.size === 0) return value;
  // Longest first, so a secret that contains another is replaced whole.
  const forms = [...new Set(long)].sort((a, b) => b.length - a.length);
  const inText = (text: string) => forms.reduce((current, form) => current.replaceAll(form, redacted), text);
  const scrub = (node: unknown): unknown => {
    if (typeof node === 'string') return whole.has(node) ? redacted : inText(node);
    if (Array.isArray(node)) return node.map(scrub);
    if (typeof node === 'object' && node !== null)
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [inText(key), scrub(item)]));
    return node;
  };
  return scrub(value) as T;
}
