/**
 * Every rule of the catalogue, end to end: an instance as its route would report it, grouped into a
 * change, rendered in drift.md and on the console, and annotated on the line of the real
 * specs/vectara/openapi.yaml it contradicts. A rule added to the catalogue without a sample here fails.
 */
import { readFileSync } from 'node:fs';
import { specPath } from '@api-contracts/specs';
import { describe, expect, it } from 'vitest';
import {
  annotateChanges,
  catalogue,
  type DriftInstance,
  fingerprint,
  groupInstances,
  type RuleId,
  renderChangeLine,
  renderChangesMarkdown,
  SpecLines,
  specLineOf,
} from '../src/index.js';

const text = readFileSync(specPath('vectara'), 'utf8');
const spec = new SpecLines(text);

const operationPointer = '#/paths/~1v2~1agents~1{agent_key}~1sessions/get';
/** Where the spec lists the operation's own parameter `name` (read from the spec, so edits to its order keep this true). */
const parameter = (name: string) =>
  `${operationPointer}/parameters/${(spec.document.paths['/v2/agents/{agent_key}/sessions'].get.parameters as { name?: string }[]).findIndex((entry) => entry.name === name)}`;

type Sample = Pick<DriftInstance, 'path' | 'expected' | 'actual' | 'source'> & { status?: number; pointer: string };
const samples: Record<RuleId, Sample> = {
  'response-property-removed': {
    path: '/sessions/0/key',
    expected: 'present',
    actual: 'absent',
    source: 'schema',
    status: 200,
    pointer: '#/components/schemas/AgentSession/properties/key',
  },
  'response-property-type-changed': {
    path: '$.sessions[0].enabled',
    expected: 'boolean',
    actual: '"true"',
    source: 'pact',
    status: 200,
    pointer: '#/components/schemas/AgentSession/properties/enabled',
  },
  'response-property-became-optional': {
    path: '$.sessions[].name',
    expected: 'required',
    actual: 'optional',
    source: 'vendor',
    status: 200,
    pointer: '#/components/schemas/AgentSession/properties/name',
  },
  'response-property-became-nullable': {
    path: '$.sessions[2].name',
    expected: 'string',
    actual: 'null',
    source: 'schema',
    status: 200,
    pointer: '#/components/schemas/AgentSession/properties/name',
  },
  'response-property-became-required': {
    path: '$.sessions[].description',
    expected: 'optional',
    actual: 'required',
    source: 'vendor',
    status: 200,
    pointer: '#/components/schemas/AgentSession/properties/description',
  },
  'response-property-added': {
    path: '$.sessions[0].title',
    expected: 'absent (not in the spec)',
    actual: '"Billing"',
    source: 'schema',
    status: 200,
    pointer: '#/components/schemas/AgentSession/properties',
  },
  'response-enum-value-added': {
    path: '$.sessions[1].status',
    expected: '["unstarted","running","stopped"]',
    actual: '"archived"',
    source: 'schema',
    status: 200,
    pointer: '#/components/schemas/AgentSession/properties/status',
  },
  'response-enum-value-removed': {
    path: '$.sessions[].status',
    expected: 'unstarted',
    actual: '(removed)',
    source: 'vendor',
    status: 200,
    pointer: '#/components/schemas/AgentSession/properties/status',
  },
  'response-format-changed': {
    path: '$.sessions[0].created_at',
    expected: 'date-time',
    actual: '"15/01/2024"',
    source: 'schema',
    status: 200,
    pointer: '#/components/schemas/AgentSession/properties/created_at',
  },
  'response-pattern-violated': {
    path: '$.sessions[0].agent_key',
    expected: '^[0-9a-zA-Z_-]+$',
    actual: '"a/b"',
    source: 'schema',
    status: 200,
    pointer: '#/components/schemas/AgentSession/properties/agent_key',
  },
  'response-constraint-relaxed': {
    path: '$.sessions[0].tti_minutes',
    expected: 'minimum 0',
    actual: '-1',
    source: 'schema',
    status: 200,
    pointer: '#/components/schemas/AgentSession/properties/tti_minutes',
  },
  'response-constraint-tightened': {
    path: '$.sessions[].effective_compaction.threshold_percent',
    expected: 'maximum 95',
    actual: 'maximum 90',
    source: 'vendor',
    status: 200,
    pointer: '#/components/schemas/CompactionConfig/properties/threshold_percent',
  },
  'response-schema-violated': {
    path: '$.sessions[0].effective_compaction',
    expected: 'oneOf',
    actual: '{}',
    source: 'schema',
    status: 200,
    pointer: '#/components/schemas/AgentSession/properties/effective_compaction',
  },
  'response-paging-violated': {
    path: '$.sessions',
    expected: 'at most 1 (limit)',
    actual: '10 sessions',
    source: 'probe',
    status: 200,
    pointer: '#/components/schemas/ListAgentSessionsResponse/properties/sessions',
  },
  'response-status-undocumented': {
    path: 'status',
    expected: '200 | 400 | 401 | 403 | 404 | 429',
    actual: '203',
    source: 'schema',
    status: 203,
    pointer: '#/paths/~1v2~1agents~1{agent_key}~1sessions/get/responses',
  },
  'response-status-removed': {
    path: 'status',
    expected: 'documented',
    actual: 'absent from the definition',
    source: 'vendor',
    status: 404,
    pointer: '#/paths/~1v2~1agents~1{agent_key}~1sessions/get/responses/404',
  },
  'response-status-added': {
    path: 'status',
    expected: 'absent',
    actual: 'documented',
    source: 'vendor',
    status: 409,
    pointer: '#/paths/~1v2~1agents~1{agent_key}~1sessions/get/responses',
  },
  'response-content-type-changed': {
    path: 'content-type',
    expected: 'application/json',
    actual: 'text/html',
    source: 'schema',
    status: 200,
    pointer: '#/paths/~1v2~1agents~1{agent_key}~1sessions/get/responses/200/content',
  },
  'response-header-removed': {
    path: 'header:Retry-After',
    expected: 'present',
    actual: 'absent',
    source: 'probe',
    status: 429,
    pointer: '#/components/responses/RateLimitExceeded/headers/Retry-After',
  },
  'response-header-added': {
    path: 'header x-ratelimit-remaining',
    expected: 'absent (not in the spec)',
    actual: '42',
    source: 'schema',
    status: 200,
    pointer: '#/paths/~1v2~1agents~1{agent_key}~1sessions/get/responses/200',
  },
  'request-parameter-added-required': {
    path: 'parameter:query:corpus_key',
    expected: 'absent',
    actual: 'required',
    source: 'vendor',
    pointer: '#/paths/~1v2~1agents~1{agent_key}~1sessions/get/parameters',
  },
  'request-parameter-added-optional': {
    path: 'parameter:query:order',
    expected: 'absent',
    actual: 'optional',
    source: 'vendor',
    pointer: '#/paths/~1v2~1agents~1{agent_key}~1sessions/get/parameters',
  },
  'request-parameter-removed': {
    path: 'parameter:query:metadata_filter',
    expected: 'accepted',
    actual: 'absent',
    source: 'vendor',
    pointer: parameter('metadata_filter'),
  },
  'request-parameter-became-required': {
    path: 'parameter:query:filter',
    expected: 'optional',
    actual: 'required',
    source: 'vendor',
    pointer: parameter('filter'),
  },
  'request-parameter-became-optional': {
    path: 'parameter:path:agent_key',
    expected: 'required',
    actual: 'optional',
    source: 'spec',
    pointer: parameter('agent_key'),
  },
  'request-parameter-type-changed': {
    path: 'parameter:query:limit',
    expected: 'integer',
    actual: 'string',
    source: 'vendor',
    pointer: parameter('limit'),
  },
  'request-constraint-tightened': {
    path: 'parameter:query:limit',
    expected: 'maximum 100',
    actual: 'maximum 50',
    source: 'vendor',
    pointer: parameter('limit'),
  },
  'request-constraint-relaxed': {
    path: 'parameter:header:Request-Timeout-Millis',
    expected: 'minimum 1',
    actual: 'minimum 0',
    source: 'vendor',
    pointer: '#/components/parameters/RequestTimeoutMillis',
  },
  'request-parameter-ignored': {
    path: 'parameter:query:limit',
    expected: 'at most 1 session',
    actual: '10 sessions',
    source: 'probe',
    pointer: parameter('limit'),
  },
  'security-scheme-removed': {
    path: 'security:ApiKeyAuth',
    expected: 'accepted',
    actual: 'absent',
    source: 'vendor',
    pointer: '#/components/securitySchemes/ApiKeyAuth',
  },
  'security-scheme-added': {
    path: 'security:BearerAuth',
    expected: 'absent',
    actual: 'accepted',
    source: 'vendor',
    pointer: '#/security',
  },
  'security-not-enforced': {
    path: 'security:ApiKeyAuth',
    expected: '401',
    actual: '200',
    source: 'probe',
    pointer: '#/components/securitySchemes/ApiKeyAuth',
  },
  'operation-removed': {
    path: 'operation',
    expected: 'documented',
    actual: 'absent',
    source: 'spec',
    pointer: '#/paths/~1v2~1agents~1{agent_key}~1sessions/get',
  },
  'operation-added': {
    path: 'operation',
    expected: 'absent',
    actual: 'documented',
    source: 'spec',
    pointer: '#/paths/~1v2~1agents~1{agent_key}~1sessions/get',
  },
  'server-url-changed': {
    path: 'operation',
    expected: 'https://api.vectara.io',
    actual: 'https://api.eu.vectara.io',
    source: 'spec',
    pointer: '#/paths/~1v2~1agents~1{agent_key}~1sessions/get',
  },
  'pact-mismatch': {
    path: '$.sessions',
    expected: '(see message)',
    actual: '(see message)',
    source: 'pact',
    status: 200,
    pointer: '#/components/schemas/ListAgentSessionsResponse/properties/sessions',
  },
};

