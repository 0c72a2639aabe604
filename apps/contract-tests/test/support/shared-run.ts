import { type Api, apis, specPath } from '@api-contracts/specs';
import { type PrismServer, startPrisms } from '../../src/prism.js';
import type { RunOptions } from '../../src/run.js';
import { startVerifier, type VerifierProcess } from '../../src/verify.js';

/** `runContracts` options that run it on shared processes: spread into each run. */
export type SharedRunOptions = Required<Pick<RunOptions, 'verifier' | 'prisms'>>;

let shared: Promise<SharedRunOptions> | undefined;

/**
 * One Verifier process and the specs' Prism mocks (one process, as `runContracts` starts them itself), for every
 * in-process run of a test file: started by its first test that asks, reused by the rest (each file runs in a
 * worker of its own, see vitest.config.ts). Each costs a second or two of CPU to start. Never stopped by a test:
 * both are child processes that exit when their parent, the worker, goes (they exit on `disconnect`), so nothing
 * is left behind.
 */
export function sharedRun(): Promise<SharedRunOptions> {
  shared ??= startShared().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

async function startShared(): Promise<SharedRunOptions> {
  const verifier: VerifierProcess = startVerifier();
  try {
    const servers = await startPrisms(apis.map((api) => specPath(api)));
    return { verifier, prisms: new Map(apis.map((api, index) => [api, servers[index] as PrismServer] as [Api, PrismServer])) };
  } catch (error) {
    await verifier.stop();
    throw error;
  }
}
