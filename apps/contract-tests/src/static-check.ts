import { readFile } from 'node:fs/promises';
import { type Api, loadSpec } from '@api-contracts/specs';
import { Comparator } from '@pactflow/openapi-pact-comparator';
import type { PactFile, RouteResult, StaticFinding } from './model.js';

/**
 * Compares every request and response of a pact with the spec, no server involved, as PactFlow's
 * bi-directional contract testing does, using PactFlow's own comparator (given the spec, or a comparator
 * already made for it). Findings are grouped by interaction description.
 */
export async function staticCheck(spec: unknown, pactFile: string): Promise<Map<string, StaticFinding[]>> {
  const pact = JSON.parse(await readFile(pactFile, 'utf8')) as PactFile;
  const byInteraction = new Map<string, StaticFinding[]>(pact.interactions.map((interaction) => [interaction.description, []]));
  const comparator = spec instanceof Comparator ? spec : new Comparator(spec);
  for await (const result of comparator.compare(pact)) {
    const finding: StaticFinding = {
      code: result.code,
      type: result.type === 'warning' ? 'warning' : 'error',
      message: result.message,
      location: result.mockDetails?.location ?? '',
    };
    const description = result.mockDetails?.interactionDescription;
    const bucket = description ? byInteraction.get(description) : undefined;
    if (bucket) bucket.push(finding);
    // A finding about the pact as a whole (e.g. an unreadable file) belongs to every interaction.
    else for (const findings of byInteraction.values()) findings.push(finding);
  }
  return byInteraction;
}

// One comparator per API for the whole run: building one (parsing the spec, setting up its ajv) costs about
// 40 ms, which fifty consumers' pacts would pay a hundred times; its router is built on the first comparison.
const comparators = new Map<Api, Comparator>();
const comparatorOf = (api: Api) => comparators.get(api) ?? comparators.set(api, new Comparator(loadSpec(api))).get(api);

/** The static route: one result per interaction, failing on the comparator's errors (warnings are reported, not failed). */
export async function staticRoute(api: Api, pactFile: string): Promise<Map<string, RouteResult>> {
  const results = new Map<string, RouteResult>();
  for (const [description, findings] of await staticCheck(comparatorOf(api) as Comparator, pactFile)) {
    const errors = findings.filter((finding) => finding.type === 'error');
    results.set(description, {
      outcome: errors.length > 0 ? 'fail' : 'pass',
      ...(findings.length > 0 && { reason: findings.map((finding) => `${finding.code}: ${finding.message}`).join('; ') }),
      findings,
    });
  }
  return results;
}
