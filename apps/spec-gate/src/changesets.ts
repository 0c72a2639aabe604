import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import readChangesets from '@changesets/read';
import type { Bump } from './spec-diff.js';
import { bumpRank } from './spec-diff.js';

export interface PendingBump {
  bump: Bump;
  /** The changeset files that ask for it. */
  from: string[];
}

/**
 * The bump each package will get from the pending changesets, as `changeset version` would compute it:
 * the highest bump any changeset gives it, raised to the group's highest for packages in a `fixed` group.
 */
export async function pendingBumps(root: string): Promise<Map<string, PendingBump>> {
  const changesets = await readChangesets(root);
  const config = JSON.parse(await readFile(join(root, '.changeset', 'config.json'), 'utf8')) as { fixed?: string[][] };
  const bumps = new Map<string, PendingBump>();
  const raise = (name: string, bump: Bump, from: string[]) => {
    const current = bumps.get(name) ?? { bump: 'none', from: [] };
    // A higher bump replaces the lower one and the files that asked for it; an equal one adds its files.
    if (bumpRank[bump] > bumpRank[current.bump]) bumps.set(name, { bump, from });
    else if (bump === current.bump) bumps.set(name, { bump, from: [...new Set([...current.from, ...from])] });
  };
  for (const changeset of changesets) {
    for (const release of changeset.releases) {
      if (release.type !== 'none') raise(release.name, release.type, [`.changeset/${changeset.id}.md`]);
    }
  }
  for (const group of config.fixed ?? []) {
    const highest = group
      .map((name) => bumps.get(name))
      .reduce<PendingBump | undefined>(
        (best, next) => (next && (!best || bumpRank[next.bump] > bumpRank[best.bump]) ? next : best),
        undefined,
      );
    if (highest) for (const name of group) raise(name, highest.bump, highest.from);
  }
  return bumps;
}
