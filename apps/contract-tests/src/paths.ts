import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const appDir = fileURLToPath(new URL('..', import.meta.url));
export const pactDir = join(appDir, 'pacts');
export const reportDir = join(appDir, 'reports');
/** Our consumer tests, one per API: `<api>.pact.test.ts` drives the client against Pact's mock server. */
export const consumerTestDir = join(appDir, 'consumer');
/** The repository this app belongs to: `--capture` writes its specs, types and .changeset/. */
export const repositoryRoot = join(appDir, '..', '..');
