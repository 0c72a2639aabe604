/** The changeset a capture writes: one small file per captured set of changes, named for it. */
import type { Bump } from './repository.js';
import type { AppliedPatch } from './spec-patch.js';

/** `.changeset/api-drift-<id>.md`: the same drift gives the same name, so a second capture never adds a second file. */
export const changesetFile = (id: string) => `.changeset/api-drift-${id}.md`;

export function renderChangeset({
  packages,
  bump,
  command,
  on,
  applied,
}: {
  packages: readonly string[];
  bump: Bump;
  command: string;
  on: string;
  applied: readonly (AppliedPatch & { api: string })[];
}): string {
  // A spec change with no contract change (none) still releases the specs as a patch: their text changed.
  const release = bump === 'none' ? 'patch' : bump;
  return [
    '---',
    ...packages.map((name) => `"${name}": ${release}`),
    '---',
    '',
    `Captured provider drift (\`${command} --capture\`, ${on}):`,
    '',
    ...applied.map((entry) => `- ${entry.api}: ${entry.summary}`),
    '',
  ].join('\n');
}
