/** What our own pacts cover of the real specs: every status of both APIs, and the gaps named. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Api, loadSpec } from '@api-contracts/specs';
import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../src/coverage/coverage.js';
import { exercisesOfPact } from '../../src/coverage/pact-exercises.js';
import { renderCoverageMarkdown, renderCoverageTable } from '../../src/coverage/render.js';
import { pactDir } from '../../src/paths.js';
import { loadProvider } from '../../src/providers/index.js';
import { consumer } from '../../src/providers/provider.js';
import { specOperations } from '../../src/spec-operation.js';

async function coverageOfOurPact(api: Api) {
  const provider = await loadProvider(api);
  const pact = JSON.parse(await readFile(join(pactDir, `${consumer}-${provider.name}.json`), 'utf8')) as unknown;
  return coverageOf(api, loadSpec(api), exercisesOfPact(pact), ['pacts']);
}

describe('our pacts against our specs', () => {
  it.each(['vectara', 'verisoul'] as const)('%s: every operation and status is exercised', async (api) => {
    const coverage = await coverageOfOurPact(api);
    expect(coverage.operations.missing).toEqual([]);
    expect(coverage.statuses).toMatchObject({ percent: 100, missing: [] });
    expect(coverage.statuses.total).toBeGreaterThan(1);
  });

  it('vectara: what the pacts leave to the probe is named, not trusted', async () => {
    const coverage = await coverageOfOurPact('vectara');
    // The pacts send Request-Timeout-Millis, never Request-Timeout; their examples carry no session status.
    expect(coverage.parameters.missing).toEqual(['listAgentSessions header Request-Timeout', 'getAgentSession header Request-Timeout']);
    expect(coverage.enumValues.missing).toContain('listAgentSessions 200 $.sessions[].status = "running"');
    expect(coverage.responseProperties.missing).toContain('listAgentSessions 200 $.sessions[].status');
    const table = renderCoverageTable([coverage]);
    // Every operation and status of the spec, counted from it.
    const operations = specOperations(loadSpec('vectara'));
    const statuses = operations.reduce((count, operation) => count + Object.keys(operation.responses).length, 0);
    expect(table).toMatch(
      new RegExp(
        `^vectara \\(pacts\\)\\s+100\\.0% \\(${operations.length}/${operations.length}\\)\\s+100\\.0% \\(${statuses}/${statuses}\\)`,
        'm',
      ),
    );
    // Counted, not named, without --verbose (a capture adds enum values and properties: the counts follow the spec).
    expect(table).toContain(
      `vectara: not exercised: 2 parameters, ${coverage.enumValues.missing.length} enum values, ${coverage.responseProperties.missing.length} response properties (--verbose`,
    );
    expect(table).not.toMatch(/- listAgentSessions header Request-Timeout/);
    expect(renderCoverageTable([coverage], { verbose: true })).toMatch(/- listAgentSessions header Request-Timeout/);
    expect(renderCoverageMarkdown([coverage])).toMatch(/<details><summary>vectara: not exercised/);
  });
});
