import { randomBytes } from 'node:crypto';
import { tokenSource } from './oauth.js';
import type { AuthHeaders } from './providers/provider.js';
import type { LiveAuth } from './settings.js';

/** Ids no provider has: random, so that a live "not found" state is never met by chance. */
export const missingId = (prefix = '') => `${prefix}api_contracts_missing_${randomBytes(6).toString('hex')}`;

/**
 * The credentials of a live run as request headers. With OAuth, one token serves the whole run while it
 * is valid, and the pacts' `x-api-key` placeholder is removed so that only the token speaks.
 */
export function liveCredentials(auth: LiveAuth) {
  const tokens = auth.kind === 'oauth' ? tokenSource(auth) : undefined;
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
