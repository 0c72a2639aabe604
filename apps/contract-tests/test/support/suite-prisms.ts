/**
 * The Prism mocks every test file of a vitest run shares, started once by vitest's global setup (in its main
 * process) and handed to the files by `inject`: the specs' mocks, which in-process runs verify against, and the
 * dynamic mocks behind the stand-ins. Prism keeps no state a test relies on (the stand-ins' fronts keep theirs;
 * a seeded dynamic answer depends on the request alone), so files running side by side may share them. Each
 * Prism process costs three to four CPU-seconds; one per file was about 20 of them a run.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Api, apis, loadSpec, specPath } from '@api-contracts/specs';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { stringify } from 'yaml';
import { type PrismServer, startPrisms } from '../../src/prism.js';

type Urls = Record<Api, string>;
/** The URL each API's Prism mock serves on: the spec's examples (`mocks`), schema-made answers (`standIns`). */
type Provided = { mocks: Urls; standIns: Urls };

declare module 'vitest' {
  export interface ProvidedContext {
    suitePrisms: Partial<Provided>;
  }
}

/** Global setup of vitest.config.ts: starts both sets, provides their URLs and returns what stops them at the end. */
export default async function startSuitePrisms(project: TestProject): Promise<() => Promise<void>> {
  const started = await Promise.allSettled([startPrisms(apis.map((api) => specPath(api))), startStandInPrisms(apis)]);
  const stop = async () => {
    // Stopping one server of a set stops its process, and with it the set.
    await Promise.all(started.map((set) => (set.status === 'fulfilled' ? set.value[0]?.stop() : undefined)));
  };
  const failed = started.find((set) => set.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const [mocks, standIns] = started.map((set) => (set.status === 'fulfilled' ? urlsOf(set.value) : undefined));
  project.provide('suitePrisms', { mocks, standIns });
  return stop;
}

const urlsOf = (servers: PrismServer[]): Urls => Object.fromEntries(apis.map((api, index) => [api, servers[index]?.url ?? ''])) as Urls;

/**
 * The dynamic Prism mocks behind the stand-ins of `apis`, from one process, in the order of `apis`. The specs they
 * serve are written into a temporary folder, removed once Prism has read them.
 */
export async function startStandInPrisms(apis: readonly Api[]): Promise<PrismServer[]> {
  const workDir = await mkdtemp(join(tmpdir(), 'stand-in-specs-'));
  try {
    return await startPrisms(await Promise.all(apis.map((api) => writeStandInSpec(api, workDir))), { dynamic: true });
  } finally {
    // Prism has read the specs once it listens (it does not watch them).
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The spec as the stand-ins' Prism serves it, written into `directory`; its path. */
async function writeStandInSpec(api: Api, directory: string): Promise<string> {
  // json-schema-faker settings travel in the spec: always fill optional fields, invent no others, never return an
  // empty list, so dynamic answers carry everything the pacts rely on.
  const spec = loadSpec(api);
  spec['x-json-schema-faker'] = { alwaysFakeOptionals: true, fillProperties: false, minItems: 1, maxItems: 3 };
  const specFile = join(directory, `${api}.openapi.yaml`);
  await writeFile(specFile, stringify(spec));
  return specFile;
}

/**
 * In a test file: the suite's Prism mocks of one kind, as `runContracts` takes them. Their `stop` does nothing:
 * the run owns them, not a test.
 */
export function suitePrisms(kind: keyof Provided): Map<Api, PrismServer> {
  const urls = inject('suitePrisms')[kind];
  if (!urls) throw new Error(`the suite's ${kind} Prism mocks were not started: add their global setup to the vitest config`);
  return new Map(apis.map((api) => [api, { url: urls[api], startupMs: 0, stop: async () => {} }]));
}
