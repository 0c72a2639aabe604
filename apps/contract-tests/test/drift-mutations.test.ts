/**
 * Proof by mutation: the live gate runs against local stand-in providers that answer with deliberately
 * drifted responses. Every breaking mutation must fail the gate with the right finding; every benign one
 * must pass. This suite is the gate's own regression test; it prints its detection table.
 */
import type { IncomingMessage } from 'node:http';
import type { Api } from '@api-contracts/specs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftFinding } from '../src/model.js';
import { runContracts } from '../src/run.js';
import { type Exchange, fixtures, startStandIn } from './support/stand-in.js';

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
    finding: 'breaking /sessions/0/agent_key',
    mutate: sessions((session) => {
      delete session.agent_key;
    }),
  },
  {
    api: 'vectara',
    name: 'type changed (enabled as a string)',
    kind: 'breaking',
    finding: 'breaking /sessions/0/enabled',
    mutate: sessions((session) => {
      session.enabled = String(session.enabled);
    }),
  },
  {
    api: 'vectara',
    name: 'date no longer ISO (created_at 15/01/2024)',
    kind: 'breaking',
    finding: 'breaking /sessions/0/created_at',
    mutate: sessions((session) => {
      session.created_at = '15/01/2024 10:30';
    }),
  },
  {
    api: 'vectara',
    name: 'pattern broken (session key with a slash)',
    kind: 'breaking',
    finding: 'breaking /sessions/0/key',
    mutate: sessions((session) => {
      session.key = `team/${session.key}`;
    }),
  },
  {
    api: 'vectara',
    name: 'enum broken (session status paused)',
    kind: 'breaking',
    finding: 'breaking /sessions/0/status',
    mutate: sessions((session) => {
      session.status = 'paused';
    }),
  },
  {
    api: 'vectara',
    name: '404 turned into 400',
    kind: 'breaking',
    finding: 'breaking StatusMismatch',
    mutate: onStatus(404, (exchange) =>
      json({ ...exchange, status: 400 }, ({ id, ...body }) => ({ ...body, field_errors: { agent_key: `unknown: ${id}` } })),
    ),
  },
  {
    api: 'vectara',
    name: 'error body reshaped ({ error: { id, messages, request_id } })',
    kind: 'breaking',
    finding: 'breaking $',
    mutate: onStatus(404, (exchange) => json(exchange, (body) => ({ error: body }))),
  },
  {
    api: 'vectara',
    name: 'content type changed (text/plain)',
    kind: 'breaking',
    finding: 'breaking content-type',
    mutate: onStatus(200, (exchange) => ({ ...exchange, headers: { ...exchange.headers, 'content-type': 'text/plain' } })),
  },
  {
    api: 'vectara',
    name: 'pagination token moved (next_page_key at the top)',
    kind: 'breaking',
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
    finding: 'breaking /metadata/page_key',
    mutate: onStatus(200, (exchange) => json(exchange, (body) => ({ ...body, metadata: { ...body.metadata, page_key: 12345 } }))),
  },
  {
    api: 'vectara',
    name: 'list wrapped in another object ({ items })',
    kind: 'breaking',
    finding: 'breaking /sessions',
    mutate: onStatus(200, (exchange) => json(exchange, (body) => ({ ...body, sessions: { items: body.sessions } }))),
  },
  {
    api: 'vectara',
    name: 'page metadata as a string',
    kind: 'breaking',
    finding: 'breaking /metadata',
    mutate: onStatus(200, (exchange) => json(exchange, (body) => ({ ...body, metadata: JSON.stringify(body.metadata) }))),
  },
  {
    api: 'vectara',
    name: 'undocumented status (200 -> 203)',
    kind: 'breaking',
    finding: 'breaking status',
    mutate: onStatus(200, (exchange) => ({ ...exchange, status: 203 })),
  },
  // Verisoul, breaking
  {
    api: 'verisoul',
    name: 'sessions no longer a list',
    kind: 'breaking',
    finding: 'breaking /sessions',
    mutate: onStatus(200, (exchange) => json(exchange, (body) => ({ ...body, sessions: (body.sessions ?? []).join(',') }))),
  },
  {
    api: 'verisoul',
    name: 'request_id dropped',
    kind: 'breaking',
    finding: 'breaking /request_id',
    mutate: onStatus(200, (exchange) => json(exchange, ({ request_id: _dropped, ...body }) => body)),
  },
  {
    api: 'verisoul',
    name: 'statusCode of the 400 as a string',
    kind: 'breaking',
    finding: 'breaking /statusCode',
    mutate: onStatus(400, (exchange) => json(exchange, (body) => ({ ...body, statusCode: String(body.statusCode) }))),
  },
  {
    api: 'verisoul',
    name: '400 turned into 404 (undocumented)',
    kind: 'breaking',
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

type StandIn = Awaited<ReturnType<typeof startStandIn>>;
const standIns: Partial<Record<Api, StandIn>> = {};
let active: Mutation | undefined;
const table: string[][] = [];

beforeAll(async () => {
  for (const api of ['verisoul', 'vectara'] as const) {
    standIns[api] = await startStandIn(api, {
      mutate: (exchange, request) => (active?.api === api ? active.mutate(exchange, request) : exchange),
    });
  }
});
afterAll(async () => {
  await Promise.all(Object.values(standIns).map((standIn) => standIn?.stop()));
  const widths = [8, 55, 9, 10, 60].map((width, column) => Math.max(width, ...table.map((row) => row[column]?.length ?? 0)));
  const line = (row: string[]) => row.map((text, column) => text.padEnd(widths[column] ?? 0)).join('  ');
  console.log(['Drift detection by mutation', line(['API', 'mutation', 'kind', 'gate', 'first finding']), ...table.map(line)].join('\n'));
});

async function runGate(mutation: Mutation, strict = false) {
  active = mutation;
  try {
    return await runContracts({ live: true, strict, routes: ['live'], apis: [mutation.api], env: standIns[mutation.api]?.env() });
  } finally {
    active = undefined;
  }
}

const describeFinding = (finding: DriftFinding) => `${finding.severity} ${finding.path}`;

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
    table.push([
      mutation.api,
      mutation.name,
      mutation.kind,
      report.exitCode === 1 ? 'FAILED' : report.exitCode === 0 ? 'passed' : 'not run',
      (breaking[0] ?? findings.map(describeFinding)[0] ?? '-').slice(0, 60),
    ]);
    if (mutation.kind === 'breaking') {
      expect(report.exitCode).toBe(1);
      expect(
        breaking.some((finding) => finding.startsWith(mutation.finding ?? '')),
        breaking.join('\n'),
      ).toBe(true);
    } else {
      expect(report.exitCode, breaking.join('\n')).toBe(0);
      expect(breaking).toEqual([]);
    }
  });

  it('fails additive drift under --strict', async () => {
    const extraField = mutations.find((mutation) => mutation.name === 'extra field in each session') as Mutation;
    const report = await runGate(extraField, true);
    expect(report.exitCode).toBe(1);
    const findings = report.apis[0]?.interactions.flatMap((interaction) => interaction.live.drift ?? []) ?? [];
    expect(findings.map(describeFinding)).toContain('additive /sessions/0/title');
  });

  it('warns about an extra header without failing, and names it', async () => {
    const extraHeader = mutations.find((mutation) => mutation.name === 'extra response header') as Mutation;
    const report = await runGate(extraHeader);
    const findings = report.apis[0]?.interactions.flatMap((interaction) => interaction.live.drift ?? []) ?? [];
    expect(findings.map(describeFinding)).toContain('additive header x-trace-id');
    expect(report.exitCode).toBe(0);
  });
});
