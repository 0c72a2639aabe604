/**
 * What the contracts CLI prints and writes, redacted of the run's secrets (`runSecrets`). Everything the
 * CLI prints goes through this process's stdout and stderr (the Pact Verifier, native code that prints
 * past JavaScript, runs in a child of its own whose output is discarded: `verify.ts`), so guarding those
 * two streams covers the console. Reports are redacted where they are made (the report model, the
 * Verifier's transcripts); `redactFiles` then sweeps the reports directory and the GitHub job summary once
 * the run is done, the last guarantee for any file a route wrote itself.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configuredSecrets, runSecrets, type SecretRegistry, shortSecretVariables, shortSecretWarning } from './redaction.js';

/**
 * Registers the secrets `env` configures and redacts everything written to stdout and stderr from now
 * on. Secrets added to the registry later (OAuth2 tokens) are redacted from the moment they are added.
 * Warns once, on stderr, for each secret variable too short to be redacted inside other text.
 */
export async function redactConsole(env: NodeJS.ProcessEnv = process.env, secrets: SecretRegistry = runSecrets): Promise<void> {
  secrets.add(...(await configuredSecrets(env)));
  for (const variable of await shortSecretVariables(env)) console.error(shortSecretWarning(variable));
  guardStream(process.stdout, secrets);
  guardStream(process.stderr, secrets);
}

const guarded = new WeakSet<NodeJS.WriteStream>();

/** Redacts every chunk written to `stream` (console.log and console.error write whole lines). */
function guardStream(stream: NodeJS.WriteStream, secrets: SecretRegistry): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (secrets.size === 0) return write(chunk, ...rest);
    const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8';
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(encoding);
    return write(secrets.redact(text), ...(typeof rest[0] === 'string' ? rest.slice(1) : rest));
  }) as typeof stream.write;
}

// Reports are text and small; anything larger is not a report and is left alone.
const largestRedactedFile = 64 * 1024 * 1024;

/**
 * Redacts in place every file at or under each of `paths` (recursively); a path that does not exist is
 * skipped. Returns the files that held a secret.
 */
export async function redactFiles(paths: readonly (string | undefined)[], secrets: SecretRegistry = runSecrets): Promise<string[]> {
  const changed: string[] = [];
  if (secrets.size === 0) return changed;
  const visit = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      for (const entry of await readdir(path)) await visit(join(path, entry));
    } else if (info?.isFile() && info.size <= largestRedactedFile) {
      const text = await readFile(path, 'utf8');
      const redacted = secrets.redact(text);
      if (redacted !== text) {
        await writeFile(path, redacted);
        changed.push(path);
      }
    }
  };
  for (const path of paths) if (path) await visit(path);
  return changed;
}
