/**
 * Proof by mutation: the live gate runs against local stand-in providers that answer with deliberately
 * drifted responses. Every breaking mutation must fail the gate with the right finding; every benign one
 * must pass. This suite is the gate's own regression test; it prints its detection table.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint, type RuleId } from '@api-contracts/drift-rules';
import { type Api, specPath } from '@api-contracts/specs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftAnnotations, renderDriftReport } from '../src/drift-report.js';
import type { DriftFinding, Report } from '../src/model.js';
import { renderTable } from '../src/report.js';
import { runContracts } from '../src/run.js';
import type { VerifierProcess } from '../src/verify.js';
import { sharedRun } from './support/shared-run.js';
import { type Exchange, fixtures, type StandIn, startStandIns } from './support/stand-in.js';

// biome-ignore lint/suspicious/noExplicitAny: mutations reshape bodies freely.
type Json = Record<string, any>;

interface Mutation {
  api: Api;
  name: string;
  kind: 'breaking' | 'benign';
  /** Rewrites the stand-in's answer. Untouched answers pass through. */
  mutate(exchange: Exchange, request: IncomingMessage): Exchange;
  /** Breaking: a finding that must be among the gate's, as `severity path` or a prefix of it. */
  finding?: string;
  /** Breaking: the catalogue rule of a failing change it must cause. */
  rule?: RuleId;
}

const json = (exchange: Exchange, edit: (body: Json) => Json | undefined): Exchange => {
  if (!exchange.headers['content-type']?.includes('json')) return exchange;
  const body = JSON.parse(exchange.body) as Json;
  return { ...exchange, body: JSON.stringify(edit(body) ?? body) };
};
const onStatus = (status: number, change: (exchange: Exchange) => Exchange) => (exchange: Exchange) =>
  exchange.status === status ? change(exchange) : exchange;
const sessions = (edit: (session: Json) => void) =>
  onStatus(200, (exchange) =>
    json(exchange, (body) => {
      for (const session of body.sessions ?? []) edit(session);
      return body;
    }),
  );

