import { readFile } from 'node:fs/promises';
import { Comparator } from '@pactflow/openapi-pact-comparator';
import { parse } from 'yaml';

export interface StaticFinding {
  /** The comparator's rule code, e.g. `response.body.incompatible`. */
  code: string;
  type: 'error' | 'warning';
  message: string;
  /** Where in the pact, e.g. `[root].interactions[2].response.body.sessions.0.enabled`. */
  location: string;
}

/**
 * Compares every request and response of a pact with the spec, no server involved, as PactFlow's
 * bi-directional contract testing does, using PactFlow's own comparator. Findings are grouped by
 * interaction description.
 */
export async function staticCheck(specFile: string, pactFile: string): Promise<Map<string, StaticFinding[]>> {
  const spec = parse(await readFile(specFile, 'utf8'));
  const pact = JSON.parse(await readFile(pactFile, 'utf8')) as { interactions: { description: string }[] };
  const byInteraction = new Map<string, StaticFinding[]>(pact.interactions.map((interaction) => [interaction.description, []]));
  for await (const result of new Comparator(spec).compare(pact)) {
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
