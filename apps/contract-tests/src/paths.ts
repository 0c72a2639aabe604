import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const appDir = fileURLToPath(new URL('..', import.meta.url));
export const pactDir = join(appDir, 'pacts');
export const reportDir = join(appDir, 'reports');
