/**
 * Redaction of configured secrets (API keys, OAuth client secrets, tokens) from anything printed or
 * written: a provider may echo a key in a body, a header or a status text, and reports are uploaded.
 */

export const redacted = '[REDACTED]';

/** Secrets shorter than this are ignored: replacing `a` or `123` everywhere would shred reports and hide nothing. */
export const minimumSecretLength = 4;

/** The forms a secret takes in text: as is, URL-encoded, base64 (padded, unpadded, URL-safe), and JSON-escaped. */
export function secretForms(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  const forms = [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replaceAll('%20', '+'),
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('base64url'),
    JSON.stringify(secret).slice(1, -1),
  ];
  return [...new Set(forms)].filter((form) => form.length >= minimumSecretLength);
}

/** A function replacing every form of every secret with `[REDACTED]`, longest first; built once, used per line. */
export function createRedactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const forms = [
    ...new Set(
      secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= minimumSecretLength).flatMap(secretForms),
    ),
  ].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  return (text) => forms.reduce((current, form) => current.replaceAll(form, redacted), text);
}

/** `text` with every occurrence of each secret, its URL-encoded and its base64 form replaced by `[REDACTED]`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  return createRedactor(secrets)(text);
}