const mutations: Mutation[] = [
  // Vectara, breaking
  {
    api: 'vectara',
    name: 'session field renamed (created_at -> createdAt)',
    kind: 'breaking',
    rule: 'response-property-removed',
    finding: 'breaking /sessions/0/created_at',
    mutate: sessions((session) => {
      session.createdAt = session.created_at;
      delete session.created_at;
    }),
  },
  {
    api: 'vectara',
    name: 'required field dropped (agent_key)',
    kind: 'breaking',
    rule: 'response-property-removed',
    finding: 'breaking /sessions/0/agent_key',
    mutate: sessions((session) => {
      delete session.agent_key;
    }),
  },
  {
    api: 'vectara',
    name: 'type changed (enabled as a string)',
    kind: 'breaking',
    rule: 'response-property-type-changed',
    finding: 'breaking /sessions/0/enabled',
    mutate: sessions((session) => {
      session.enabled = String(session.enabled);
    }),
  },
  {
    api: 'vectara',
    name: 'date no longer ISO (created_at 15/01/2024)',
    kind: 'breaking',
    rule: 'response-format-changed',
    finding: 'breaking /sessions/0/created_at',
    mutate: sessions((session) => {
      session.created_at = '15/01/2024 10:30';
    }),
  },
  {
    api: 'vectara',
    name: 'pattern broken (session key with a slash)',
    kind: 'breaking',
    rule: 'response-pattern-violated',
    finding: 'breaking /sessions/0/key',
    mutate: sessions((session) => {
      session.key = `team/${session.key}`;
    }),
  },
  {
    api: 'vectara',
    name: 'enum broken (session status paused)',
    kind: 'breaking',
    rule: 'response-enum-value-added',
    finding: 'breaking /sessions/0/status',
    mutate: sessions((session) => {
      session.status = 'paused';
    }),
  },
  {
    api: 'vectara',
    name: '404 turned into 400',
    kind: 'breaking',
    rule: 'pact-mismatch',
    finding: 'breaking StatusMismatch',
    mutate: onStatus(404, (exchange) =>
      json({ ...exchange, status: 400 }, ({ id, ...body }) => ({ ...body, field_errors: { agent_key: `unknown: ${id}` } })),
    ),
  },
  {
    api: 'vectara',
    name: 'error body reshaped ({ error: { id, messages, request_id } })',
    kind: 'breaking',
    rule: 'response-property-removed',
    finding: 'breaking $',
    mutate: onStatus(404, (exchange) => json(exchange, (body) => ({ error: body }))),
  },
  {
    api: 'vectara',
    name: 'content type changed (text/plain)',
    kind: 'breaking',
    rule: 'response-content-type-changed',
    finding: 'breaking content-type',
    mutate: onStatus(200, (exchange) => ({ ...exchange, headers: { ...exchange.headers, 'content-type': 'text/plain' } })),
  },
  {
    api: 'vectara',
    name: 'pagination token moved (next_page_key at the top)',
    kind: 'breaking',
    rule: 'response-property-removed',
    finding: 'breaking $.metadata',
    mutate: onStatus(200, (exchange) =>
      json(exchange, (body) => {
        const { page_key: pageKey, ...metadata } = body.metadata ?? {};
        return { ...body, metadata, ...(pageKey !== undefined && { next_page_key: pageKey }) };
      }),
    ),
  },
  {
    api: 'vectara',
    name: 'pagination token type changed (a number)',
    kind: 'breaking',
    rule: 'response-property-type-changed',
    finding: 'breaking /metadata/page_key',
    mutate: onStatus(200, (exchange) => json(exchange, (body) => ({ ...body, metadata: { ...body.metadata, page_key: 12345 } }))),
  },
  {
    api: 'vectara',
    name: 'list wrapped in another object ({ items })',
    kind: 'breaking',
    rule: 'response-property-type-changed',
    finding: 'breaking /sessions',
    mutate: onStatus(200, (exchange) => json(exchange, (body) => ({ ...body, sessions: { items: body.sessions } }))),
  },
  {
    api: 'vectara',
    name: 'page metadata as a string',
    kind: 'breaking',
    rule: 'response-property-type-changed',
    finding: 'breaking /metadata',
    mutate: onStatus(200, (exchange) => json(exchange, (body) => ({ ...body, metadata: JSON.stringify(body.metadata) }))),
  },
  {
    api: 'vectara',
    name: 'undocumented status (200 -> 203)',
    kind: 'breaking',
    rule: 'response-status-undocumented',
    finding: 'breaking status',
    mutate: onStatus(200, (exchange) => ({ ...exchange, status: 203 })),
  },
  // Verisoul, breaking
  {
    api: 'verisoul',
    name: 'sessions no longer a list',
    kind: 'breaking',
    rule: 'response-property-type-changed',
    finding: 'breaking /sessions',
    mutate: onStatus(200, (exchange) => json(exchange, (body) => ({ ...body, sessions: (body.sessions ?? []).join(',') }))),
  },
  {
    api: 'verisoul',
    name: 'request_id dropped',
    kind: 'breaking',
    rule: 'response-property-removed',
    finding: 'breaking /request_id',
    mutate: onStatus(200, (exchange) => json(exchange, ({ request_id: _dropped, ...body }) => body)),
  },
  {
    api: 'verisoul',
    name: 'statusCode of the 400 as a string',
    kind: 'breaking',
    rule: 'response-property-type-changed',
    finding: 'breaking /statusCode',
    mutate: onStatus(400, (exchange) => json(exchange, (body) => ({ ...body, statusCode: String(body.statusCode) }))),
  },
  {
    api: 'verisoul',
    name: '400 turned into 404 (undocumented)',
    kind: 'breaking',
    rule: 'response-status-undocumented',
    finding: 'breaking status',
    mutate: onStatus(400, (exchange) => ({ ...exchange, status: 404 })),
  },
  // Benign
  {
    api: 'vectara',
    name: 'extra field in each session',
    kind: 'benign',
    mutate: sessions((session) => {
      session.title = 'new field';
    }),
  },
  {
    api: 'vectara',
    name: 'keys reordered',
    kind: 'benign',
    mutate: (exchange) =>
      json(exchange, (body) =>
        Object.fromEntries(
          Object.entries(body)
            .reverse()
            .map(([key, value]) => [
              key,
              value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
            ]),
        ),
      ),
  },
  {
    api: 'vectara',
    name: 'extra response header',
    kind: 'benign',
    mutate: (exchange) => ({ ...exchange, headers: { ...exchange.headers, 'x-trace-id': 'trace-123' } }),
  },
  {
    api: 'vectara',
    name: 'longer list (x5)',
    kind: 'benign',
    mutate: onStatus(200, (exchange) =>
      json(exchange, (body) => ({ ...body, sessions: Array.from({ length: 5 }, () => body.sessions ?? []).flat() })),
    ),
  },
  {
    api: 'vectara',
    name: 'unicode in descriptions',
    kind: 'benign',
    mutate: sessions((session) => {
      session.description = 'Sesión de soporte 🚀 客服 — «billing»';
    }),
  },
  {
    api: 'verisoul',
    name: 'extra top-level field',
    kind: 'benign',
    mutate: onStatus(200, (exchange) => json(exchange, (body) => ({ ...body, account_id: fixtures.verisoul.accountId }))),
  },
];

