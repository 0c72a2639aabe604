/**
 * Live drift across consumers. A run reports one entry per consumer and API, and each entry's live route
 * groups its own findings into changes; a provider's drift is one set of changes however many consumers saw
 * it. `perApi` merges the entries of each API (its changes by fingerprint, the interactions that showed one
 * named by consumer), so drift.md, drift.json, the counts and the annotations list each change once;
 * `brokenConsumers` says whom it breaks.
 */
import type { ApiReport, ContractChange, InteractionReport, Report } from './model.js';
import { consumer as ownConsumer } from './providers/provider.js';

/** An interaction as the drift report names it: ours by its description, another consumer's prefixed with it. */
export const interactionOf = (consumer: string | undefined, description: string) =>
  consumer === undefined || consumer === ownConsumer ? description : `${consumer}: ${description}`;

/** One entry per API: the entries of its consumers merged (the first one's fields, the worst status). */
export function perApi(report: Pick<Report, 'apis'>): ApiReport[] {
  const names = [...new Set(report.apis.map((api) => api.api))];
  return names.map((name) => {
    const entries = report.apis.filter((api) => api.api === name);
    const [first] = entries as [ApiReport, ...ApiReport[]];
    if (entries.length === 1) return first;
    const judged = entries.filter((api) => api.changes !== undefined);
    const byFingerprint = new Map<string, ContractChange>();
    for (const entry of judged) {
      for (const change of entry.changes ?? []) {
        const seenIn = change.interactions.map((description) => interactionOf(entry.consumer, description));
        const known = byFingerprint.get(change.fingerprint);
        if (known) known.interactions = [...new Set([...known.interactions, ...seenIn])];
        else byFingerprint.set(change.fingerprint, { ...change, interactions: seenIn });
      }
    }
    const notRun = entries.find((api) => api.status === 'not-run');
    return {
      ...first,
      status: notRun ? 'not-run' : entries.some((api) => api.status === 'fail') ? 'fail' : 'pass',
      ...(notRun?.reason !== undefined && { reason: notRun.reason }),
      interactions: entries.flatMap((api) =>
        api.interactions.map(
          (interaction): InteractionReport => ({ ...interaction, description: interactionOf(api.consumer, interaction.description) }),
        ),
      ),
      ...(judged.length > 0 ? { changes: [...byFingerprint.values()] } : { changes: undefined }),
    };
  });
}

/**
 * Whom the live drift breaks: per API and consumer whose interactions failed live, one line,
 * e.g. "vectara drift breaks consumer `billing-service`: a request for its billing sessions".
 */
export function brokenConsumers(report: Pick<Report, 'apis' | 'mode'>): string[] {
  if (report.mode !== 'live') return [];
  return report.apis.flatMap((api) => {
    const failed = api.interactions
      .filter((interaction) => interaction.live.outcome === 'fail')
      .map((interaction) => interaction.description);
    if (failed.length === 0) return [];
    const pending = api.pending ? ' (pending)' : '';
    return [`${api.api} drift breaks consumer \`${api.consumer ?? ownConsumer}\`${pending}: ${failed.join('; ')}`];
  });
}
