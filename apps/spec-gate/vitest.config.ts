import { defineConfig } from 'vitest/config';

// The test files share one worker without re-importing modules per file (none keeps state between files), which saves a module graph import per file.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, isolate: false } });
