import { createHash } from 'node:crypto';
import { schemaPathOf } from './paths.js';

export interface FingerprintInput {
  rule: string;
  api: string;
  /** The operation as our spec names it: its operationId (`listAgentSessions`). */
  operation: string;
  /** The response status the change was seen on; absent for request, security and operation changes. */
  status?: number | string | undefined;
  /** Schema path (`$.sessions[].key`) or token (`status`, `header:retry-after`); an instance path is reduced to its schema path. */
  path: string;
}

/** Hex digits kept of the sha-256: 48 bits, ample for the few hundred changes two APIs can have. */
export const fingerprintLength = 12;

/**
 * A stable id for one change of the contract: the same rule at the same place of the same operation and
 * status gives the same id on every run and machine, whatever the instance (`[3]` and `[7]` agree).
 * The nightly job keys its `api-drift` issue on it and the acknowledgement file refers to it.
 */
export function fingerprint({ rule, api, operation, status, path }: FingerprintInput): string {
  const canonical = JSON.stringify([rule, api, operation, status === undefined ? '' : String(status), schemaPathOf(path)]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, fingerprintLength);
}