const standIns: Partial<Record<Api, StandIn>> = {};
let active: Mutation | undefined;
const table: string[][] = [];
// The suite's shared Verifier process serves every run of the file.
let verifier: VerifierProcess;

beforeAll(async () => {
  verifier = sharedRun().verifier;
  const mutating = (api: Api) => ({
    mutate: (exchange: Exchange, request: IncomingMessage) => (active?.api === api ? active.mutate(exchange, request) : exchange),
  });
  [standIns.verisoul, standIns.vectara] = await startStandIns(['verisoul', 'vectara'], {
    verisoul: mutating('verisoul'),
    vectara: mutating('vectara'),
  });
});
afterAll(async () => {
  await Promise.all(Object.values(standIns).map((standIn) => standIn?.stop()));
  const widths = [8, 55, 9, 10, 20, 70].map((width, column) => Math.max(width, ...table.map((row) => row[column]?.length ?? 0)));
  const line = (row: string[]) => row.map((text, column) => text.padEnd(widths[column] ?? 0)).join('  ');
  console.log(
    [
      'Drift detection by mutation',
      line(['API', 'mutation', 'kind', 'gate', 'changes (instances)', 'first change']),
      ...table.map(line),
    ].join('\n'),
  );
});

async function runGate(mutation: Mutation, strict = false, acknowledgedDrift?: string) {
  active = mutation;
  try {
    return await runContracts({
      live: true,
      strict,
      routes: ['live'],
      apis: [mutation.api],
      env: standIns[mutation.api]?.env(),
      // The pacts' and the schema's verdict on each mutation: the probe has its own suite (test/probe/), and
      // a mutation made for every response (a list five times longer) would break its paging rules on purpose.
      probeBudget: 0,
      verifier,
      ...(acknowledgedDrift && { acknowledgedDrift }),
    });
  } finally {
    active = undefined;
  }
}

const describeFinding = (finding: DriftFinding) => `${finding.severity} ${finding.path}`;
const changesOf = (report: Report) => report.apis.flatMap((api) => api.changes ?? []);
const describeChange = (change: ReturnType<typeof changesOf>[number]) =>
  `${change.acknowledged ? 'acknowledged ' : ''}${change.severity} ${change.rule} ${change.path}`;

