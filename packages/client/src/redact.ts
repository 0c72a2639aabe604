/** What a secret is replaced with wherever provider data that echoes it would reach an error or a report. */
export const redacted = '[REDACTED]';

/**
 * `value` with every occurrence of each secret, as it is and percent-encoded, replaced, in strings
 * at any depth of arrays and objects. Runs only on error and drift paths, where a provider's body
 * becomes part of an error or report: a provider that echoes the key or token must not leak it.
 */
export function redact<T>(value: T, secrets: readonly string[]): T {
  const forms = secrets.filter(Boolean).flatMap((secret) => [secret, encodeURIComponent(secret)]);
  return forms.length === 0 ? value : (scrub(value, forms) as T);
}

function scrub(value: unknown, forms: readonly string[]): unknown {
  if (typeof value === 'string') return forms.reduce((text, form) => text.replaceAll(form, redacted), value);
  if (Array.isArray(value)) return value.map((item) => scrub(item, forms));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [scrub(key, forms), scrub(item, forms)]));
  }
  return value;
}
