import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const appDir = fileURLToPath(new URL('..', import.meta.url));
export const pactDir = join(appDir, 'pacts');
export const reportDir = join(appDir, 'reports');
/** The repository this app belongs to: `--capture` writes its specs, types and .changeset/. */
export const repositoryRoot = join(appDir, '..', '..');
