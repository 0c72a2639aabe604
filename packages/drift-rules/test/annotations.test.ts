import { readFileSync } from 'node:fs';
import { specPath } from '@api-contracts/specs';
import { describe, expect, it } from 'vitest';
import {
  annotateChanges,
  annotationFor,
  type DriftInstance,
  groupInstances,
  locateInSpec,
  pointerLine,
  SpecLines,
  specLineOf,
  workflowCommand,
} from '../src/index.js';

const file = 'specs/vectara/openapi.yaml';
const text = readFileSync(specPath('vectara'), 'utf8');
const spec = new SpecLines(text);
const lines = text.split('\n');

/** The 1-based line of the last of `patterns`, each searched after the previous: found by reading the text, not the YAML. */
function lineAfter(...patterns: RegExp[]): number {
  let index = -1;
  for (const pattern of patterns) {
    const next = lines.findIndex((line, candidate) => candidate > index && pattern.test(line));
    if (next < 0) throw new Error(`${pattern} not found after line ${index + 1}`);
    index = next;
  }
  return index + 1;
}
const operationLine = /^ {2}\/v2\/agents\/\{agent_key\}\/sessions:$/;
const schemaLine = (name: string) => [/^ {2}schemas:$/, new RegExp(`^ {4}${name}:$`)];

const change = (path: string, rule: DriftInstance['rule'], status: number | undefined = 200, extra: Partial<DriftInstance> = {}) => {
  const [grouped] = groupInstances([
    {
      api: 'vectara',
      operation: 'listAgentSessions',
      status,
      rule,
      path,
      expected: 'present',
      actual: 'absent',
      source: 'schema',
      ...extra,
    },
  ]);
  if (!grouped) throw new Error('no change');
  return grouped;
};

describe('lines of the real specs/vectara/openapi.yaml', () => {
  it('maps a JSON pointer to the line of its node', () => {
    expect(pointerLine(text, '#/components/schemas/AgentSession/properties/key')).toEqual({
      line: lineAfter(...schemaLine('AgentSession'), /^ {8}key:$/),
      pointer: '#/components/schemas/AgentSession/properties/key',
      exact: true,
    });
    expect(spec.lineOf('/paths/~1v2~1agents~1{agent_key}~1sessions/get/responses/200').line).toBe(lineAfter(operationLine, /^ {8}"200":$/));
    expect(spec.lineOf('#').line).toBe(1);
  });

  it('falls back to the deepest node that exists', () => {
    expect(spec.lineOf('#/components/schemas/AgentSession/properties/session_key')).toEqual({
      line: lineAfter(...schemaLine('AgentSession'), /^ {6}properties:$/),
      pointer: '#/components/schemas/AgentSession/properties',
      exact: false,
    });
  });

  it('locates each kind of change where the spec states what it contradicts, through $refs', () => {
    const where = (path: string, status?: number) => specLineOf(change(path, 'response-schema-violated', status), spec);
    expect(where('$.sessions[].key')).toMatchObject({ line: lineAfter(...schemaLine('AgentSession'), /^ {8}key:$/), exact: true });
    expect(where('$.sessions[].session_context_usage.input_tokens.cached_tokens')).toMatchObject({
      line: lineAfter(...schemaLine('InputTokens'), /^ {8}cached_tokens:$/),
      exact: true,
    });
    expect(where('$.metadata.page_key')).toMatchObject({ line: lineAfter(...schemaLine('ListMetadata'), /^ {8}page_key:$/), exact: true });
    expect(where('$.id', 404)).toMatchObject({ line: lineAfter(...schemaLine('NotFoundError'), /^ {8}id:$/), exact: true });
    expect(where('$.sessions[].metadata.customer_id')).toMatchObject({
      line: lineAfter(...schemaLine('AgentSession'), /^ {8}metadata:$/, /^ {10}additionalProperties: \{\}$/),
    });
    expect(where('status', 203)).toMatchObject({ line: lineAfter(operationLine, /^ {6}responses:$/), exact: false });
    expect(where('content-type')).toMatchObject({ line: lineAfter(operationLine, /^ {8}"200":$/, /^ {10}content:$/), exact: true });
    expect(where('header:retry-after', 429)).toMatchObject({
      line: lineAfter(/^ {2}responses:$/, /^ {4}RateLimitExceeded:$/, /^ {8}Retry-After:$/),
      exact: true,
    });
    expect(where('parameter:query:limit', undefined)).toMatchObject({ line: lineAfter(operationLine, /^ {8}- name: limit$/), exact: true });
    expect(where('parameter:header:request-timeout-millis', undefined)).toMatchObject({
      line: lineAfter(/^ {2}parameters:$/, /^ {4}RequestTimeoutMillis:$/),
      exact: true,
    });
    expect(where('parameter:query:enabled', undefined)).toMatchObject({
      line: lineAfter(operationLine, /^ {6}parameters:$/),
      exact: false,
    });
    expect(where('security:ApiKeyAuth', undefined)).toMatchObject({ line: lineAfter(/^ {2}securitySchemes:$/, /^ {4}ApiKeyAuth:$/) });
    expect(where('operation', undefined)).toMatchObject({ line: lineAfter(operationLine, /^ {4}get:$/), exact: true });
  });

  it('finds an operation by operationId or by method and path', () => {
    const byId = locateInSpec(spec.document, { operation: 'listAgentSessions', status: 200, path: '$.sessions[].key' });
    const byRoute = locateInSpec(spec.document, {
      operation: 'GET /v2/agents/{agent_key}/sessions',
      status: '200',
      path: '$.sessions[].key',
    });
    expect(byRoute).toEqual(byId);
    expect(byId.pointer).toBe('#/components/schemas/AgentSession/properties/key');
    expect(locateInSpec(spec.document, { operation: 'deleteAgent', path: 'operation' })).toMatchObject({
      pointer: '#/paths',
      exact: false,
    });
  });
});

