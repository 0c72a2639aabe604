// What each API's vendor-differences.yaml explains today. A capture (`--capture`) appends entries, so tests
// that run against the definitions as published read the counts here instead of pinning them.
import { type Acknowledgement, loadAcknowledgements, ruleOf } from '@api-contracts/drift-rules';
import type { Api } from '@api-contracts/specs';
import { knownDifferencesPath } from '../../../src/vendor/run.js';

export interface KnownDifferences {
  entries: Acknowledgement[];
  total: number;
  breaking: number;
  additive: number;
}

export async function knownDifferences(api: Api, specsRoot?: string): Promise<KnownDifferences> {
  const entries = await loadAcknowledgements(knownDifferencesPath(api, specsRoot));
  const breaking = entries.filter((entry) => ruleOf(entry.rule).severity === 'breaking').length;
  return { entries, total: entries.length, breaking, additive: entries.length - breaking };
}
