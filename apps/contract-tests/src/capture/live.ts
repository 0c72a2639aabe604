/** `pnpm contracts:live --capture`: the live run's changes, per judged API, handed to the capture. */
import type { Api } from '@api-contracts/specs';
import type { Report } from '../model.js';
import { repositoryRoot } from '../paths.js';
import { loadProvider } from '../providers/index.js';
import { readLiveSettings } from '../settings.js';
import { type CaptureResult, captureDrift } from './capture.js';

export async function captureLiveDrift(
  report: Report,
  observed: Partial<Record<Api, readonly { status: number; body: unknown }[]>>,
  log: (line: string) => void,
  root: string = repositoryRoot,
): Promise<CaptureResult> {
  // An API that was not judged (not run, skipped) has no changes to capture; one change seen by several consumers' pacts counts once.
  const changes = new Map(report.apis.flatMap((api) => api.changes ?? []).map((change) => [change.fingerprint, change]));
  const apis = [...new Set(report.apis.map((api) => api.api as Api))];
  const seenAt: Partial<Record<Api, string>> = {};
  for (const api of apis) {
    const settings = readLiveSettings(await loadProvider(api), process.env);
    // The origin only: a base URL never carries credentials into a spec.
    if (!('missing' in settings)) seenAt[api] = new URL(settings.baseUrl).origin;
  }
  return captureDrift({ root, command: 'pnpm contracts:live', changes: [...changes.values()], seenAt, observed, log });
}
