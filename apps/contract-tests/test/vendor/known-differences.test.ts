// specs/<api>/vendor-differences.yaml: a known difference is never reported as new, a new one always is,
// an entry whose difference is gone is reported stale, and a malformed file stops the run before any fetch.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AcknowledgementFileError } from '@api-contracts/drift-rules';
import { specPath } from '@api-contracts/specs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderVendorTable } from '../../src/vendor/report.js';
import { knownDifferencesPath, runVendor } from '../../src/vendor/run.js';
import { type DefinitionServer, serveDefinitions } from './support/definition-server.js';
import { vectaraFixture, vectaraText } from './support/definitions.js';
import { type KnownDifferences, knownDifferences } from './support/known-differences.js';

let server: DefinitionServer;
beforeAll(async () => {
  server = await serveDefinitions({ '/vectara.yaml': { body: vectaraText() } });
});
afterAll(() => server.close());

/** A copy of the specs folder, whose vendor-differences.yaml a test rewrites. */
let specsRoot: string;
let file: string;
let original: string;
let known: KnownDifferences;
beforeEach(async () => {
  specsRoot = await mkdtemp(join(tmpdir(), 'api-contracts-specs-'));
  await cp(dirname(specPath('vectara')), join(specsRoot, 'vectara'), { recursive: true });
  file = knownDifferencesPath('vectara', specsRoot);
  original = await readFile(file, 'utf8');
  known = await knownDifferences('vectara', specsRoot);
});
afterEach(() => rm(specsRoot, { recursive: true, force: true }));

const run = (location = vectaraFixture) => runVendor({ apis: ['vectara'], specsRoot, env: { VECTARA_DEFINITION: location } });

describe('the reviewed file of differences made on purpose', () => {
  it('every difference it lists is explained, with its reason', async () => {
    const report = await run();
    expect(report.exitCode).toBe(0);
    const status429 = report.apis[0]?.changes.find((change) => change.status === '429');
    expect(status429?.acknowledged?.reason).toMatch(/^Rate limiting is answered 429/);
  });

  it('a difference it does not list is new: the one dropped from the file fails the run', async () => {
    const without429 = original.replace(/ {2}# status 429\n {2}- fingerprint: 7fdaa14b90cb\n(?: {4}.*\n)+/, '');
    expect(without429).not.toContain('7fdaa14b90cb');
    await writeFile(file, without429);
    const report = await run();
    expect(report.exitCode).toBe(1);
    expect(report.summary).toMatchObject({ newBreaking: 1, explained: known.total - 1 });
    const fresh = report.apis[0]?.changes.filter((change) => !change.acknowledged);
    expect(fresh?.map((change) => [change.rule, change.status, change.fingerprint])).toEqual([
      ['response-status-removed', '429', '7fdaa14b90cb'],
    ]);
  });

  it('without the file every difference is new', async () => {
    await rm(file);
    const report = await run();
    expect(report.exitCode).toBe(1);
    expect(report.summary).toMatchObject({ newBreaking: known.breaking, newAdditive: known.additive, explained: 0 });
  });

  it('an entry whose difference is gone is reported stale, in the table and the JSON', async () => {
    await writeFile(
      file,
      `${original}  - fingerprint: 0123456789ab\n    rule: response-property-added\n    reason: Vectara sent \`title\` once; captured since.\n`,
    );
    const report = await run();
    expect(report.exitCode).toBe(0);
    expect(report.summary.stale).toBe(1);
    expect(report.apis[0]?.acknowledgements.unused).toMatchObject([{ fingerprint: '0123456789ab', rule: 'response-property-added' }]);
    expect(renderVendorTable(report)).toContain(
      `  ${file}: acknowledgement 0123456789ab (entry ${known.total + 1}, response-property-added) matches no change of this run: remove it if the drift is gone`,
    );
  });

  it('an entry naming another rule than its difference’s does not explain it', async () => {
    await writeFile(
      file,
      original.replace(
        '- fingerprint: 7fdaa14b90cb\n    rule: response-status-removed',
        '- fingerprint: 7fdaa14b90cb\n    rule: response-status-added',
      ),
    );
    const report = await run();
    expect(report.exitCode).toBe(1);
    expect(report.apis[0]?.acknowledgements.mismatched).toHaveLength(1);
    expect(renderVendorTable(report)).toContain('names rule response-status-added but the change is response-status-removed: not applied');
  });

  it('a malformed entry stops the run before anything is fetched, naming the entry and field', async () => {
    await writeFile(file, 'acknowledged:\n  - fingerprint: 7fdaa14b90cb\n    rule: response-status-removed\n');
    const before = server.requests.length;
    const failure = run(server.url('/vectara.yaml'));
    await expect(failure).rejects.toBeInstanceOf(AcknowledgementFileError);
    await expect(failure).rejects.toThrow(/entry 1 \(fingerprint 7fdaa14b90cb\), line 2, field "reason": is required/);
    expect(server.requests.length).toBe(before);
  });

  it('an unknown rule id is refused', async () => {
    await writeFile(file, 'acknowledged:\n  - fingerprint: 7fdaa14b90cb\n    rule: status-gone\n    reason: Because.\n');
    await expect(run()).rejects.toThrow(/field "rule": must be a rule id of the catalogue, got "status-gone"/);
  });
});
