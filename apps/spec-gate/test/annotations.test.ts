/**
 * In GitHub Actions each breaking or additive change is also an annotation on its line of the new spec
 * (the parent node for a removal), through drift-rules' workflow command; documentation is not annotated.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SpecLines } from '@api-contracts/drift-rules';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inGitHubActions, renderAnnotations } from '../src/annotations.js';
import type { GateReport } from '../src/gate.js';
import { runGate } from '../src/gate.js';
import { changeLines } from '../src/render.js';
import { fixtureRepo } from './support/repo.js';

type Repo = Awaited<ReturnType<typeof fixtureRepo>>;

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const reconciliationBase = await readFile(new URL('./fixtures/specs/vectara-1bc0c84.openapi.yaml', import.meta.url), 'utf8');
const operation = '#/paths/~1v2~1agents~1{agent_key}~1sessions/get';
const annotationOf = (annotations: string[], text: string) => annotations.filter((annotation) => annotation.includes(text));

describe('GitHub annotations of spec changes', () => {
  let repo: Repo;
  let report: GateReport;
  let lines: SpecLines;
  beforeAll(async () => {
    repo = await fixtureRepo({ base: { 'specs/vectara/openapi.yaml': reconciliationBase } });
    report = await runGate({ root: repo.root, checkGenerated: false });
    lines = new SpecLines(await readFile(join(repo.root, 'specs/vectara/openapi.yaml'), 'utf8'));
  });
  afterAll(() => repo?.remove());

  it('puts each change on its line of the new spec: the node added or changed, the parent of what was removed', () => {
    const line = (pointer: string) => lines.lineOf(pointer).line;
    const annotations = renderAnnotations(report);

    expect(annotationOf(annotations, ' $.sessions[].id:')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error file=specs/vectara/openapi.yaml,line=${line('#/components/schemas/AgentSession/properties')},title=response-property-removed::listAgentSessions 200 \\$\\.sessions\\[\\]\\.id: breaking change: present → absent \\[[0-9a-f]{12}\\]$`,
        ),
      ),
    ]);
    expect(annotationOf(annotations, ' $.sessions[].key:')).toEqual([
      expect.stringContaining(
        `::warning file=specs/vectara/openapi.yaml,line=${line('#/components/schemas/AgentSession/properties/key')},title=response-property-added::`,
      ),
    ]);
    expect(annotationOf(annotations, 'parameter:query:enabled')).toEqual([
      expect.stringContaining(
        `::error file=specs/vectara/openapi.yaml,line=${line(`${operation}/parameters`)},title=request-parameter-removed::`,
      ),
    ]);
    expect(annotationOf(annotations, 'parameter:query:filter')).toEqual([
      expect.stringContaining(`line=${line(`${operation}/parameters/3`)},title=request-parameter-added-optional::`),
    ]);
    // The path parameter's bounds and pattern are written in the AgentKey schema its `$ref` names.
    expect(annotationOf(annotations, 'parameter:path:agent_key')).toEqual([
      expect.stringContaining(`line=${line('#/components/schemas/AgentKey/pattern')},title=request-constraint-tightened::`),
    ]);
    expect(annotationOf(annotations, 'security:OAuth2')).toEqual([
      expect.stringContaining(`line=${line('#/components/securitySchemes/OAuth2')},title=security-scheme-added::`),
    ]);
    // 401, 403 and 429 share the Error schema: one annotation there; 400 and 404 have schemas of their own.
    expect(annotationOf(annotations, ' $.code:')).toEqual([
      expect.stringContaining(
        `line=${line('#/components/schemas/BadRequestError/properties')},title=response-property-removed::listAgentSessions 400 $.code:`,
      ),
      expect.stringContaining(
        `line=${line('#/components/schemas/Error/properties')},title=response-property-removed::listAgentSessions 401,403,429 $.code:`,
      ),
      expect.stringContaining(
        `line=${line('#/components/schemas/NotFoundError/properties')},title=response-property-removed::listAgentSessions 404 $.code:`,
      ),
    ]);
  });

  it('annotates every breaking and additive change, and no documentation', () => {
    const annotations = renderAnnotations(report);
    const vectara = report.specs.find((spec) => spec.api === 'vectara');
    const rows = changeLines(vectara?.changes ?? []);
    expect(annotations.length).toBeGreaterThanOrEqual(rows.length);
    expect(annotations.filter((annotation) => annotation.startsWith('::error ')).length).toBeGreaterThanOrEqual(
      rows.filter((row) => row.kind === 'breaking').length,
    );
    for (const row of rows)
      expect(annotations.some((annotation) => annotation.includes(`title=${row.rule}::`) && annotation.includes(` ${row.path}:`))).toBe(
        true,
      );
    expect(
      annotations.every((annotation) => /^::(error|warning) file=specs\/vectara\/openapi.yaml,line=\d+,title=[a-z-]+::/.test(annotation)),
    ).toBe(true);
    expect(annotations.filter((annotation) => /description|example/.test(annotation))).toEqual([]);
    expect(new Set(annotations.map((annotation) => annotation.match(/line=(\d+)/)?.[1])).size).toBeGreaterThan(10);
  });
});

describe('the CLI', () => {
  let repo: Repo | undefined;
  afterEach(() => repo?.remove());

  // Two runs of the whole gate, the first with the generated-types check: generous on a busy 2-core machine.
  it('prints annotations only where GITHUB_ACTIONS=true, after the report; --json keeps every change and every documentation change', {
    timeout: 240_000,
  }, async () => {
    repo = await fixtureRepo({ base: { 'specs/vectara/openapi.yaml': reconciliationBase } });
    const root = repo.root;
    const out = await mkdtemp(join(tmpdir(), 'spec-gate-json-'));
    try {
      const run = (env: Record<string, string>, json: string, ...args: string[]) =>
        execa(process.execPath, ['--import', 'tsx/esm', cli, '--root', root, '--json', join(out, json), ...args], {
          reject: false,
          env: { ...env },
        });
      const readReport = async (json: string) => JSON.parse(await readFile(join(out, json), 'utf8')) as GateReport;
      const inCi = await run({ GITHUB_ACTIONS: 'true' }, 'ci.json');
      expect(inCi.exitCode, inCi.stderr).toBe(1);
      const report = inCi.stdout.slice(0, inCi.stdout.indexOf('\n::'));
      expect(report).toMatch(/spec gate: FAIL/);
      expect(inCi.stdout.slice(report.length)).toMatch(/^\n::error file=specs\/vectara\/openapi.yaml,line=\d+,title=/);
      expect(inCi.stdout).toMatch(
        /^::error file=specs\/vectara\/openapi.yaml,line=\d+,title=response-property-removed::listAgentSessions 200 \$\.sessions\[\]\.id: /m,
      );

      // The second run also leaves out the generated-code check (`--skip-generated`, as capture asks for a bump).
      const local = await run({ GITHUB_ACTIONS: '' }, 'local.json', '--skip-generated');
      expect(local.exitCode, local.stderr).toBe(1);
      expect(local.stdout).not.toMatch(/^::/m);
      expect(local.stdout).toContain('listAgentSessions 200 $.sessions[].id');
      expect(local.stdout).toContain('Generated types and client: not checked (--skip-generated)');
      expect(inCi.stdout).not.toContain('Generated types and client: not checked');
      expect((await readReport('ci.json')).generated).toBeDefined();
      expect((await readReport('local.json')).generated).toBeUndefined();

      const json = await readReport('local.json');
      const vectara = json.specs.find((spec) => spec.api === 'vectara');
      expect(vectara?.changes.filter((change) => change.path === '$.code')).toHaveLength(5);
      expect(vectara?.changes.every((change) => /^[0-9a-f]{12}$/.test(change.fingerprint) && typeof change.line === 'number')).toBe(true);
      expect(vectara?.docs.length).toBeGreaterThan(0);
      expect(vectara?.docs.flatMap((change) => change.pointers).length).toBeGreaterThan(vectara?.docs.length ?? 0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('reads GITHUB_ACTIONS as GitHub sets it', () => {
    expect(inGitHubActions({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(inGitHubActions({})).toBe(false);
    expect(inGitHubActions({ GITHUB_ACTIONS: 'false' })).toBe(false);
  });
});
