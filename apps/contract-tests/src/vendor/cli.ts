/**
 * `pnpm contracts:vendor`: our specs against the providers' published OpenAPI definitions, for the captured
 * operation only. No credentials needed.
 *   --api NAME      only this API (verisoul | vectara); repeatable
 *   --reports DIR   where vendor.json and vendor-drift.md go (default: reports/)
 *   --capture       turn new differences that only add to the contract into a spec patch (schemas copied from
 *                   the definition), regenerated types and a changeset; a new breaking one: nothing is written
 * Environment: VECTARA_DEFINITION, VERISOUL_DEFINITION (a URL or a file path; default the published URL),
 * VENDOR_DEFINITION_MAX_BYTES (default 32 MiB: larger documents are refused unread).
 * Exit codes: 0 no new breaking difference, 1 a new breaking difference, 2 could not run.
 */
import { vendorCommand } from './command.js';

vendorCommand({
  args: process.argv.slice(2),
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then((code) => process.exit(code));
