import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/** The diagnostics the type checker gives a consumer's `source`, flattened as an editor shows them. */
function diagnostics(source: string): string[] {
  const file = `${packageDir}test/types/__consumer__.ts`;
  const config = ts.getParsedCommandLineOfConfigFile(
    `${packageDir}tsconfig.json`,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error('no tsconfig');
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile;
  host.readFile = (name) => (name === file ? source : readFile(name));
  host.fileExists = (
    (exists) => (name: string) =>
      name === file || exists(name)
  )(host.fileExists);
  const program = ts.createProgram([file], config.options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the type error a person sees', () => {
  it('names both credentials when a Vectara client gets neither', { timeout: 60_000 }, () => {
    const [message, ...others] = diagnostics(
      "import { createVectaraClient } from '../../src/index.js';\ncreateVectaraClient({ timeoutMs: 5_000 });\n",
    );
    expect(others).toEqual([]);
    expect(message).toMatch(/Property 'apiKey' is missing/);
    expect(message).toMatch(/Property 'oauth' is missing/);
  });
});
