// Global setup of vitest.write-commands.config.ts: the stand-ins' Prism mocks only (see suite-prisms.ts).
export { standInsOnly as default } from './suite-prisms.js';
