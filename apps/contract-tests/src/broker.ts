/**
 * Consumers' pacts from a Pact Broker (or PactFlow). The Prism route hands the broker to the Pact Verifier,
 * which fetches the pacts for verification itself (consumer version selectors, pending pacts) and, from CI
 * with a provider version, publishes the results. The static and live routes need the pacts' contents, and
 * the report their consumers and interactions: this module asks the broker the same question the Verifier
 * asks (its "pacts for verification" endpoint, HAL) and downloads each pact document.
 */
import type { PactFile } from './model.js';
import { runSecrets } from './redaction.js';

/** The broker's settings, from the environment (variables in the README). */
export interface BrokerSettings {
  url: string;
  token?: string;
  username?: string;
  password?: string;
  consumerVersionSelectors: Record<string, unknown>[];
  enablePending: boolean;
  includeWipPactsSince?: string;
  /** The version of what is verified (our spec and client): needed to publish results. */
  providerVersion?: string;
  providerVersionBranch?: string;
  /** Publish verification results: only from CI (`CI=true`) with a provider version. */
  publish: boolean;
}

/** A broker setting that cannot be used, named with its variable and the rule it breaks; thrown before any request. */
export class BrokerSettingsError extends Error {
  constructor(
    readonly variable: string,
    readonly rule: string,
  ) {
    super(`${variable}: ${rule}`);
    this.name = 'BrokerSettingsError';
  }
}

/** The broker could not be asked (unreachable, refused, not a broker): the run could not verify its pacts. */
export class BrokerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrokerError';
  }
}

/** What most teams verify: the consumers' main branches and what is deployed or released. */
export const defaultSelectors = [{ mainBranch: true }, { deployedOrReleased: true }];

const selectorKeys = new Set([
  'mainBranch',
  'branch',
  'matchingBranch',
  'fallbackBranch',
  'tag',
  'fallbackTag',
  'latest',
  'consumer',
  'deployedOrReleased',
  'deployed',
  'released',
  'environment',
]);

/**
 * The broker settings of `env`, or undefined when `PACT_BROKER_BASE_URL` is not set. Its secrets (token,
 * password) are registered for redaction at once.
 */
