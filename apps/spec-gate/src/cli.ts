/**
 * `pnpm spec-gate [--base <git-ref>] [--json <file>] [--verbose] [--skip-generated]`: what bump a spec change
 * needs, which known consumers it breaks, and whether the generated types are fresh (`--skip-generated`: not
 * asked, for a caller that has just regenerated them, as capture has). Exit 0 pass, 1 fail, 2 could not run.
 * In GitHub Actions each change is also an annotation on its line of the spec.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inGitHubActions, renderAnnotations } from './annotations.js';
import { runGate } from './gate.js';
import { renderGate } from './render.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

try {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      json: { type: 'string' },
      root: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      'skip-generated': { type: 'boolean', default: false },
    },
  });
  const report = await runGate({ root: values.root ?? root, base: values.base, checkGenerated: !values['skip-generated'] });
  console.log(renderGate(report, { verbose: values.verbose }));
  if (inGitHubActions()) for (const annotation of renderAnnotations(report)) console.log(annotation);
  if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  process.exit(report.problems.length === 0 ? 0 : 1);
} catch (error) {
  console.error(`spec gate could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