describe('workflow commands', () => {
  it('renders a breaking change as an error on its spec line, titled with the rule id', () => {
    const removed = change('$.sessions[4].key', 'response-property-removed');
    const line = lineAfter(...schemaLine('AgentSession'), /^ {8}key:$/);
    expect(annotationFor(removed, file, spec)).toBe(
      `::error file=${file},line=${line},title=response-property-removed::a response property the spec requires is absent: $.sessions[].key (listAgentSessions 200); expected present, got absent; in 1 item [${removed.fingerprint}]`,
    );
  });

  it('renders additive changes as warnings, acknowledged ones as notices, and lists a change of an API without a spec without a file', () => {
    const added = change('$.sessions[0].title', 'response-property-added', 200, { expected: 'absent (not in the spec)', actual: '"x"' });
    const acknowledged = { ...change('$.sessions[0].key', 'response-property-removed'), acknowledged: { reason: 'VEC-1' } };
    const other = { ...added, api: 'elsewhere' };
    const [warning, notice, bare] = annotateChanges([added, acknowledged, other], { vectara: { file, text } });
    expect(warning).toMatch(
      new RegExp(
        `^::warning file=specs/vectara/openapi.yaml,line=${lineAfter(...schemaLine('AgentSession'), /^ {6}properties:$/)},title=response-property-added::`,
      ),
    );
    expect(notice).toMatch(/^::notice file=.*acknowledged: VEC-1 \[/);
    expect(bare).toMatch(/^::warning title=response-property-added::/);
  });

  it('escapes what GitHub would read as the end of a value or a line', () => {
    expect(workflowCommand('error', { file: 'a,b:c.yaml', line: 3, title: 'x' }, '100% sure\nsecond line')).toBe(
      '::error file=a%2Cb%3Ac.yaml,line=3,title=x::100%25 sure%0Asecond line',
    );
  });
});
