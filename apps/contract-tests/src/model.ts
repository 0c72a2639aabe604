/**
 * The report model of the contract suite: outcomes, results, findings and the pact file's shape, in one
 * module that imports nothing, so every other module can depend on it and it on none (as openapi-typescript
 * keeps its shared types). `reports/contracts.json` is `Report` (schema in the README).
 */

export type Outcome = 'pass' | 'fail' | 'skip';
export type RouteName = 'prism' | 'static' | 'live';

/** A difference the Pact Verifier (or a route's own check) found between a pact and an answer. */
export interface Mismatch {
  /** Where: a JSON path into the body, a header name, `status`... */
  path: string;
  expected?: string;
  actual?: string;
  message: string;
}

/** A finding of PactFlow's comparator: the pact against the spec, no server involved. */
export interface StaticFinding {
  /** The comparator's rule code, e.g. `response.body.incompatible`. */
  code: string;
  type: 'error' | 'warning';
  message: string;
  /** Where in the pact, e.g. `[root].interactions[2].response.body.sessions.0.enabled`. */
  location: string;
}

/** One way a real response differs from what the spec documents for it. */
export interface SchemaFinding {
  /** `breaking`: a consumer of the spec can break; `additive`: something the spec does not mention. */
  severity: 'breaking' | 'additive';
  /** JSON pointer into the response body, or `status` / `content-type`. */
  path: string;
  /** The schema keyword broken (`required`, `type`, `format`, `enum`, `pattern`, `additionalProperties`...), or `status`/`content-type`. */
  keyword: string;
  expected: string;
  actual: string;
  message: string;
}

/** A live finding (one instance of drift), classified, with where it came from and the change it belongs to. */
export interface DriftFinding extends SchemaFinding {
  source: 'pact' | 'schema' | 'probe';
  /** The drift-rules catalogue's rule of its change, e.g. `response-property-removed`. */
  rule?: string;
  /** Its path in drift-rules' notation, e.g. `$.sessions[3].key` (`path` is the finder's own). */
  instancePath?: string;
  /** The fingerprint of the change it was grouped into (`ApiReport.changes`). */
  fingerprint?: string;
}

/**
 * One change of the contract seen live: drift-rules' `DriftChange` (structurally, so the model imports
 * nothing), one per (operation, status, schema path, rule), with the interactions that showed it.
 */
export interface ContractChange {
  fingerprint: string;
  api: string;
  /** operationId, e.g. `listAgentSessions`. */
  operation: string;
  status?: string | undefined;
  /** Schema path (`$.sessions[].key`) or token (`status`, `content-type`, `header:<name>`). */
  path: string;
  rule: string;
  severity: 'breaking' | 'additive';
  title: string;
  expected: string;
  actual: string;
  sources: string[];
  evidence: { source: string; instances: number; expected: string; actual: string; message?: string | undefined }[];
  /** Instances merged into it. */
  instances: number;
  count?: { affected: number; total?: number | undefined; unit: 'items' | 'responses' } | undefined;
  /** `in 10 of 10 items`. */
  countText: string;
  /** `renamed to session_key?` */
  hint?: string | undefined;
  /** Set when the acknowledgement file accepts it: listed, never failing. */
  acknowledged?: { reason: string; reviewer?: string | undefined; until?: string | undefined } | undefined;
  /** Descriptions of the interactions it was seen in. */
  interactions: string[];
  /** The consumer whose pact's interactions showed it (merged per API for drift.md and drift.json). */
  consumer?: string | undefined;
}

/** What the Verifier says about one interaction. */
export interface InteractionResult {
  description: string;
  state: string;
  outcome: Outcome;
  reason?: string;
  mismatches: Mismatch[];
}

/** What the Pact Verifier printed: every line, and per failed interaction (by description) its failure's lines. */
export interface VerifierTranscript {
  lines: string[];
  failures: Record<string, string[]>;
}

/** One route's cell of the report for one interaction. */
export interface RouteResult {
  outcome: Outcome;
  reason?: string;
  mismatches?: Mismatch[];
  findings?: StaticFinding[];
  schemaFindings?: SchemaFinding[];
  /** Live only: every finding (instance), classified. A failed pact counts as breaking unless a finer rule names it. */
  drift?: DriftFinding[];
  /** Live only: one short line per change the interaction showed (the table numbers each); `reason` joins them. */
  reasons?: string[];
}

export interface InteractionReport {
  description: string;
  /** The operation its request makes (operationId, else `GET /path`); absent when no operation of the spec matches it. */
  operation?: string;
  state: string;
  prism: RouteResult;
  static: RouteResult;
  live: RouteResult;
}

