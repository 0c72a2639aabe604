import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { parse, stringify } from 'yaml';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
// The workspace as changesets reads it (root manifest, pnpm-workspace.yaml, package manifests) and its config.
// Every published package's manifest: the fixed group in the config names them all.
const copied = [
  'package.json',
  'pnpm-workspace.yaml',
  'specs/package.json',
  'specs/verisoul/openapi.yaml',
  'specs/vectara/openapi.yaml',
  ...readdirSync(join(repoRoot, 'packages'))
    .map((name) => `packages/${name}/package.json`)
    .filter((file) => existsSync(join(repoRoot, file))),
  '.changeset/config.json',
];

/**
 * A throwaway git repo on `main` holding this repo's specs, workspace manifests and changesets config.
 * `base` commits other texts for some files (e.g. an older spec) and leaves this repo's in the working tree.
 */
export async function fixtureRepo({ base = {} }: { base?: Record<string, string> } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'api-contracts-spec-gate-'));
  for (const file of copied) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    if (file in base) await writeFile(join(root, file), base[file] ?? '');
    else await cp(join(repoRoot, file), join(root, file));
  }
  const git = (...args: string[]) => execa('git', args, { cwd: root });
  await git('init', '-q', '-b', 'main');
  await git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'add', '.');
  await git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', 'base');
  for (const file of Object.keys(base)) await cp(join(repoRoot, file), join(root, file));
  return {
    root,
    /** Rewrites a spec in the working tree. */
    // biome-ignore lint/suspicious/noExplicitAny: a spec is edited freely in tests.
    async editSpec(api: 'verisoul' | 'vectara', edit: (spec: Record<string, any>) => void) {
      const file = join(root, 'specs', api, 'openapi.yaml');
      const spec = parse(await readFile(file, 'utf8'));
      edit(spec);
      await writeFile(file, stringify(spec));
    },
    async addChangeset(name: string, releases: Record<string, 'patch' | 'minor' | 'major'>) {
      const frontmatter = Object.entries(releases).map(([pkg, bump]) => `"${pkg}": ${bump}`);
      await writeFile(join(root, '.changeset', `${name}.md`), `---\n${frontmatter.join('\n')}\n---\n\nA change.\n`);
    },
    /** Writes a pact file at `path` (relative to the repo root), creating its folders. */
    async addPact(path: string, pact: unknown) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), typeof pact === 'string' ? pact : JSON.stringify(pact, null, 2));
    },
    /** Removes a spec from the working tree. */
    removeSpec: (api: 'verisoul' | 'vectara') => rm(join(root, 'specs', api, 'openapi.yaml')),
    /** Rewrites `.changeset/config.json`. */
    async editChangesetConfig(edit: (config: { fixed: string[][] }) => void) {
      const file = join(root, '.changeset', 'config.json');
      const config = JSON.parse(await readFile(file, 'utf8'));
      edit(config);
      await writeFile(file, JSON.stringify(config, null, 2));
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
