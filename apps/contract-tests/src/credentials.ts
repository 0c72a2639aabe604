import { randomBytes } from 'node:crypto';
import { tokenSource } from './oauth.js';
import type { AuthHeaders } from './providers/provider.js';
import { authSecrets, runSecrets } from './redaction.js';
import type { LiveAuth } from './settings.js';

/** Ids no provider has: random, so that a live "not found" state is never met by chance. */
export const missingId = (prefix = '') => `${prefix}api_contracts_missing_${randomBytes(6).toString('hex')}`;

/**
 * The credentials of a live run as request headers. With OAuth, one token serves the whole run while it
 * is valid, and the pacts' `x-api-key` placeholder is removed so that only the token speaks. The key, the
 * client secret and every token are the run's secrets: redacted from all it prints and writes.
 */
export function liveCredentials(auth: LiveAuth) {
  runSecrets.add(...authSecrets(auth));
  const tokens = auth.kind === 'oauth' ? tokenSource(auth, Date.now, (token) => runSecrets.add(token)) : undefined;
  return {
    valid: async (): Promise<AuthHeaders> =>
      auth.kind === 'api-key' ? { 'x-api-key': auth.apiKey } : { 'x-api-key': undefined, authorization: `Bearer ${await tokens?.token()}` },
    refused: (): AuthHeaders =>
      auth.kind === 'api-key'
        ? { 'x-api-key': `invalid-${missingId()}` }
        : { 'x-api-key': undefined, authorization: `Bearer invalid-${missingId()}` },
  };
}
export type LiveCredentials = ReturnType<typeof liveCredentials>;

/**
 * Credentials shared by every live route of one run (one per consumer's pact): the same settings get the
 * same credentials, so one OAuth2 token serves all of them while it is valid.
 */
export function runCredentials(): (auth: LiveAuth) => LiveCredentials {
  const byAuth = new Map<string, LiveCredentials>();
  return (auth) => {
    const key = JSON.stringify(auth);
    const known = byAuth.get(key) ?? liveCredentials(auth);
    byAuth.set(key, known);
    return known;
  };
}
