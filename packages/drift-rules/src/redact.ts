/**
 * Redaction of configured secrets (API keys, OAuth client secrets, tokens) from anything printed or
 * written: a provider may echo a key in a body, a header or a status text, and reports are uploaded.
 *
 * Redaction never garbles structure. A secret of `minimumSecretLength` characters or more is replaced in
 * every form wherever it occurs: eight characters do not turn up inside a pointer, a word or an id by
 * chance, so an occurrence is an echo. A shorter secret (a test key such as `k`) would: replacing it inside
 * text turned the pointer `/sessions/0/key` into `/sessions/0/[REDACTED]ey`. It is replaced only where it
 * is a whole value (a whole line, a header's value, a whole JSON string that is not a property name), and the
 * CLIs warn at start-up that it is not redacted inside other text.
 */

export const redacted = '[REDACTED]';

/**
 * Secrets at least this long are redacted inside any text; shorter ones only as whole values. Eight
 * characters of a key's alphabet (48 bits and more) do not occur by chance in a report's pointers, words,
 * ids or base64, while real credentials are far longer (Vectara and Verisoul keys, OAuth tokens).
 */
export const minimumSecretLength = 8;

/** True for a secret too short to be redacted inside other text: the CLIs warn about it at start-up. */
export function isShortSecret(secret: string): boolean {
  return secret.length > 0 && secret.length < minimumSecretLength;
}

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

const present = (secret: string | undefined): secret is string => typeof secret === 'string' && secret !== '';

/** Every form of every long secret, longest first (a secret containing another is replaced whole). */
function longForms(secrets: readonly (string | undefined)[]): string[] {
  const long = secrets.filter(present).filter((secret) => !isShortSecret(secret));
  return [...new Set(long.flatMap(secretForms))].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A JSON string (a left-to-right scan pairs JSON's quotes correctly) and whether a `:` makes it a property name.
const jsonString = /"(?:[^"\\\n]|\\.)*"(?=(\s*:)?)/g;

/**
 * A function redacting `secrets` from text, built once and used per line or file: long secrets in every
 * form wherever they occur; short ones only where a whole line, the value of a `name: value` line (a
 * header, optionally `Bearer `) or a whole JSON string value (not a property name) is the secret.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const forms = longForms(secrets);
  const short = [...new Set(secrets.filter(present).filter(isShortSecret))];
  if (forms.length === 0 && short.length === 0) return (text) => text;
  const shortLiterals = new Set(short.map((secret) => JSON.stringify(secret)));
  // A whole line, or the value of a `name: value` line (a header, a YAML field), with an optional `Bearer `.
  const shortLine =
    short.length > 0
      ? new RegExp(`^([\\t ]*(?:[\\w.-]+:[\\t ]*)?(?:Bearer[\\t ]+)?)(?:${short.map(escapeRegExp).join('|')})[\\t ]*$`, 'gm')
      : undefined;
  return (text) => {
    let result = forms.reduce((current, form) => current.replaceAll(form, redacted), text);
    if (shortLine) {
      result = result.replace(jsonString, (literal, propertyName: string | undefined) =>
        propertyName === undefined && shortLiterals.has(literal) ? `"${redacted}"` : literal,
      );
      result = result.replace(shortLine, `$1${redacted}`);
    }
    return result;
  };
}

/**
 * A function redacting `secrets` from a property name, a map key or a JSON pointer: structure, so only long
 * secrets (an echo) are replaced there; a short one matching a name is a coincidence and the name stays.
 */
export function createNameRedactor(secrets: readonly (string | undefined)[]): (name: string) => string {
  const forms = longForms(secrets);
  if (forms.length === 0) return (name) => name;
  return (name) => forms.reduce((current, form) => current.replaceAll(form, redacted), name);
}

/** `text` with `secrets` redacted as `createRedactor` does. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  return createRedactor(secrets)(text);
}
