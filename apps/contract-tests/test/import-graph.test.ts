/**
 * The app's module graph: no import cycle anywhere under src/, and the report model imports nothing.
 * Imports are read with TypeScript's own pre-processor (static imports, re-exports and `import()` of a
 * literal), type-only imports included: a cycle of types is still a cycle for a reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : entry.name.endsWith('.ts') ? [join(directory, entry.name)] : [],
  );
}

/** Each file under `directory` (relative path) with the files of `directory` it imports. */
function importGraph(directory: string): Map<string, string[]> {
  const files = sourceFiles(directory);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')))
      .filter((target) => known.has(target));
    graph.set(
      relative(directory, file),
      targets.map((target) => relative(directory, target)),
    );
  }
  return graph;
}

/** Every cycle of `graph`, each as the path that closes it (`a -> b -> a`); depth-first, each cycle reported once per entry node. */
function findCycles(graph: Map<string, string[]>): string[] {
  const cycles = new Set<string>();
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'visiting') cycles.add([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles];
}

describe('the import graph of src/', () => {
  const graph = importGraph(srcDir);

  it('is read: the orchestrator imports the routes and the model', () => {
    expect(graph.get('run.ts')).toEqual(expect.arrayContaining(['live.ts', 'model.ts', 'prism-route.ts', 'static-check.ts']));
  });

  it('has no cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('keeps the report model free of imports', () => {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(srcDir, 'model.ts'), 'utf8'), true, true);
    expect(importedFiles.map(({ fileName }) => fileName)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const cyclic = new Map([
      ['run.ts', ['live.ts', 'model.ts']],
      ['live.ts', ['drift.ts']],
      ['drift.ts', ['run.ts']],
      ['model.ts', []],
    ]);
    expect(findCycles(cyclic)).toEqual(['drift.ts -> run.ts -> live.ts -> drift.ts']);
  });
});
