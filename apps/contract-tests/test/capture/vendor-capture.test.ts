/**
 * `pnpm contracts:vendor --capture`'s patch: the provider's definition gains an optional field, a query
 * parameter, a status and an enum value; the vendor route finds them and the patch copies each one's schema
 * from the definition into our spec, as inserted lines only, marked. Breaking differences are refused, and
 * patching twice changes nothing.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenApiDocument, specPath } from '@api-contracts/specs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inferSchema } from '../../src/capture/infer-schema.js';
import { patchSpec } from '../../src/capture/spec-patch.js';
import { runVendor } from '../../src/vendor/run.js';
import { agentSession, type Json, listAgentSessions, vectaraWith } from '../vendor/support/definitions.js';
import { newToSpec } from './support/new-to-spec.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'api-contracts-vendor-capture-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** The vendor route against an edited definition: its new changes, and the definition as read. */
async function differences(edit: (document: Json) => void) {
  const file = join(work, `definition-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, vectaraWith(edit));
  let definition: OpenApiDocument | undefined;
  const report = await runVendor({
    apis: ['vectara'],
    env: { VECTARA_DEFINITION: file },
    onDefinition: (_api, document) => {
      definition = document;
    },
  });
  const changes = (report.apis[0]?.changes ?? []).filter((change) => !change.acknowledged);
  return { changes, definition };
}

const seen = { by: 'pnpm contracts:vendor against https://docs.vectara.com/vectara-oas-v2.yaml', on: '2026-11-24' };
/** Whether `lines` appear in `within` in order, others between them allowed: nothing removed or changed. */
function isSubsequence(lines: readonly string[], within: readonly string[]): boolean {
  let at = 0;
  for (const line of within) if (line === lines[at]) at++;
  return at === lines.length;
}
const addedLines = (before: string, after: string) => {
  const old = new Set(before.split('\n'));
  return after.split('\n').filter((line) => !old.has(line));
};

describe('a capture from the provider’s definition', () => {
  it('copies a new field, parameter, status and enum value from the definition, as inserted lines', async () => {
    const field = newToSpec('vectara', ['archived_at', 'retired_at', 'frozen_at', 'migrated_at']);
    const value = newToSpec('vectara', ['paused', 'hibernating', 'quarantined', 'draining']);
    const parameter = newToSpec('vectara', ['include_archived', 'include_retired', 'include_frozen']);
    const { changes, definition } = await differences((document) => {
      agentSession(document).properties[field] = {
        type: 'string',
        format: 'date-time',
        description: 'When the session was archived.',
      };
      agentSession(document).properties.status.enum.push(value);
      listAgentSessions(document).parameters.push({ in: 'query', name: parameter, required: false, schema: { type: 'boolean' } });
      listAgentSessions(document).responses['409'] = {
        description: 'Conflict',
        content: {
          'application/json': { schema: { type: 'object', properties: { messages: { type: 'array', items: { type: 'string' } } } } },
        },
      };
    });
    // AgentSession is the body of listAgentSessions' sessions and of getAgentSession's 200: a change for each.
    expect(changes.map((change) => `${change.operation} ${change.rule}`).sort()).toEqual([
      'getAgentSession response-enum-value-added',
      'getAgentSession response-property-added',
      'listAgentSessions request-parameter-added-optional',
      'listAgentSessions response-enum-value-added',
      'listAgentSessions response-property-added',
      'listAgentSessions response-status-added',
    ]);
    const specText = await readFile(specPath('vectara'), 'utf8');
    const result = patchSpec({ api: 'vectara', specText, changes, ...(definition && { definition }), seen });
    expect(result.refused).toEqual([]);
    expect(result.applied).toHaveLength(4);
    // Nothing of the spec changes but what is inserted: every old line is still there, in order.
    expect(isSubsequence(specText.split('\n'), result.text.split('\n'))).toBe(true);
    const added = addedLines(specText, result.text).join('\n');
    expect(added).toContain(`${field}:`);
    expect(added).toMatch(/When the session was archived\.\n\s+\n?\s*Captured by pnpm contracts:vendor/);
    expect(added).toMatch(new RegExp(`- ${value} # Captured by pnpm contracts:vendor .* on 2026-11-24 \\(change [0-9a-f]{12}\\)`));
    expect(added).toContain(`name: ${parameter}`);
    const patched = parse(result.text) as Json;
    expect(patched.components.schemas.AgentSession.properties[field]).toMatchObject({ type: 'string', format: 'date-time' });
    expect(patched.components.schemas.AgentSession.required).not.toContain(field);
    const operation = patched.paths['/v2/agents/{agent_key}/sessions'].get;
    expect(operation.parameters.at(-1)).toMatchObject({ name: parameter, in: 'query', schema: { type: 'boolean' } });
    expect(operation.parameters.at(-1).required).toBeUndefined();
    expect(operation.responses['409'].content['application/json'].schema.properties.messages).toEqual({
      type: 'array',
      items: { type: 'string' },
    });

    // Idempotent: the same changes on the patched text change nothing.
    const again = patchSpec({ api: 'vectara', specText: result.text, changes, ...(definition && { definition }), seen });
    expect(again.text).toBe(result.text);
    expect(again.applied).toEqual([]);
  });

  it('refuses a breaking difference and leaves the text as it was', async () => {
    const { changes, definition } = await differences((document) => {
      delete agentSession(document).properties.name;
      agentSession(document).required = agentSession(document).required.filter((name: string) => name !== 'name');
    });
    expect(changes.map((change) => `${change.severity} ${change.rule}`)).toContain('breaking response-property-removed');
    const specText = await readFile(specPath('vectara'), 'utf8');
    const result = patchSpec({ api: 'vectara', specText, changes, ...(definition && { definition }), seen });
    expect(result.text).toBe(specText);
    // One refusal per operation the removed field shows in.
    expect(result.refused.map((entry) => entry.reason)).toEqual([
      expect.stringMatching(/^breaking: never applied automatically/),
      expect.stringMatching(/^breaking: never applied automatically/),
    ]);
  });
});

describe('inferSchema', () => {
  it('claims a format only when every value has it', () => {
    expect(inferSchema(['2026-11-10T08:30:00Z', '2026-11-11T08:30:00.5+01:00'])).toEqual({ type: 'string', format: 'date-time' });
    expect(inferSchema(['2026-11-10T08:30:00Z', 'yesterday'])).toEqual({ type: 'string' });
    expect(inferSchema(['0b8d3f5e-2f4a-4c61-9a51-3f0c7f1d2e11'])).toEqual({ type: 'string', format: 'uuid' });
  });

  it('widens integers to numbers, marks null, merges objects and arrays, and says when types mix', () => {
    expect(inferSchema([1, 2.5])).toEqual({ type: 'number' });
    expect(inferSchema([1, null])).toEqual({ type: 'integer', nullable: true });
    expect(inferSchema([{ a: 1 }, { b: [true] }])).toEqual({
      type: 'object',
      properties: { a: { type: 'integer' }, b: { type: 'array', items: { type: 'boolean' } } },
    });
    expect(inferSchema(['x', 1])).toEqual({ description: 'Observed types: integer, string.' });
    expect(inferSchema([])).toEqual({});
  });
});
