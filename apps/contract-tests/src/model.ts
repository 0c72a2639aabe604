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

/** A live finding, classified, with where it came from. */
export interface DriftFinding extends SchemaFinding {
  source: 'pact' | 'schema';
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
  /** Live only: every finding, classified. A failed pact counts as breaking. */
  drift?: DriftFinding[];
}

export interface InteractionReport {
  description: string;
  state: string;
  prism: RouteResult;
  static: RouteResult;
  live: RouteResult;
}

export interface ApiReport {
  /** One of `@api-contracts/specs`' `apis` (a string here, so the model imports nothing). */
  api: string;
  provider: string;
  /** The operation the pact exercises, e.g. `GET /v2/agents/{agent_key}/sessions (listAgentSessions)`. */
  operation: string;
  pactFile: string;
  /** `not-run`: the API could not be checked (missing pact or settings, provider unreachable). */
  status: 'pass' | 'fail' | 'not-run';
  reason?: string;
  prismStartupMs?: number;
  interactions: InteractionReport[];
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
}
