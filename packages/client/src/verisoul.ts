/**
 * `@api-contracts/client/verisoul`: the Verisoul client (generated from specs/verisoul/openapi.yaml into
 * src/generated/verisoul.ts) and what every client shares, without the Vectara client.
 */
export type { AccountError, AccountSessionsResponse } from '@api-contracts/types/verisoul';
export * from './common.js';
export * from './generated/verisoul.js';
