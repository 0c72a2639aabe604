/**
 * A spec edited by hand to add an operation no pact exercises yet (here Vectara's `GET /v2/agents/{agent_key}`,
 * `getAgent`): the suite's stages take it in stride. Statically and on Prism our pacts still pass (what they
 * exercise did not change), coverage names the new operation as not exercised, and the probe plans it at the
 * run's agent key, or skips it saying why when no id, link or value gives its path.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec, type OpenApiDocument } from '@api-contracts/specs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { coverageOf } from '../src/coverage/coverage.js';
import { exercisesOfPact } from '../src/coverage/pact-exercises.js';
import { pactFileOf, readPact } from '../src/pact-file.js';
import { startPrisms } from '../src/prism.js';
import { prismStateHeaders } from '../src/prism-route.js';
import { pathOfOperation } from '../src/probe/links.js';
import { runProbe } from '../src/probe/probe.js';
import { vectara } from '../src/providers/vectara.js';
import { ResponseValidator } from '../src/schema-check.js';
import { operationNamed, specOperations } from '../src/spec-operation.js';
import { staticCheck } from '../src/static-check.js';
import { type VerifierProcess, verifyPact } from '../src/verify.js';
import { sharedRun } from './support/shared-run.js';

/** Vectara's spec with one operation added by hand, and one whose path no id of a run can fill. */
function handEdited(): OpenApiDocument {
  const spec = loadSpec('vectara');
  spec.paths['/v2/agents/{agent_key}'] = {
    get: {
      operationId: 'getAgent',
      summary: 'Get agent',
      parameters: [{ name: 'agent_key', in: 'path', required: true, schema: { $ref: '#/components/schemas/AgentKey' } }],
      responses: {
        '200': {
          description: 'The agent.',
          content: { 'application/json': { schema: { type: 'object', properties: { key: { type: 'string' } } } } },
        },
        '404': { $ref: '#/components/responses/AgentNotFound' },
      },
    },
  };
  spec.paths['/v2/tools/{tool_id}'] = {
    get: {
      operationId: 'getTool',
      summary: 'Get tool',
      parameters: [{ name: 'tool_id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'The tool.' } },
    },
  };
  return spec;
}

describe('an operation added to a spec by hand, without pacts', () => {
  const spec = handEdited();
  let directory: string;
  let verifier: VerifierProcess;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'api-contracts-hand-added-'));
    // The suite's shared Verifier process.
    verifier = sharedRun().verifier;
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('keeps our pacts green statically and on Prism', async () => {
    const pactFile = pactFileOf(vectara);
    const findings = await staticCheck(spec, pactFile);
    const errors = [...findings].flatMap(([description, found]) =>
      found.filter((finding) => finding.type === 'error').map((finding) => `${description}: ${finding.code}`),
    );
    expect(errors).toEqual([]);

    const specFile = join(directory, 'openapi.yaml');
    await writeFile(specFile, stringify(spec));
    const [prism] = await startPrisms([specFile]);
    try {
      const verified = await verifyPact({
        pactFile,
        baseUrl: prism?.url ?? '',
        setup: async (state) => {
          const found = prismStateHeaders(vectara, state);
          return 'skip' in found ? found : { params: {}, headers: found.headers };
        },
        verifier,
      });
      expect(verified.results.filter((result) => result.outcome !== 'pass').map((result) => result.description)).toEqual([]);
      expect(verified.results.length).toBe((await readPact(pactFile))?.interactions.length);
    } finally {
      await prism?.stop();
    }
  });

  it('is named by coverage as not exercised, and nothing of it is counted for the pacts of the others', async () => {
    const pact = await readPact(pactFileOf(vectara));
    const coverage = coverageOf('vectara', spec, exercisesOfPact(pact), ['pacts']);
    expect(coverage.operations.total).toBe(specOperations(spec).length);
    expect(coverage.operations.missing).toEqual(['GET /v2/agents/{agent_key} (getAgent)', 'GET /v2/tools/{tool_id} (getTool)']);
    expect(coverage.statuses.missing).toEqual(['getAgent 200', 'getAgent 404', 'getTool 200']);
  });

  it('is probed at the run’s id by parameter name, or skipped saying why (never passed)', async () => {
    const operations = specOperations(spec);
    const getAgent = operationNamed(operations, 'getAgent');
    const getTool = operationNamed(operations, 'getTool');
    if (!getAgent || !getTool) throw new Error('the hand-added operations are missing');
    const unused = async () => {
      throw new Error('no answer is needed');
    };
    const sources = { operations, values: { agent_key: 'my_agent' }, fallback: {}, answerOf: unused };
    expect(await pathOfOperation(spec, getAgent, sources)).toEqual({ path: '/v2/agents/my_agent' });
    expect(await pathOfOperation(spec, getAgent, { ...sources, values: {}, fallback: { agent_key: 'from_values' } })).toEqual({
      path: '/v2/agents/from_values',
    });

    const outcome = await runProbe({
      api: 'vectara',
      spec,
      operations: [getTool],
      baseUrl: 'http://127.0.0.1:9',
      pathValues: { agent_key: 'my_agent' },
      credentials: async () => ({ 'x-api-key': 'k' }),
      // The generated validators are of the spec as committed (a hand-added operation gets its own on `pnpm generate`);
      // a skipped operation is never validated.
      validator: new ResponseValidator(loadSpec('vectara')),
      budget: 20,
    });
    expect(outcome.requests).toBe(0);
    expect(outcome.checks.map(({ name, outcome: result, reason }) => ({ name, result, reason }))).toEqual([
      {
        name: 'getTool: no credentials: a refusal',
        result: 'skip',
        reason:
          "no value for path parameter tool_id: not one of the run's ids, no link of another operation gives it, and the descriptor's probe.values has none",
      },
      expect.objectContaining({ name: 'getTool: path tool_id: an answer', result: 'skip' }),
    ]);
  });
});
