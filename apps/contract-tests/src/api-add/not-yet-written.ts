/**
 * The live set-up of a descriptor `pnpm api:add` wrote: not written yet, and never mistaken for a pass. A
 * state's set-up fails the live run naming the file and the state; the access check stops the live run of
 * the API (could not run) until a person writes it.
 */
import type { SetupOutcome } from '../model.js';

export class NotYetWritten extends Error {
  override name = 'NotYetWritten';
}

/** A state's live set-up that fails, saying where to write it. */
export const notYetWrittenState = (file: string, state: string) => (): SetupOutcome => ({
  fail: { path: '(state)', message: `not yet written: the live set-up of state ${JSON.stringify(state)} in ${file}` },
});

/** The access check of a descriptor that has none yet: the live run of its API cannot start. */
export const notYetWrittenAccessCheck = (file: string) => (): never => {
  throw new NotYetWritten(`not yet written: accessCheck in ${file} (a read-only request the configured credentials and ids open)`);
};
