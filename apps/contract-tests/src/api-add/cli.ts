/**
 * `pnpm api:add <api> --operation <operationId | "METHOD /path"> [--definition <url|path>] [--name <operationId>]`:
 * copies one operation of the provider's published definition, with every component it reaches, into
 * specs/<api>/openapi.yaml (inserted lines only, provenance marked), then regenerates the types and the client.
 * A new <api> also gets its spec's header and a descriptor (src/providers/<api>.ts) whose live set-ups are
 * "not yet written"; everything else (the API list, the client's factory and entry points, the packages'
 * exports) derives from the specs when the generators run.
 *   --definition  a URL (fetched with the vendor route's limits) or a file; default: the descriptor's
 *                 `definition.variable` when set, else its `definition.url`. Required for a new API.
 *   --name        our operationId when the definition gives none (default: the method and the path's words).
 * Exit codes: 0 copied, or already in the spec (nothing written); 2 could not run (bad input, unreachable
 * definition, an operation it does not have, a generator that refuses the spec); nothing is written then.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Api } from '@api-contracts/specs';
import { execa } from 'execa';
import { liveVariables, liveVariablesOf } from '../live-variables.mjs';
import { packageScript } from '../package-script.mjs';
import { repositoryRoot } from '../paths.js';
import { CouldNotRun, loadDefinition } from '../vendor/definition.js';
import { maxBytesFrom } from '../vendor/settings.js';
import { specFolders, writeApiNames, writeSpecExports } from './api-names.js';
import { CopyRefused, type CopyResult, copyOperation } from './copy-operation.js';
import { descriptorSource } from './descriptor.js';
import { secretNames, withSecretNames } from './workflow-secrets.js';

export class UsageError extends CopyRefused {}

const usage = [
  'usage: pnpm api:add <api> --operation <operationId | "METHOD /path"> [--definition <url|path>] [--name <operationId>]',
  "  Copies one operation of the provider's published definition, with every component it reaches, into",
  '  specs/<api>/openapi.yaml (inserted lines only, provenance marked), then regenerates the types and the client.',
  '  A new <api> also gets its spec, a descriptor whose live set-ups are "not yet written", and its exports.',
  "  --definition  a URL or a file; default: the descriptor's definition variable when set, else its URL",
  '  --name        our operationId when the definition gives none',
  '  Exit: 0 copied or already there, 2 could not run (nothing written).',
].join('\n');

export interface AddOptions {
  api: string;
  operation: string;
  definition?: string | undefined;
  name?: string | undefined;
  /** The repository to write into (default: this one). */
  root?: string;
  env?: NodeJS.ProcessEnv;
  /** Where a relative `--definition` is resolved from. */
  cwd?: string;
  /** The day of the provenance mark, YYYY-MM-DD (default today, UTC). */
  on?: string;
  log?: (line: string) => void;
  /** Runs the types and client generators; off in tests of the copy alone. */
  regenerate?: boolean;
}

