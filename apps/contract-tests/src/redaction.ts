/**
 * The secrets of a run, and their redaction from anything printed or written. A provider may echo the
 * key it was sent (in a body, a header, the status text), and the reports are uploaded and posted, so
 * every configured secret and every OAuth2 token obtained during the run is replaced by `[REDACTED]`, as
 * is, URL-encoded, base64 and JSON-escaped (drift-rules' `createRedactor`).
 *
 * One registry per process (`runSecrets`): a CLI run is one process, and the modules that learn a secret
 * (settings, the token source) are not the ones that print (the console, the reports, the recorder).
 */
import { createRedactor } from '@api-contracts/drift-rules';
import { type Api, apis as allApis } from '@api-contracts/specs';
import { loadProvider } from './providers/index.js';
import type { LiveVariables } from './providers/provider.js';
import type { LiveAuth } from './settings.js';

export class SecretRegistry {
  private readonly secrets = new Set<string>();
  private redactor: (text: string) => string = (text) => text;

  /** Adds secrets, redacted from then on. Empty and missing values are ignored, and so are values shorter than the redactor's minimum. */
  add(...secrets: (string | undefined)[]): void {
    const added = secrets.filter((secret): secret is string => typeof secret === 'string' && secret !== '' && !this.secrets.has(secret));
    if (added.length === 0) return;
    for (const secret of added) this.secrets.add(secret);
    this.redactor = createRedactor([...this.secrets]);
  }

  get size(): number {
    return this.secrets.size;
  }

  /** `text` with every form of every secret replaced by `[REDACTED]`. */
  redact(text: string): string {
    return this.redactor(text);
  }

  /** A copy of `value` with every string in it (property names too) redacted; other values as they are. */
  redactDeep<T>(value: T): T {
    if (this.secrets.size === 0) return value;
    const walk = (node: unknown): unknown => {
      if (typeof node === 'string') return this.redactor(node);
      if (Array.isArray(node)) return node.map(walk);
      if (node !== null && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype)
        return Object.fromEntries(Object.entries(node).map(([key, child]) => [this.redactor(key), walk(child)]));
      if (node instanceof Map) return new Map([...node].map(([key, child]) => [walk(key), walk(child)]));
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
