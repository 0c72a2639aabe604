/** Coverage as a person reads it: a table per run (terminal and GitHub's step summary) and what was not exercised. */
import { renderColumns } from '../columns.js';
import type { ApiCoverage, CoverageCategory } from '../model.js';

const categories = [
  ['operations', 'operations'],
  ['statuses', 'statuses'],
  ['parameters', 'parameters'],
  ['enumValues', 'enum values'],
  ['responseProperties', 'response properties'],
] as const;

/** Past this many, a category's missing elements end in "… and N more" (contracts.json lists them all). */
const listed = 10;

const cell = ({ percent, covered, total }: CoverageCategory) => `${percent.toFixed(1)}% (${covered}/${total})`;

function missingLines(category: CoverageCategory): string[] {
  const shown = category.missing.slice(0, listed);
  const more = category.missing.length - shown.length;
  return [...shown, ...(more > 0 ? [`… and ${more} more (reports/contracts.json lists them all)`] : [])];
}

/**
 * The table for the terminal. Quiet by default: missing operations and statuses by name (few, and the ones a
 * gate must not trust unseen), the other kinds counted; `verbose` names every missing element.
 */
export function renderCoverageTable(coverage: readonly ApiCoverage[], { verbose = false }: { verbose?: boolean } = {}): string {
  if (coverage.length === 0) return '';
  const header = ['coverage', ...categories.map(([, title]) => title)];
  const rows = coverage.map((api) => [`${api.api} (${api.by.join(' + ')})`, ...categories.map(([key]) => cell(api[key]))]);
  const lines = renderColumns(header, rows);
  for (const api of coverage) {
    const named = categories.filter(([key]) => api[key].missing.length > 0 && (verbose || key === 'operations' || key === 'statuses'));
    for (const [key, title] of named)
      lines.push(`${api.api}: ${title} not exercised:`, ...missingLines(api[key]).map((name) => `  - ${name}`));
    const counted = categories.filter(([key]) => api[key].missing.length > 0 && !named.some(([shown]) => shown === key));
    if (counted.length > 0) {
      lines.push(
        `${api.api}: not exercised: ${counted.map(([key, title]) => `${api[key].missing.length} ${title}`).join(', ')} (--verbose or reports/contracts.json names them)`,
      );
    }
  }
  return lines.join('\n');
}

export function renderCoverageMarkdown(coverage: readonly ApiCoverage[]): string {
  if (coverage.length === 0) return '';
  const lines = [
    '### Coverage of the contract',
    '',
    `| API | by | ${categories.map(([, title]) => title).join(' | ')} |`,
    `| --- | --- | ${categories.map(() => '---').join(' | ')} |`,
    ...coverage.map((api) => `| ${api.api} | ${api.by.join(' + ')} | ${categories.map(([key]) => cell(api[key])).join(' | ')} |`),
  ];
  for (const api of coverage) {
    const missing = categories.filter(([key]) => api[key].missing.length > 0);
    if (missing.length === 0) continue;
    lines.push(
      '',
      `<details><summary>${api.api}: not exercised (${missing.map(([key, title]) => `${api[key].missing.length} ${title}`).join(', ')})</summary>`,
      '',
    );
    for (const [key, title] of missing) lines.push(`**${title}**`, '', ...missingLines(api[key]).map((name) => `- \`${name}\``), '');
    lines.push('</details>');
  }
  return `${lines.join('\n')}\n`;
}
