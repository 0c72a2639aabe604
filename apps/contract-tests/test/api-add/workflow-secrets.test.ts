import { readFile } from 'node:fs/promises';
import { apis } from '@api-contracts/specs';
import { describe, expect, it } from 'vitest';
import { secretNames, withSecretNames, workflowSecretNames } from '../../src/api-add/workflow-secrets.js';
import { liveVariables, liveVariablesOf } from '../../src/live-variables.mjs';

const workflow = await readFile(new URL('../../../../.github/workflows/live-drift.yml', import.meta.url), 'utf8');

describe('the nightly live job’s secrets', () => {
  it('are exactly every API’s live variables that hold secrets or ids, in the API list’s order', () => {
    expect(workflowSecretNames(workflow)).toEqual(secretNames(liveVariablesOf, apis));
    expect(workflowSecretNames(workflow)).toContain('VECTARA_CLIENT_SECRET');
    expect(workflowSecretNames(workflow)).not.toContain('VECTARA_BASE_URL');
  });

  it('gain a new API’s key when api:add rewrites the block, and nothing else in the workflow changes', () => {
    const acme = liveVariables('ACME', { ids: { widgetId: 'WIDGET_ID' }, optionalIds: {} });
    const names = secretNames({ ...liveVariablesOf, acme }, [...apis, 'acme']);
    const rewritten = withSecretNames(workflow, names);
    expect(workflowSecretNames(rewritten)).toEqual([...workflowSecretNames(workflow), 'ACME_API_KEY', 'ACME_WIDGET_ID']);
    expect(rewritten.replace(/\n\s+ACME_[A-Z_]+: \$\{\{ secrets\.ACME_[A-Z_]+ \}\}/g, '')).toBe(workflow);
  });

  it('refuses a workflow without the block rather than writing nothing', () => {
    expect(() => withSecretNames('on: push\n', ['ACME_API_KEY'])).toThrow(/no block of secret lines/);
  });
});
