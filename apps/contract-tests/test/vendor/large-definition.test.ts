// A 20 MB definition (generated here, never committed) is parsed within a bounded heap; one over the
// limit is refused with a clear message, before it is read whole.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DefinitionServer, serveDefinitions } from './support/definition-server.js';
import { largeVectaraDefinition } from './support/definitions.js';
import { knownDifferences } from './support/known-differences.js';
import { runVendorCli, runVendorInProcess } from './support/vendor-cli.js';

const twentyMegabytes = 20 * 1024 * 1024;
let server: DefinitionServer;
let directory: string;
let file: string;

beforeAll(async () => {
  const body = largeVectaraDefinition(twentyMegabytes);
  directory = await mkdtemp(join(tmpdir(), 'api-contracts-large-'));
  file = join(directory, 'vectara-oas-v2.yaml');
  await writeFile(file, body);
  server = await serveDefinitions({ '/large.yaml': { body }, '/large-chunked.yaml': { body, chunked: true } });
});
afterAll(async () => {
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

// The 20 MB run is a child process of its own, its heap capped; the refusals run in process (`vendorCommand`).
describe('a 20 MB definition', () => {
  // The heap is capped well below what a full document model of 20 MB would take, so the test fails if
  // parsing stops being lean. (Measured: about 280 MB peak RSS, 3 s to fetch, parse and compare.)
  it('is fetched, parsed and compared within a 256 MB heap: the captured operation only, every difference explained', async () => {
    const run = await runVendorCli({ VECTARA_DEFINITION: server.url('/large.yaml') }, ['--api', 'vectara'], '--max-old-space-size=256');
    expect(run.exitCode, run.all).toBe(0);
    const [vectara] = run.report?.apis ?? [];
    expect(vectara?.definition?.bytes).toBeGreaterThanOrEqual(twentyMegabytes);
    const known = await knownDifferences('vectara');
    expect(vectara?.changes).toHaveLength(known.total);
    expect(run.report?.summary).toMatchObject({ newBreaking: 0, newAdditive: 0, explained: known.total });
  });

  it('over VENDOR_DEFINITION_MAX_BYTES with a Content-Length: refused unread, exit 2', async () => {
    const run = await runVendorInProcess({ VECTARA_DEFINITION: server.url('/large.yaml'), VENDOR_DEFINITION_MAX_BYTES: '1048576' }, [
      '--api',
      'vectara',
    ]);
    expect(run.exitCode, run.all).toBe(2);
    expect(run.stdout).toContain(
      `vectara: NOT RUN: ${server.url('/large.yaml')} is 20.0 MB, over the limit of 1.0 MB: refused unread (set VENDOR_DEFINITION_MAX_BYTES to raise the limit)`,
    );
  });

  it('over the limit without a Content-Length: cut off while streaming, exit 2', async () => {
    const run = await runVendorInProcess(
      { VECTARA_DEFINITION: server.url('/large-chunked.yaml'), VENDOR_DEFINITION_MAX_BYTES: '1048576' },
      ['--api', 'vectara'],
    );
    expect(run.exitCode, run.all).toBe(2);
    expect(run.stdout).toMatch(
      /vectara: NOT RUN: \S+\/large-chunked\.yaml is larger than the limit of 1\.0 MB: refused after reading that much/,
    );
  });

  it('a local file over the limit: refused unread, exit 2', async () => {
    const run = await runVendorInProcess({ VECTARA_DEFINITION: file, VENDOR_DEFINITION_MAX_BYTES: '1048576' }, ['--api', 'vectara']);
    expect(run.exitCode, run.all).toBe(2);
    expect(run.stdout).toContain(`vectara: NOT RUN: ${file} is 20.0 MB, over the limit of 1.0 MB: refused unread`);
  });

  it('a malformed limit is refused before anything is fetched, naming the variable', async () => {
    const before = server.requests.length;
    const run = await runVendorInProcess({ VECTARA_DEFINITION: server.url('/large.yaml'), VENDOR_DEFINITION_MAX_BYTES: '20MB' }, [
      '--api',
      'vectara',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      'contracts:vendor could not run: VENDOR_DEFINITION_MAX_BYTES must be a positive whole number of bytes, got "20MB"',
    );
    expect(server.requests.length).toBe(before);
  });
});