describe('every rule of the catalogue', () => {
  it('has a sample here', () => {
    expect(Object.keys(samples).sort()).toEqual(catalogue.map((rule) => rule.id).sort());
  });

  for (const rule of catalogue) {
    it(`${rule.id}: grouped, rendered and annotated on its line of the spec`, () => {
      const { pointer, ...sample } = samples[rule.id];
      const instance: DriftInstance = {
        api: 'vectara',
        operation: 'listAgentSessions',
        rule: rule.id,
        response: 'one response',
        ...sample,
      };
      const [change, ...others] = groupInstances([instance]);
      expect(others).toEqual([]);
      expect(change).toMatchObject({ rule: rule.id, severity: rule.severity, title: rule.title });
      if (!change) return;
      expect(change.fingerprint).toBe(
        fingerprint({ rule: rule.id, api: 'vectara', operation: 'listAgentSessions', status: sample.status, path: sample.path }),
      );
      const line = renderChangeLine(change);
      expect(line.startsWith(`${rule.severity} ${rule.id} `)).toBe(true);
      expect(line.endsWith(`[${change.fingerprint}]`)).toBe(true);
      expect(renderChangesMarkdown([change])).toContain(`| \`${rule.id}\` | ${rule.severity} |`);

      const located = specLineOf(change, spec);
      expect(located.pointer).toBe(pointer);
      expect(located.line).toBe(spec.lineOf(pointer).line);
      expect(located.line).toBeGreaterThan(1);
      const [annotation] = annotateChanges([change], { vectara: { file: 'specs/vectara/openapi.yaml', text } });
      expect(annotation).toMatch(
        new RegExp(
          `^::${rule.severity === 'breaking' ? 'error' : 'warning'} file=specs/vectara/openapi.yaml,line=${located.line},title=${rule.id}::`,
        ),
      );
    });
  }
});
