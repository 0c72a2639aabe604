// Done when: against the providers' current definitions the reconciled specs show 0 unexplained differences.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { fullVectaraDefinition, vectaraDefinition, vectaraFixture, verisoulFixture } from './support/definitions.js';
import { knownDifferences } from './support/known-differences.js';
import { trimDefinition } from './support/trim-definition.js';
import { runVendorCli, type VendorRun } from './support/vendor-cli.js';

describe('the reconciled specs against the providers’ published definitions', () => {
  it('exits 0 with every difference explained, listed in the table, vendor.json, vendor-drift.md and the step summary', async () => {
    const summaryDir = await mkdtemp(join(tmpdir(), 'api-contracts-summary-'));
    const summary = join(summaryDir, 'summary.md');
    try {
      const run = await runVendorCli({
        VECTARA_DEFINITION: vectaraFixture,
        VERISOUL_DEFINITION: verisoulFixture,
        GITHUB_STEP_SUMMARY: summary,
      });
      expect(run.exitCode, run.all).toBe(0);
      const known = { vectara: await knownDifferences('vectara'), verisoul: await knownDifferences('verisoul') };
      const explained = known.vectara.total + known.verisoul.total;
      expect(run.report?.summary).toEqual({ newBreaking: 0, newAdditive: 0, explained, stale: 0, notRun: 0 });
      const vectara = run.report?.apis.find((result) => result.api === 'vectara');
      const verisoul = run.report?.apis.find((result) => result.api === 'verisoul');
      // One change per entry of each file, each explained by it; the reconciliation's own differences among them
      // (a capture adds entries, never removes one).
      for (const [api, result] of [
        ['vectara', vectara],
        ['verisoul', verisoul],
      ] as const) {
        expect(result?.changes.every((change) => change.acknowledged !== undefined)).toBe(true);
        expect(result?.changes.map((change) => change.fingerprint).sort(), api).toEqual(
          known[api].entries.map((entry) => entry.fingerprint).sort(),
        );
      }
      expect(vectara?.changes.map((change) => [change.rule, change.status ?? '-', change.path, Boolean(change.acknowledged)])).toEqual(
        expect.arrayContaining([
          ['response-pattern-violated', '200', '$.sessions[].agent_key', true],
          ['response-pattern-violated', '200', '$.sessions[].created_by_agent_key', true],
          ['response-pattern-violated', '200', '$.sessions[].created_by_session_key', true],
          ['response-pattern-violated', '200', '$.sessions[].key', true],
          ['response-status-removed', '400', 'status', true],
          ['response-status-removed', '401', 'status', true],
          ['response-status-removed', '429', 'status', true],
          ['request-constraint-relaxed', '-', 'parameter:path:agent_key', true],
        ]),
      );
      expect(verisoul?.changes.map((change) => [change.rule, change.status ?? '-', change.path, Boolean(change.acknowledged)])).toEqual(
        expect.arrayContaining([
          ['response-property-became-optional', '200', '$.request_id', true],
          ['response-property-became-optional', '200', '$.sessions', true],
          ['response-property-became-optional', '400', '$.message', true],
          ['response-property-became-optional', '400', '$.statusCode', true],
          ['request-constraint-relaxed', '-', 'parameter:path:account_id', true],
        ]),
      );
      expect(vectara?.definition).toMatchObject({ source: vectaraFixture, from: 'VECTARA_DEFINITION', openapi: '3.0.0', version: '2.0' });
      expect(run.stdout).toMatch(/API\s+operation\s+rule\s+severity\s+pointer\s+ours\s+theirs\s+status\s+fingerprint/);
      expect(run.stdout).toMatch(
        /vectara\s+listAgentSessions\s+response-pattern-violated\s+breaking\s+200 \$\.sessions\[\]\.key\s+pattern \^\[0-9a-zA-Z_-\]\+\$\s+pattern \[0-9a-zA-Z_-\]\+\$\s+explained\s+[0-9a-f]{12}/,
      );
      expect(run.stdout).toMatch(
        /verisoul\s+getAccountSessions\s+response-property-became-optional\s+breaking\s+200 \$\.request_id\s+required\s+optional\s+explained/,
      );
      expect(run.stdout).not.toContain('NEW');
      expect(run.stdout).toContain(
        `vendor run: 0 new breaking, 0 new additive, ${explained} explained: no unexplained breaking difference (exit 0)`,
      );
      expect(run.markdown).toContain(`**vectara: 0 breaking, 0 additive changes, ${known.vectara.total} acknowledged**`);
      expect(run.markdown).toContain(`**verisoul: 0 breaking, 0 additive changes, ${known.verisoul.total} acknowledged**`);
      expect(await readFile(summary, 'utf8')).toBe(run.markdown);
    } finally {
      await rm(summaryDir, { recursive: true, force: true });
    }
  });

  // The committed fixture is the provider's definition cut by support/trim-definition.ts; where the original
  // is at hand, prove the cut is reproducible and changes nothing the comparison sees.
  it.skipIf(!existsSync(fullVectaraDefinition))('the trimmed Vectara fixture is the full definition, cut; both compare alike', async () => {
    const full = load(readFileSync(fullVectaraDefinition, 'utf8'));
    expect(trimDefinition('vectara', full)).toEqual(vectaraDefinition());
    const onFixture = await runVendorCli({ VECTARA_DEFINITION: vectaraFixture }, ['--api', 'vectara']);
    const onFull = await runVendorCli({ VECTARA_DEFINITION: fullVectaraDefinition }, ['--api', 'vectara']);
    expect(onFull.exitCode, onFull.all).toBe(0);
    const fingerprints = (run: VendorRun) => run.report?.apis[0]?.changes.map((change) => change.fingerprint);
    expect(fingerprints(onFull)).toEqual(fingerprints(onFixture));
  });
});
