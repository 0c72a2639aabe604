import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiName } from './states.js';

export const appDir = fileURLToPath(new URL('..', import.meta.url));
export const pactDir = join(appDir, 'pacts');
export const reportDir = join(appDir, 'reports');

const specsRoot = dirname(createRequire(import.meta.url).resolve('@api-contracts/specs/package.json'));
export const specPath = (api: ApiName) => join(specsRoot, api, 'openapi.yaml');