describe('the live gate against drifted providers', () => {
  it('has at least 20 mutations, at least 15 breaking and 5 benign', () => {
    expect(mutations.length).toBeGreaterThanOrEqual(20);
    expect(mutations.filter((mutation) => mutation.kind === 'breaking').length).toBeGreaterThanOrEqual(15);
    expect(mutations.filter((mutation) => mutation.kind === 'benign').length).toBeGreaterThanOrEqual(5);
  });

  it.each(mutations.map((mutation) => [`${mutation.api}: ${mutation.name}`, mutation] as const))('%s', async (_name, mutation) => {
    const report = await runGate(mutation);
    const findings = report.apis.flatMap((api) => api.interactions.flatMap((interaction) => interaction.live.drift ?? []));
    const breaking = findings.filter((finding) => finding.severity === 'breaking').map(describeFinding);
    const changes = changesOf(report);
    const breakingChanges = changes.filter((change) => change.severity === 'breaking');
    table.push([
      mutation.api,
      mutation.name,
      mutation.kind,
      report.exitCode === 1 ? 'FAILED' : report.exitCode === 0 ? 'passed' : 'not run',
      `${changes.length} (${findings.length})`,
      (breakingChanges.map(describeChange)[0] ?? changes.map(describeChange)[0] ?? '-').slice(0, 70),
    ]);
    // Every instance carries the fingerprint of the change it was grouped into.
    for (const finding of findings) expect(changes.map((change) => change.fingerprint)).toContain(finding.fingerprint);
    if (mutation.kind === 'breaking') {
      expect(report.exitCode).toBe(1);
      expect(
        breaking.some((finding) => finding.startsWith(mutation.finding ?? '')),
        breaking.join('\n'),
      ).toBe(true);
      expect(breakingChanges.map((change) => change.rule)).toContain(mutation.rule);
    } else {
      expect(report.exitCode, breaking.join('\n')).toBe(0);
      expect(breaking).toEqual([]);
      expect(breakingChanges).toEqual([]);
    }
  });

  it('fails additive drift under --strict', async () => {
    const extraField = mutations.find((mutation) => mutation.name === 'extra field in each session') as Mutation;
    const report = await runGate(extraField, true);
    expect(report.exitCode).toBe(1);
    const findings = report.apis[0]?.interactions.flatMap((interaction) => interaction.live.drift ?? []) ?? [];
    expect(findings.map(describeFinding)).toContain('additive /sessions/0/title');
    // One change however many sessions carry the field.
    expect(changesOf(report).map(describeChange)).toEqual(['additive response-property-added $.sessions[].title']);
  });

  it('warns about an extra header without failing, and names it', async () => {
    const extraHeader = mutations.find((mutation) => mutation.name === 'extra response header') as Mutation;
    const report = await runGate(extraHeader);
    const findings = report.apis[0]?.interactions.flatMap((interaction) => interaction.live.drift ?? []) ?? [];
    expect(findings.map(describeFinding)).toContain('additive header x-trace-id');
    expect(report.exitCode).toBe(0);
    expect(changesOf(report).map(describeChange)).toContain('additive response-header-added header:x-trace-id');
  });
});

/** Every session's `key` renamed to `session_key`; the filtered request answered with no sessions (valid: a filter promises no count). */
const renamedKey: Mutation = {
  api: 'vectara',
  name: 'session key renamed (key -> session_key)',
  kind: 'breaking',
  mutate: (exchange, request) =>
    exchange.status !== 200
      ? exchange
      : json(exchange, (body) => {
          if (new URL(request.url ?? '/', 'http://stand-in').searchParams.has('filter')) body.sessions = [];
          for (const session of body.sessions ?? []) {
            session.session_key = session.key;
            delete session.key;
          }
          return body;
        }),
};

