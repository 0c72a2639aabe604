import { type Api, apis } from '@api-contracts/specs';
import { defaultMaxBytes } from './definition.js';

/** Bad input to the command: names the option or variable and its rule, before anything is fetched. */
export class SettingError extends TypeError {
  override name = 'SettingError';
}

/** VENDOR_DEFINITION_MAX_BYTES, or the default limit. */
export function maxBytesFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.VENDOR_DEFINITION_MAX_BYTES?.trim();
  if (!raw) return defaultMaxBytes;
  if (!/^[1-9][0-9]*$/.test(raw))
    throw new SettingError(`VENDOR_DEFINITION_MAX_BYTES must be a positive whole number of bytes, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** The APIs named by `--api` (all when none). */
export function selectApis(names: readonly string[] | undefined): Api[] {
  const selected = names ?? [...apis];
  const unknown = selected.filter((name) => !apis.includes(name as Api));
  if (unknown.length > 0) throw new SettingError(`--api ${unknown.join(', ')}: unknown API, expected ${apis.join(' or ')}`);
  return selected as Api[];
}
