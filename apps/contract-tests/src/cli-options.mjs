// @ts-check
/**
 * The contract CLI's options (cli.ts), in plain JavaScript so that `pnpm contracts:live` (contracts-live.mjs)
 * reads the command line exactly as the CLI will, before anything is built.
 */
export const cliOptions = /** @type {const} */ ({
  live: { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  api: { type: 'string', multiple: true },
  reports: { type: 'string' },
  pacts: { type: 'string' },
  verbose: { type: 'boolean', default: false },
  capture: { type: 'boolean', default: false },
  'probe-budget': { type: 'string' },
});
