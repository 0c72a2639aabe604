import { Comparator } from '@pactflow/openapi-pact-comparator';
import { parse } from 'yaml';
import type { ConsumerPact, KnownPacts, PactInteraction, PactOrigin, PactSource } from './consumer-pacts.js';
import { operationName, operationsOf } from './openapi-walk.js';

export interface ConsumerFinding {
  consumer: string;
  origin: PactOrigin;
  /** The pact file, relative to the repo root. */
  file: string;
  interaction: string;
  /** The spec operation the interaction calls (operationId, else `GET /path`); absent when none matches. */
  operation?: string | undefined;
  /** The comparator's rule code, e.g. `response.body.incompatible`; `spec.removed` when the spec is gone. */
  code: string;
  /** Where in the interaction: `$.sessions[].id` in a response body, else the comparator's path (`request.query.enabled`). */
  location: string;
  message: string;
}

export interface ApiBlastRadius {
  api: string;
  /** The pacts checked against the changed spec. */
  checked: { consumer: string; origin: PactOrigin; file: string; interactions: number }[];
  /** Errors against the changed spec that the base spec did not give: the consumers this change breaks. */
  breaks: ConsumerFinding[];
  /** Warnings the change brings (e.g. a query parameter a consumer sends that the spec no longer declares). */
  warnings: ConsumerFinding[];
  /** Errors the pacts had against the base spec already: not this change's doing, so only counted. */
  alreadyIncompatible: number;
}

export interface BlastRadius {
  sources: PactSource[];
  /** One entry per changed spec. */
  apis: ApiBlastRadius[];
  /** Pacts that could not be checked, and why. */
  notChecked: { file: string; reason: string }[];
}

export interface SpecVersions {
  api: string;
  status: 'unchanged' | 'changed' | 'added' | 'removed';
  /** The spec's YAML at the base ref and in the working tree. */
  before?: string;
  after?: string;
}

/**
 * Which known consumers a spec change breaks, before it is released: each consumer pact of a changed spec's
 * provider is compared statically with the spec before and after the change by PactFlow's comparator (the
 * one the contract app's static route uses); an error the changed spec gives and the base spec did not is
 * a consumer this change breaks.
 */
export async function blastRadius(known: KnownPacts, specs: SpecVersions[]): Promise<BlastRadius> {
  const result: BlastRadius = { sources: known.sources, apis: [], notChecked: [...known.unreadable] };
  const byApi = new Map<string, ConsumerPact[]>();
  for (const pact of known.pacts) {
    const spec = specOf(pact, specs);
    if (!spec) {
      result.notChecked.push({
        file: pact.file,
        reason: `provider \`${pact.provider}\` matches no spec (${specs.map((candidate) => candidate.api).join(', ')}) by name or by paths`,
      });
      continue;
    }
    byApi.set(spec.api, [...(byApi.get(spec.api) ?? []), pact]);
  }
  for (const spec of specs) {
    if (spec.status === 'unchanged') continue;
    const radius: ApiBlastRadius = { api: spec.api, checked: [], breaks: [], warnings: [], alreadyIncompatible: 0 };
    for (const pact of byApi.get(spec.api) ?? []) {
      const interactions = pact.pact.interactions;
      radius.checked.push({ consumer: pact.consumer, origin: pact.origin, file: pact.file, interactions: interactions.length });
      if (spec.after === undefined) {
        const removed = spec.before === undefined ? undefined : parse(spec.before);
        for (const interaction of interactions)
          radius.breaks.push({
            ...finding(pact, interaction.description, 'spec.removed', '', `the spec of \`${spec.api}\` is removed`),
            operation: operationCalled(removed, interaction),
          });
        continue;
      }
      let after: Findings;
      let before: Findings;
      try {
        after = await compare(spec.after, pact);
        before = spec.before === undefined ? { errors: [], warnings: [] } : await compare(spec.before, pact);
      } catch (error) {
        result.notChecked.push({
          file: pact.file,
          reason: `the comparator failed: ${error instanceof Error ? error.message : String(error)}`,
        });
        continue;
      }
      const errorsBefore = new Set(before.errors.map(key));
      const warningsBefore = new Set(before.warnings.map(key));
      radius.breaks.push(...after.errors.filter((item) => !errorsBefore.has(key(item))));
      radius.warnings.push(...after.warnings.filter((item) => !warningsBefore.has(key(item))));
      radius.alreadyIncompatible += after.errors.filter((item) => errorsBefore.has(key(item))).length;
    }
    result.apis.push(radius);
  }
  return result;
}