describe('the live drift report: changes of the contract, not instances', () => {
  /** The agent holds 8 sessions: the first page serves 8, each paging request one, so 10 session items in all. */
  async function runRenamed(acknowledgedDrift?: string) {
    standIns.vectara?.setSessionCount(8);
    try {
      return await runGate(renamedKey, false, acknowledgedDrift);
    } finally {
      standIns.vectara?.setSessionCount(3);
    }
  }

  // The two tests that read the renamed run without acknowledgements share one run.
  let renamedRun: Promise<Report> | undefined;
  const renamedReport = () => {
    renamedRun ??= runRenamed();
    return renamedRun;
  };

  it('reports a field renamed in 10 sessions as one change, in 10 of 10 items, with a rename hint; drift.md under 3 kB', async () => {
    const report = await renamedReport();
    expect(report.exitCode).toBe(1);
    const findings = report.apis.flatMap((api) => api.interactions.flatMap((interaction) => interaction.live.drift ?? []));
    // The instances stay in contracts.json: 10 missing keys from the schema, 10 from the pact, 10 unknown properties.
    expect(findings.length).toBeGreaterThanOrEqual(30);
    const changes = changesOf(report);
    expect(changes.map((change) => [describeChange(change), change.countText, change.hint])).toEqual([
      ['breaking response-property-removed $.sessions[].key', 'in 10 of 10 items', 'renamed to session_key?'],
      ['additive response-property-added $.sessions[].session_key', 'in 10 of 10 items', 'renamed from key?'],
    ]);
    const [removed] = changes;
    expect(removed).toMatchObject({ sources: ['schema', 'pact'], operation: 'listAgentSessions', status: '200' });
    expect(removed?.fingerprint).toBe(
      fingerprint({
        rule: 'response-property-removed',
        api: 'vectara',
        operation: 'listAgentSessions',
        status: 200,
        path: '$.sessions[].key',
      }),
    );

    const markdown = renderDriftReport(report);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| vectara |'));
    expect(rows).toHaveLength(2);
    expect(rows.filter((row) => row.includes('`$.sessions[].key`'))).toHaveLength(1);
    expect(rows[0]).toContain('10 of 10 items');
    expect(rows[0]).toContain('renamed to session_key?');
    expect(rows[0]).toContain(`\`${removed?.fingerprint}\``);
    expect(markdown).toContain('**vectara: 1 breaking, 1 additive changes**');
    expect(Buffer.byteLength(markdown)).toBeLessThan(3 * 1024);
    console.log(`drift.md for a field renamed in 10 sessions: ${rows.length} rows, ${Buffer.byteLength(markdown)} bytes`);

    // The console's numbered reasons: one short line per change, shared by the interactions that showed it
    // (the other notes are the skipped routes' and states' reasons).
    const table = renderTable(report);
    const notes = table.split('\n').filter((line) => /^\[\d+\] (breaking|additive) /.test(line));
    expect(notes).toHaveLength(2);
    expect(table).toMatch(/a request for the first page of an agent’s sessions .*FAIL \[\d+,\d+\]/);
    expect(notes[0]).toMatch(
      /^\[\d+\] breaking response-property-removed \$\.sessions\[\]\.key \(listAgentSessions 200\) in 10 of 10 items: expected present, got absent; renamed to session_key\? \[[0-9a-f]{12}\]$/,
    );
    for (const note of notes) expect(note.length).toBeLessThan(200);
  });

  it('annotates each change on the spec line it contradicts', async () => {
    const report = await renamedReport();
    const [removed, added] = driftAnnotations(report);
    const spec = readFileSync(specPath('vectara'), 'utf8').split('\n');
    // `key:` under AgentSession's properties, and the properties list the unknown one is missing from.
    const keyLine =
      spec.findIndex(
        (line, index) => /^ {8}key:$/.test(line) && spec.slice(0, index).some((before) => /^ {4}AgentSession:$/.test(before)),
      ) + 1;
    expect(removed).toBe(
      `::error file=specs/vectara/openapi.yaml,line=${keyLine},title=response-property-removed::${removed?.split('::')[2] ?? ''}`,
    );
    expect(removed).toContain('in 10 of 10 items; renamed to session_key?');
    expect(added).toMatch(/^::warning file=specs\/vectara\/openapi\.yaml,line=\d+,title=response-property-added::/);
  });

  it('lists an acknowledged change as such without failing, and reports unused and expired entries', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'api-contracts-acknowledged-'));
    const file = join(directory, 'acknowledged-drift.yaml');
    const removed = fingerprint({
      rule: 'response-property-removed',
      api: 'vectara',
      operation: 'listAgentSessions',
      status: 200,
      path: '$.sessions[].key',
    });
    await writeFile(
      file,
      [
        'acknowledged:',
        `  - fingerprint: ${removed}`,
        '    rule: response-property-removed',
        '    reason: Vectara renames key in v3, client follows in 2.0',
        '  - fingerprint: 0123456789ab',
        '    rule: response-property-added',
        '    reason: a change long gone',
        '  - fingerprint: ba9876543210',
        '    rule: response-property-added',
        '    reason: accepted for a while',
        '    until: 2020-01-31',
        '',
      ].join('\n'),
    );
    try {
      const report = await runRenamed(file);
      expect(report.exitCode).toBe(0);
      expect(changesOf(report).map(describeChange)).toEqual([
        'additive response-property-added $.sessions[].session_key',
        'acknowledged breaking response-property-removed $.sessions[].key',
      ]);
      const issues = report.acknowledgementIssues ?? [];
      expect(issues.find((issue) => issue.includes('ba9876543210'))).toContain('expired on 2020-01-31');
      expect(issues.find((issue) => issue.includes('0123456789ab'))).toContain('matches no change of this run');
      const markdown = renderDriftReport(report);
      expect(markdown).toContain('**vectara: 0 breaking, 1 additive change, 1 acknowledged**');
      expect(markdown).toContain('breaking, acknowledged: Vectara renames key in v3, client follows in 2.0');
      expect(markdown).toContain('**Acknowledgements to review**');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('refuses an invalid acknowledgement file before any request, naming the entry and the field', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'api-contracts-acknowledged-'));
    const file = join(directory, 'acknowledged-drift.yaml');
    await writeFile(file, 'acknowledged:\n  - fingerprint: not-hex\n    rule: response-property-removed\n    reason: x\n');
    try {
      await expect(runRenamed(file)).rejects.toThrow(/entry 1.*fingerprint/s);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
