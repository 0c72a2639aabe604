// Where each provider's definition is read from: the published URL, or the variable's URL or file path.
import { dirname, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionLocation } from '../../src/vendor/sources.js';
import { vectaraFixture } from './support/definitions.js';
import { runVendorInProcess } from './support/vendor-cli.js';

describe('definition sources', () => {
  it('default to the URLs the providers publish', async () => {
    expect(await definitionLocation('vectara', {})).toEqual({
      location: 'https://docs.vectara.com/vectara-oas-v2.yaml',
      from: 'published URL',
    });
    expect(await definitionLocation('verisoul', {})).toEqual({
      location: 'https://docs.verisoul.ai/api-reference/account-openapi.json',
      from: 'published URL',
    });
  });

  it('follow VECTARA_DEFINITION / VERISOUL_DEFINITION when set', async () => {
    expect(await definitionLocation('vectara', { VECTARA_DEFINITION: ' ./vectara.yaml ' })).toEqual({
      location: './vectara.yaml',
      from: 'VECTARA_DEFINITION',
    });
    expect(await definitionLocation('verisoul', { VERISOUL_DEFINITION: 'http://127.0.0.1:1/x.json' })).toEqual({
      location: 'http://127.0.0.1:1/x.json',
      from: 'VERISOUL_DEFINITION',
    });
  });

  it('resolve a relative path from where the command was typed (pnpm’s INIT_CWD), not from the package', async () => {
    const typedIn = dirname(dirname(vectaraFixture));
    const run = await runVendorInProcess({ INIT_CWD: typedIn, VECTARA_DEFINITION: relative(typedIn, vectaraFixture) }, [
      '--api',
      'vectara',
    ]);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.report?.apis[0]?.definition?.source).toBe(vectaraFixture);
  });
});