/** One consumer's pact with one provider: the unit a run verifies. */
export interface ApiReport {
  /** One of `@api-contracts/specs`' `apis` (a string here, so the model imports nothing). */
  api: string;
  provider: string;
  /** The pact's consumer: `api-contracts-client` (ours), another internal repo's, or `(none)` when no pact was found. */
  consumer?: string;
  /** Where the pact came from: our pacts/, a directory of consumers' pacts, or a Pact Broker. */
  origin?: 'ours' | 'directory' | 'broker';
  /** A broker's pact still pending: its failures are reported and do not fail the run. */
  pending?: boolean;
  /**
   * Every operation the API's spec captures, `METHOD /path (operationId)` joined by `, `, e.g.
   * `GET /v2/agents/{agent_key}/sessions (listAgentSessions), GET /v2/agents/{agent_key}/sessions/{session_key} (getAgentSession)`.
   */
  operation: string;
  /** The pact's file (relative to apps/contract-tests in contracts.json), or its URL at the broker. */
  pactFile: string;
  /** `not-run`: the API could not be checked (missing pact or settings, provider unreachable). */
  status: 'pass' | 'fail' | 'not-run';
  reason?: string;
  prismStartupMs?: number;
  interactions: InteractionReport[];
  /** Live, when judged: the changes of the contract its interactions showed, acknowledged ones marked. */
  changes?: ContractChange[];
  /** Live: the probe of the API (on the API's first entry only: the probe runs once per API, not per pact). */
  probe?: ProbeReport;
}

/** One check of the live probe, e.g. `limit at its maximum (100)` or `no credentials: the documented 401`. */
export interface ProbeCheck {
  /** `<operation>: <check>`, e.g. `listAgentSessions: query limit at its maximum (100)`. */
  name: string;
  /** The operation it probes (operationId, else `GET /path`); absent on the probe's own lines (turned off). */
  operation?: string;
  outcome: Outcome;
  /** Why it failed or was skipped (skipped: the budget ran out, or a precondition such as a page_key was missing). */
  reason?: string;
  /** Requests it sent. */
  requests: number;
  /** Fingerprints of the changes its findings belong to (`ApiReport.changes`). */
  changes?: string[];
}

/** The live probe of one API: budgeted, read-only requests derived from the spec, beyond what the pacts cover. */
export interface ProbeReport {
  api: string;
  /** Requests allowed (`--probe-budget`, default 20) and sent. */
  budget: number;
  requests: number;
  checks: ProbeCheck[];
  /** The redacted HAR of the failed checks' exchanges, relative to the reports directory. */
  har?: string;
}

/**
 * One request and its answer as coverage counts it: a pact interaction (the request it makes, the response it
 * expects) or an exchange of the live probe. Header names only, never their values.
 */
export interface Exercise {
  source: 'pact' | 'probe';
  method: string;
  /** The concrete path, e.g. `/v2/agents/customer_support/sessions`. */
  path: string;
  query: Record<string, string[]>;
  /** Request header names, lower-case. */
  headers: string[];
  status: number;
  /** The response body (parsed JSON), when there is one. */
  body?: unknown;
  /** Response header names, lower-case. */
  responseHeaders?: string[];
}

/** How much of one kind of spec element the run exercised. */
export interface CoverageCategory {
  covered: number;
  total: number;
  /** 0-100, one decimal; 100 when `total` is 0. */
  percent: number;
  /** Every element not exercised, e.g. `listAgentSessions 403`, `parameter:query:metadata_filter`, `$.sessions[].status = "closed"`. */
  missing: string[];
}

/** What of one API's spec the pacts and the probe exercised together. */
export interface ApiCoverage {
  api: string;
  /** What was counted: `pacts` always, `probe` in a live run that probed. */
  by: ('pacts' | 'probe')[];
  operations: CoverageCategory;
  statuses: CoverageCategory;
  parameters: CoverageCategory;
  enumValues: CoverageCategory;
  responseProperties: CoverageCategory;
}

/** 0 all verified, 1 a contract failed, 2 could not run. */
export type ExitCode = 0 | 1 | 2;

export interface Report {
  schemaVersion: 1;
  generatedAt: string;
  mode: 'mock' | 'live';
  exitCode: ExitCode;
  summary: Record<Outcome, number>;
  apis: ApiReport[];
  /** Where the pacts came from, one line each (`consumers/: 1 pact`, `no Pact Broker: …`). */
  pactSources?: string[];
  /** Pact files handed in that could not be verified (not a pact, none of our providers), or a broker that could not be asked: exit 2. */
  pactProblems?: string[];
  /** Live: entries of the acknowledgement file to review (expired, naming another rule, or matching no change). */
  acknowledgementIssues?: string[];
  /** Per API, what of its spec the pacts (and, live, the probe) exercised. */
  coverage?: ApiCoverage[];
}

/** What a route does for one provider state before its interaction is replayed. */
export interface StateSetup {
  /** Values for the pact's `fromProviderState` expressions (ids in paths and bodies). */
  params: Record<string, string>;
  /** Headers to set on the replayed request (Prism's `Prefer`, live credentials); `undefined` removes one. */
  headers: Record<string, string | undefined>;
}

/** A state set up, or why its interaction is skipped, or why it fails without being replayed. */
export type SetupOutcome = StateSetup | { skip: string } | { fail: Mismatch };

/** The part of a pact file (Pact specification V4) this suite reads. */
export interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
}

export interface PactInteraction {
  description: string;
  providerStates?: { name: string; params?: Record<string, unknown> }[];
  request?: { method?: string; path?: string };
}
