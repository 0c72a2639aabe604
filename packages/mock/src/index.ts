/**
 * `@api-contracts/mock`: a local server of every operation of the specs in @api-contracts/specs, derived
 * from them when it starts (routes, parameters, credentials, examples, documented errors, `x-paging`).
 */
export type { ForceOptions, Json, Mock, MockOptions, RecordedRequest, Seed } from './mock.js';
export { MockSeedError, startMock } from './mock.js';