/** The consumers a changed spec breaks, each once, in order of appearance. */
export const brokenConsumers = (radius: ApiBlastRadius | undefined) => [...new Set((radius?.breaks ?? []).map((item) => item.consumer))];

interface Findings {
  errors: ConsumerFinding[];
  warnings: ConsumerFinding[];
}

// The comparator is given a fresh parse of the spec each time: it must not see a document another run touched.
async function compare(specText: string, pact: ConsumerPact): Promise<Findings> {
  const findings: Findings = { errors: [], warnings: [] };
  const seen = new Set<string>();
  // A copy for naming operations: the comparator's own parse is its alone.
  const document = parse(specText);
  for await (const result of new Comparator(parse(specText)).compare(pact.pact)) {
    const location = result.mockDetails?.location ?? '';
    const index = /^\[root\]\.interactions\[(\d+)\]/.exec(location)?.[1];
    const item = finding(
      pact,
      result.mockDetails?.interactionDescription ?? '(the whole pact)',
      result.code,
      pactLocation(location, result.message),
      result.message,
    );
    item.operation = operationCalled(document, index === undefined ? undefined : pact.pact.interactions[Number(index)]);
    // Every item of an array gives the same finding; one line says it.
    if (seen.has(key(item))) continue;
    seen.add(key(item));
    (result.type === 'warning' ? findings.warnings : findings.errors).push(item);
  }
  return findings;
}

const finding = (pact: ConsumerPact, interaction: string, code: string, location: string, message: string): ConsumerFinding => ({
  consumer: pact.consumer,
  origin: pact.origin,
  file: pact.file,
  interaction,
  code,
  location,
  message,
});

const key = (item: ConsumerFinding) => JSON.stringify([item.file, item.interaction, item.code, item.location, item.message]);

/** The operation of `document` an interaction's request calls: its method, and its path matched against the path templates. */
function operationCalled(document: unknown, interaction: PactInteraction | undefined): string | undefined {
  const method = interaction?.request?.method?.toLowerCase();
  const path = interaction?.request?.path;
  if (!method || !path || !document) return undefined;
  // A literal path wins over a template that also matches it (`/sessions/latest` over `/sessions/{key}`).
  const matching = operationsOf(document)
    .filter(([template, candidate]) => candidate === method && templatePattern(template).test(path))
    .sort(([a], [b]) => (a.includes('{') ? 1 : 0) - (b.includes('{') ? 1 : 0));
  const [first] = matching;
  return first ? operationName(document, first[0], first[1]) : undefined;
}

/**
 * `[root].interactions[3].response.body.sessions.0` with "must NOT have additional properties - id" becomes
 * `$.sessions[].id`: a response body as a JSON path, array items as `[]`, the property the spec no longer has
 * (which the comparator names only in its message) appended.
 */
export function pactLocation(location: string, message: string): string {
  const path = location
    .replace(/^\[root\]\.interactions\[\d+\]\./, '')
    .replace(/^response\.body(?=\.|$)/, '$')
    .replace(/\.\d+(?=\.|$)/g, '[]');
  const extra = /must NOT have additional properties - (\S+)$/.exec(message)?.[1];
  return extra && path.startsWith('$') ? `${path}.${extra}` : path;
}

/**
 * The spec a pact is for: the API its provider is named after (`vectara-agents-api` is vectara's), else the
 * one whose paths (before or after the change) hold every request of the pact.
 */
function specOf(pact: ConsumerPact, specs: SpecVersions[]): SpecVersions | undefined {
  const byName = specs.find((spec) => new RegExp(`^${escapeRegExp(spec.api)}(?![a-z0-9])`, 'i').test(pact.provider));
  if (byName) return byName;
  const paths = pact.pact.interactions.map((interaction) => interaction.request?.path).filter((path) => typeof path === 'string');
  if (paths.length === 0) return undefined;
  return specs.find((spec) =>
    [spec.before, spec.after].some((text) => {
      if (text === undefined) return false;
      const templates = Object.keys((parse(text) as { paths?: Record<string, unknown> })?.paths ?? {}).map(templatePattern);
      return paths.every((path) => templates.some((template) => template.test(path)));
    }),
  );
}

const templatePattern = (template: string) =>
  new RegExp(
    `^${template
      .split(/\{[^}]+\}/)
      .map(escapeRegExp)
      .join('[^/]+')}$`,
  );

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
