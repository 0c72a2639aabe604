// Generated from the list of specs by packages/client/scripts/generate.ts. Do not edit: run `pnpm generate`.
/**
 * Every API's client. Each API also has an entry point of its own (`@api-contracts/client/<api>`); a bundler
 * keeps only what is imported from here either way (`sideEffects: false`).
 */

export * from './vectara.js';
export * from './verisoul.js';
