import { loadSpec } from '@api-contracts/specs';
import { describe, expect, it } from 'vitest';
import { sharedPlaces } from '../../src/capture/shared-places.js';

describe('where else a captured property shows', () => {
  const spec = loadSpec('vectara');

  it('a property of a session in the list is a property of the single session too', () => {
    expect(sharedPlaces(spec, { operation: 'listAgentSessions', status: '200', path: '$.sessions[].archived_at' })).toEqual([
      { operation: 'getAgentSession', status: '200', path: '$.archived_at' },
    ]);
    expect(sharedPlaces(spec, { operation: 'getAgentSession', status: '200', path: '$.archived_at' })).toEqual([
      { operation: 'listAgentSessions', status: '200', path: '$.sessions[].archived_at' },
    ]);
  });

  it('a property of a schema only one operation reaches shows nowhere else', () => {
    expect(sharedPlaces(spec, { operation: 'listAgentSessions', status: '200', path: '$.metadata.total' })).toEqual([]);
    expect(sharedPlaces(loadSpec('verisoul'), { operation: 'getAccountSessions', status: '200', path: '$.archived_at' })).toEqual([]);
  });
});
