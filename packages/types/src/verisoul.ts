/** Verisoul `GET /account/{account_id}/sessions`: the generated types and the names users reach for. */
import type { components, operations } from './generated/verisoul.js';

export type { components, operations, paths } from './generated/verisoul.js';
export { parameterRules, securitySchemes, servers } from './generated/verisoul.js';

/** 200 body: the request id and the account's session ids. */
export type AccountSessionsResponse = components['schemas']['SessionsResponse'];
/** 400 body ("Account not found"). */
export type AccountError = components['schemas']['AccountError'];
/** Path parameters of `getAccountSessions`. */
export type GetAccountSessionsPath = operations['getAccountSessions']['parameters']['path'];
