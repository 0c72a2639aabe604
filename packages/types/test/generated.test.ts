import { describe, expect, it } from 'vitest';
import { staleFiles } from '../scripts/generate.js';
import { parameterRules as vectaraRules, securitySchemes as vectaraSchemes } from '../src/vectara.js';
import { parameterRules as verisoulRules, securitySchemes as verisoulSchemes } from '../src/verisoul.js';

describe('generated code', () => {
  it('matches a fresh generation from the specs byte for byte', async () => {
    const stale = await staleFiles();
    expect(stale.map(({ file, diff }) => `${file}\n${diff}`).join('\n')).toBe('');
  });

  it('carries the parameter rules read from the specs', () => {
    expect(vectaraRules.listAgentSessions).toEqual({
      // Parameters given as `$ref`s (the timeout headers, the key's schema) carry their target's rules.
      'Request-Timeout': { in: 'header', required: false, type: 'integer', minimum: 1 },
      'Request-Timeout-Millis': { in: 'header', required: false, type: 'integer', minimum: 1 },
      agent_key: { in: 'path', required: true, type: 'string', pattern: '^[0-9a-zA-Z_-]+$', minLength: 1, maxLength: 50 },
      filter: { in: 'query', required: false, type: 'string' },
      metadata_filter: { in: 'query', required: false, type: 'string', maxLength: 8000 },
      limit: { in: 'query', required: false, type: 'integer', minimum: 1, maximum: 100 },
      page_key: { in: 'query', required: false, type: 'string' },
    });
    expect(verisoulRules.getAccountSessions).toEqual({
      account_id: { in: 'path', required: true, type: 'string', minLength: 1 },
    });
  });

  it('carries the security schemes read from the specs, OAuth2 token URL included', () => {
    expect(vectaraSchemes.ApiKeyAuth).toEqual({ type: 'apiKey', in: 'header', name: 'x-api-key' });
    expect(vectaraSchemes.OAuth2.flows.clientCredentials.tokenUrl).toBe('https://auth.vectara.io/oauth2/token');
    expect(verisoulSchemes).toEqual({ apiKeyAuth: { type: 'apiKey', in: 'header', name: 'x-api-key' } });
  });
});