export function readBrokerSettings(env: NodeJS.ProcessEnv): BrokerSettings | undefined {
  const value = (name: string) => env[name]?.trim() || undefined;
  const base = value('PACT_BROKER_BASE_URL');
  if (!base) return undefined;
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new BrokerSettingsError('PACT_BROKER_BASE_URL', 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new BrokerSettingsError('PACT_BROKER_BASE_URL', `must be an http(s) URL, not ${url.protocol}`);
  const token = value('PACT_BROKER_TOKEN');
  const username = value('PACT_BROKER_USERNAME');
  const password = value('PACT_BROKER_PASSWORD');
  runSecrets.add(token, password, username && password ? `${username}:${password}` : undefined);
  if (token && (username || password))
    throw new BrokerSettingsError('PACT_BROKER_TOKEN', 'set either a token or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD, not both');
  if (Boolean(username) !== Boolean(password))
    throw new BrokerSettingsError(username ? 'PACT_BROKER_PASSWORD' : 'PACT_BROKER_USERNAME', 'a username needs its password');
  const providerVersion = value('PACT_PROVIDER_VERSION');
  const providerVersionBranch = value('PACT_PROVIDER_BRANCH');
  const includeWipPactsSince = value('PACT_BROKER_INCLUDE_WIP_PACTS_SINCE');
  if (includeWipPactsSince && Number.isNaN(Date.parse(includeWipPactsSince)))
    throw new BrokerSettingsError('PACT_BROKER_INCLUDE_WIP_PACTS_SINCE', 'must be a date, e.g. 2026-01-01');
  const pending = value('PACT_BROKER_ENABLE_PENDING') ?? 'true';
  if (pending !== 'true' && pending !== 'false') throw new BrokerSettingsError('PACT_BROKER_ENABLE_PENDING', 'must be true or false');
  return {
    url: url.href.replace(/\/$/, ''),
    ...(token && { token }),
    ...(username && password && { username, password }),
    consumerVersionSelectors: parseSelectors(value('PACT_BROKER_CONSUMER_VERSION_SELECTORS')),
    enablePending: pending === 'true',
    ...(includeWipPactsSince && { includeWipPactsSince }),
    ...(providerVersion && { providerVersion }),
    ...(providerVersionBranch && { providerVersionBranch }),
    publish: env.CI === 'true' && providerVersion !== undefined,
  };
}

function parseSelectors(text: string | undefined): Record<string, unknown>[] {
  if (text === undefined) return defaultSelectors;
  const variable = 'PACT_BROKER_CONSUMER_VERSION_SELECTORS';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BrokerSettingsError(variable, 'must be a JSON array of selectors, e.g. [{"mainBranch":true}]');
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw new BrokerSettingsError(variable, 'must be a non-empty JSON array');
  parsed.forEach((selector, index) => {
    if (selector === null || typeof selector !== 'object' || Array.isArray(selector))
      throw new BrokerSettingsError(variable, `selector ${index} must be an object`);
    const unknown = Object.keys(selector).filter((key) => !selectorKeys.has(key));
    if (unknown.length > 0)
      throw new BrokerSettingsError(
        variable,
        `selector ${index} has unknown key ${unknown.join(', ')} (known: ${[...selectorKeys].join(', ')})`,
      );
  });
  return parsed as Record<string, unknown>[];
}

/** One pact the broker gives for verification. */
export interface BrokerPact {
  /** The pact document's URL. */
  url: string;
  pending: boolean;
  /** The broker's words on why it is verified, e.g. `latest from main branch`. */
  why: string;
  pact: PactFile;
}

interface HalLinks {
  _links?: Record<string, { href?: string; templated?: boolean } | undefined>;
}
interface ForVerification {
  _embedded?: {
    pacts?: { shortDescription?: string; verificationProperties?: { pending?: boolean }; _links?: { self?: { href?: string } } }[];
  };
}

/** The broker's HAL answer at `url`, or a BrokerError naming the URL and the status (never the credentials). */
async function hal<T>(settings: BrokerSettings, url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/hal+json, application/json' };
  if (settings.token) headers.authorization = `Bearer ${settings.token}`;
  else if (settings.username)
    headers.authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password ?? ''}`).toString('base64')}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new BrokerError(`the Pact Broker is unreachable at ${url} (${cause})`);
  }
  if (!response.ok) {
    const refused = response.status === 401 || response.status === 403;
    throw new BrokerError(
      `the Pact Broker answered ${init.method ?? 'GET'} ${url} with HTTP ${response.status}${refused ? ': check PACT_BROKER_TOKEN (or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD)' : ''}`,
    );
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new BrokerError(`the Pact Broker's answer to ${url} is not JSON`);
  }
}

/**
 * The pacts the broker gives for verification of `provider`, as the Verifier asks for them (the index's
 * `pb:provider-pacts-for-verification` relation, POSTed the same selectors and pending flag), in the
 * broker's order, each document downloaded.
 */
export async function fetchPactsForVerification(settings: BrokerSettings, provider: string): Promise<BrokerPact[]> {
  const index = await hal<HalLinks>(settings, `${settings.url}/`);
  const link = index._links?.['pb:provider-pacts-for-verification']?.href;
  if (!link) throw new BrokerError(`${settings.url} is not a Pact Broker: its index has no pb:provider-pacts-for-verification link`);
  const forVerification = await hal<ForVerification>(settings, link.replace('{provider}', encodeURIComponent(provider)), {
    method: 'POST',
    body: {
      consumerVersionSelectors: settings.consumerVersionSelectors,
      includePendingStatus: settings.enablePending,
      ...(settings.includeWipPactsSince && { includeWipPactsSince: settings.includeWipPactsSince }),
      ...(settings.providerVersionBranch && { providerVersionBranch: settings.providerVersionBranch }),
    },
  });
  const listed = forVerification._embedded?.pacts ?? [];
  return Promise.all(
    listed.map(async (entry, position) => {
      const url = entry._links?.self?.href;
      if (!url) throw new BrokerError(`pact ${position + 1} of the broker's list for ${provider} has no self link`);
      const pact = await hal<PactFile>(settings, url);
      if (typeof pact?.consumer?.name !== 'string' || !Array.isArray(pact.interactions))
        throw new BrokerError(`${url} is not a pact (no consumer name or interactions)`);
      return { url, pending: entry.verificationProperties?.pending === true, why: entry.shortDescription ?? '', pact };
    }),
  );
}
