/**
 * `pnpm spec-gate [--base <git-ref>] [--json <file>]`: what bump a spec change needs, which known consumers it
 * breaks, and whether the generated types are fresh. Exit 0 pass, 1 fail, 2 could not run.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runGate } from './gate.js';
import { renderGate } from './render.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

try {
  const { values } = parseArgs({ options: { base: { type: 'string' }, json: { type: 'string' }, root: { type: 'string' } } });
  const report = await runGate({ root: values.root ?? root, base: values.base });
  console.log(renderGate(report));
  if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  process.exit(report.problems.length === 0 ? 0 : 1);
} catch (error) {
  console.error(`spec gate could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
