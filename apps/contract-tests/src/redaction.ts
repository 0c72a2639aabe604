/**
 * The secrets of a run, and their redaction from anything printed or written. A provider may echo the
 * key it was sent (in a body, a header, the status text), and the reports are uploaded and posted, so
 * every configured secret and every OAuth2 token obtained during the run is replaced by `[REDACTED]`, as
 * is, URL-encoded, base64 and JSON-escaped (drift-rules' `createRedactor`). A secret too short to be told
 * from ordinary text (drift-rules' `minimumSecretLength`) is replaced only as a whole value, never inside
 * other text or a property name, and `shortSecretVariables` names it for the start-up warning.
 *
 * One registry per process (`runSecrets`): a CLI run is one process, and the modules that learn a secret
 * (settings, the token source) are not the ones that print (the console, the reports, the recorder).
 */
import { createNameRedactor, createRedactor, isShortSecret, minimumSecretLength } from '@api-contracts/drift-rules';
import { type Api, apis as allApis } from '@api-contracts/specs';
import { loadProvider } from './providers/index.js';
import type { LiveVariables } from './providers/provider.js';
import type { LiveAuth } from './settings.js';

export class SecretRegistry {
  private readonly secrets = new Set<string>();
  private redactor: (text: string) => string = (text) => text;
  private nameRedactor: (name: string) => string = (name) => name;

  /** Adds secrets, redacted from then on. Empty and missing values are ignored; short ones are redacted only as whole values. */
  add(...secrets: (string | undefined)[]): void {
    const added = secrets.filter((secret): secret is string => typeof secret === 'string' && secret !== '' && !this.secrets.has(secret));
    if (added.length === 0) return;
    for (const secret of added) this.secrets.add(secret);
    this.redactor = createRedactor([...this.secrets]);
    this.nameRedactor = createNameRedactor([...this.secrets]);
  }

  get size(): number {
    return this.secrets.size;
  }

  /** `text` with every form of every secret replaced by `[REDACTED]`. */
  redact(text: string): string {
    return this.redactor(text);
  }

  /**
   * A copy of `value` with every string in it redacted, and property names and map keys of their long
   * secrets (names are structure: a short secret never rewrites one); other values as they are.
   */
  redactDeep<T>(value: T): T {
    if (this.secrets.size === 0) return value;
    const walk = (node: unknown): unknown => {
      if (typeof node === 'string') return this.redactor(node);
      if (Array.isArray(node)) return node.map(walk);
      if (node !== null && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype)
        return Object.fromEntries(Object.entries(node).map(([key, child]) => [this.nameRedactor(key), walk(child)]));
      if (node instanceof Map)
        return new Map([...node].map(([key, child]) => [typeof key === 'string' ? this.nameRedactor(key) : walk(key), walk(child)]));
      return node;
    };
    return walk(value) as T;
  }
}

/** The secrets of this process's run. */
export const runSecrets = new SecretRegistry();

/** The secrets a live run authenticates with: the API key, or the client secret (also as `id:secret`, what HTTP Basic encodes). */
export function authSecrets(auth: LiveAuth): string[] {
  return auth.kind === 'api-key' ? [auth.apiKey] : [auth.clientSecret, `${auth.clientId}:${auth.clientSecret}`];
}

/** The variables of a provider that hold secrets: its API key and OAuth2 client secret (ids and URLs are not secret). */
export function secretVariables(variables: LiveVariables): string[] {
  return [variables.apiKey, ...(variables.oauth ? [variables.oauth.clientSecret] : [])];
}

/** The values of every provider's secret variables set in `env` (with `id:secret` for OAuth2 client credentials). */
export async function configuredSecrets(env: NodeJS.ProcessEnv, apis: readonly Api[] = allApis): Promise<string[]> {
  const providers = await Promise.all(apis.map((api) => loadProvider(api)));
  return providers.flatMap(({ variables }) => {
    const values = secretVariables(variables).flatMap((name) => (env[name]?.trim() ? [env[name].trim()] : []));
    const clientId = variables.oauth ? env[variables.oauth.clientId]?.trim() : undefined;
    const clientSecret = variables.oauth ? env[variables.oauth.clientSecret]?.trim() : undefined;
    return clientId && clientSecret ? [...values, `${clientId}:${clientSecret}`] : values;
  });
}

// The Pact Broker's secrets (broker.ts registers their values when it reads them).
const brokerSecretVariables = ['PACT_BROKER_TOKEN', 'PACT_BROKER_PASSWORD'];

/** The secret variables set in `env` whose values are too short to be redacted inside other text (names only, never values). */
export async function shortSecretVariables(env: NodeJS.ProcessEnv, apis: readonly Api[] = allApis): Promise<string[]> {
  const providers = await Promise.all(apis.map((api) => loadProvider(api)));
  const names = [...providers.flatMap(({ variables }) => secretVariables(variables)), ...brokerSecretVariables];
  return [...new Set(names)].filter((name) => isShortSecret(env[name]?.trim() ?? ''));
}

/** The start-up warning for one secret variable too short to be redacted inside text; it never holds the value. */
export function shortSecretWarning(variable: string): string {
  return (
    `warning: ${variable} is shorter than ${minimumSecretLength} characters: it is redacted only where it is a whole value ` +
    '(a header, a JSON string, a line), not inside other text, so that pointers and names stay readable'
  );
}