const apiName = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** What `pnpm api:add` does; returns the exit code. */
export async function addOperation(options: AddOptions): Promise<number> {
  const { api, root = repositoryRoot, env = process.env, log = console.log } = options;
  if (!apiName.test(api))
    throw new UsageError(
      `<api> ${JSON.stringify(api)}: lower-case letters and digits, words joined by "-" (it names a folder and create<Api>Client)`,
    );
  if (!options.operation.trim()) throw new UsageError('--operation is required: an operationId of the definition, or "METHOD /path"');
  const specFile = join(root, 'specs', api, 'openapi.yaml');
  const isNew = !existsSync(specFile);
  const location = options.definition ?? (isNew ? undefined : await descriptorDefinition(api as Api, env));
  if (!location) throw new UsageError(`${api} is a new API: --definition <url|path> is required (its published OpenAPI definition)`);
  const definition = await loadDefinition(location, { maxBytes: maxBytesFrom(env), cwd: options.cwd ?? env.INIT_CWD ?? process.cwd() });
  log(`definition: ${definition.source} (${(definition.bytes / 1024).toFixed(0)} KB)`);

  const specText = isNew ? undefined : await readFile(specFile, 'utf8');
  const result = copyOperation({
    specText,
    definition: definition.document,
    operation: options.operation,
    name: options.name,
    source: definition.source,
    on: options.on ?? new Date().toISOString().slice(0, 10),
  });
  const shown = relative(root, specFile);
  if (result.outcome === 'already') {
    log(`${result.operationId} (${result.method.toUpperCase()} ${result.path}) is already in ${shown}: nothing to copy, nothing written`);
    return 0;
  }
  await mkdir(join(root, 'specs', api), { recursive: true });
  await writeFile(specFile, result.text);
  log(summary(result, shown));
  if (isNew) {
    const descriptorFile = join(root, 'apps', 'contract-tests', 'src', 'providers', `${api}.ts`);
    if (!existsSync(descriptorFile)) {
      await writeFile(descriptorFile, descriptorSource({ api, definitionUrl: location, result }));
      log(`wrote ${relative(root, descriptorFile)}: its live set-ups are "not yet written" (a live run fails on them until they are)`);
    }
    await writeApiNames(root);
    await writeSpecExports(root);
    log('wrote specs/index.d.ts and specs/package.json exports: the Api names, from the specs/*/openapi.yaml folders');
    const workflowFile = join(root, '.github', 'workflows', 'live-drift.yml');
    const apis = specFolders(root).reverse();
    const variables = { [api]: liveVariables(api.toUpperCase().replaceAll('-', '_'), { ids: {}, optionalIds: {} }), ...liveVariablesOf };
    await writeFile(workflowFile, withSecretNames(await readFile(workflowFile, 'utf8'), secretNames(variables, apis)));
    log(`wrote ${relative(root, workflowFile)}: the nightly live job reads ${api}'s secrets`);
  }
  if (options.regenerate === false) return 0;
  // Each package's own `generate` script (package-script.mjs: no pnpm start per run), both at once: neither
  // generator reads what the other writes.
  const packages = [
    { pkg: '@api-contracts/types', dir: join(root, 'packages', 'types') },
    { pkg: '@api-contracts/client', dir: join(root, 'packages', 'client') },
  ];
  const runs = await Promise.all(
    packages.map(({ dir }) => {
      const generate = packageScript(dir, 'generate');
      return execa(generate.command, generate.args, { cwd: generate.cwd, env: generate.env, reject: false, all: true });
    }),
  );
  for (const [index, { pkg }] of packages.entries()) {
    const run = runs[index];
    if (!run) continue;
    if (run.exitCode !== 0) {
      // The client generator exits 2 for a spec it cannot take: its message says why.
      console.error(run.all);
      console.error(`${pkg} generate failed (exit ${run.exitCode}): ${shown} is written; fix what it says and run \`pnpm generate\``);
      return run.exitCode === 1 ? 1 : 2;
    }
    log(`regenerated ${pkg}`);
  }
  return 0;
}

function summary(result: Extract<CopyResult, { outcome: 'copied' }>, shown: string): string {
  const lines = [
    `copied ${result.operationId} (${result.method.toUpperCase()} ${result.path}) into ${shown}${
      result.ourOperationId ? ' (the operationId is ours: the definition gives none)' : ''
    }`,
    `  components inserted: ${result.inserted.length > 0 ? result.inserted.map((ref) => ref.replace('#/components/', '')).join(', ') : 'none'}`,
  ];
  if (result.keptDiffering.length > 0)
    lines.push(
      `  kept as the spec has them (they differ from the definition's; \`pnpm contracts:vendor\` says how): ${result.keptDiffering
        .map((ref) => ref.replace('#/components/', ''))
        .join(', ')}`,
    );
  return lines.join('\n');
}

/** The descriptor's definition location: its variable's value when set, else its published URL. */
async function descriptorDefinition(api: Api, env: NodeJS.ProcessEnv): Promise<string> {
  const { loadProvider } = await import('../providers/index.js');
  const { url, variable } = (await loadProvider(api)).definition;
  return env[variable]?.trim() || url;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { operation: { type: 'string' }, definition: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const [api, ...extra] = positionals;
  if (!api || extra.length > 0) throw new UsageError(usage.split('\n')[0] ?? '');
  return addOperation({ api, operation: values.operation ?? '', definition: values.definition, name: values.name });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof CopyRefused || error instanceof CouldNotRun || (error instanceof TypeError && error.name === 'SettingError')) {
        console.error(`api:add: ${error.message}`);
        process.exit(2);
      }
      if (error instanceof Error && error.name === 'TypeError' && error.message.startsWith('Unknown option')) {
        console.error(`api:add: ${error.message}`);
        process.exit(2);
      }
      console.error(error);
      process.exit(2);
    },
  );
}
