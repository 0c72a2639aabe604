import type { RunOptions } from '../../src/run.js';
import { startVerifier, type VerifierProcess } from '../../src/verify.js';
import { suitePrisms } from './suite-prisms.js';

/** `runContracts` options that run it on shared processes: spread into each run. */
export type SharedRunOptions = Required<Pick<RunOptions, 'verifier' | 'prisms'>>;

let verifier: VerifierProcess | undefined;

/**
 * One Verifier process for every in-process run of a worker, started by the first test that asks and reused by
 * the files after it (a worker keeps its modules from file to file, see vitest.config.ts), and the suite's Prism mocks of the
 * specs (suite-prisms.ts). The Verifier costs a second or two of CPU to start. Never stopped by a test: a child
 * process that exits when its parent, the worker, goes (on `disconnect`), so nothing is left behind.
 */
export function sharedRun(): SharedRunOptions {
  verifier ??= startVerifier();
  return { verifier, prisms: suitePrisms('mocks') };
}
