// Fetching and parsing a vendor's published OpenAPI definition, from a URL or a local file. Everything that
// stops the comparison is a `CouldNotRun` (exit 2, never drift): unreachable, an HTTP error, too large, not
// an OpenAPI 3 document.
//
// Parsing: JSON with JSON.parse, YAML with js-yaml 4. Measured on a 20 MB YAML definition (Vectara's with
// 22 000 more operations), parsing alone: js-yaml 4 (4.1.1 and 4.3.2 alike) about 250 MB peak RSS, and it
// fits a 192 MB heap; js-yaml 5.5.0 428 MB, and it does not; the `yaml` package the repo uses for its own
// specs, which builds a full document model first, 7 s and 880 MB on 22 MB. Vendor documents grow
// (Vectara's is 1.1 MB today), so theirs are read with js-yaml 4; ours stay on `yaml` (@api-contracts/specs).
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { redact } from '@api-contracts/drift-rules';
import { load } from 'js-yaml';

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked generically.
type Json = any;

export class CouldNotRun extends Error {
  override name = 'CouldNotRun';
}

/**
 * Larger documents are refused before they are read whole. 32 MiB is 30 times Vectara's definition and
 * parses in about 400 MB; `VENDOR_DEFINITION_MAX_BYTES` raises it.
 */
export const defaultMaxBytes = 32 * 1024 * 1024;
export const defaultTimeoutMs = 30_000;

export interface LoadOptions {
  maxBytes?: number;
  timeoutMs?: number;
  /** Where a relative file path is resolved from (pnpm runs scripts in the package; INIT_CWD is where the user typed). */
  cwd?: string;
}

export interface Definition {
  /** The URL or absolute file path it came from, credentials in a URL removed. */
  source: string;
  bytes: number;
  document: Json;
}

const isUrl = (location: string) => /^https?:\/\//i.test(location);

/** The location as it may be printed: a URL without user info, query or fragment (they may hold tokens). */
export function displayLocation(location: string): string {
  if (!isUrl(location)) return location;
  try {
    const url = new URL(location);
    return `${url.protocol}//${url.host}${url.pathname}${url.search ? '?…' : ''}`;
  } catch {
    return '(unparseable URL)';
  }
}

export async function loadDefinition(location: string, options: LoadOptions = {}): Promise<Definition> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const url = isUrl(location);
  const source = url ? displayLocation(location) : isAbsolute(location) ? location : resolve(options.cwd ?? process.cwd(), location);
  const text = url ? await fetchText(location, source, maxBytes, options.timeoutMs ?? defaultTimeoutMs) : await readText(source, maxBytes);
  return { source, bytes: Buffer.byteLength(text), document: parseDefinition(text, source) };
}

async function fetchText(location: string, shown: string, maxBytes: number, timeoutMs: number): Promise<string> {
  // Credentials in the URL (`https://user:token@host/...`) go as Basic auth, which fetch will not take in the
  // URL; they and the query's values (tokens, often) are kept out of every message.
  const url = new URL(location);
  const hasSecrets = Boolean(url.username || url.password || url.search);
  const secrets = hasSecrets
    ? [location, decodeURIComponent(url.password), decodeURIComponent(url.username), ...url.searchParams.values()]
    : [];
  const headers: Record<string, string> = { accept: 'application/yaml, application/json;q=0.9, */*;q=0.1' };
  if (url.username || url.password) {
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  const failed = (error: unknown) => new CouldNotRun(redact(`could not fetch ${shown}: ${causeOf(error)}`, secrets));
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    throw failed(error);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new CouldNotRun(`could not fetch ${shown}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(shown, declared, maxBytes);
  }
  // Counted while streaming: a server that sends no Content-Length (or lies) is cut off at the limit.
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  try {
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
      received += chunk.value.byteLength;
      if (received > maxBytes) {
        await reader?.cancel().catch(() => {});
        throw tooLarge(shown, received, maxBytes, true);
      }
      chunks.push(chunk.value);
    }
  } catch (error) {
    if (error instanceof CouldNotRun) throw error;
    throw failed(error);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readText(path: string, maxBytes: number): Promise<string> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new CouldNotRun(`could not read ${path}: ${causeOf(error)}`);
  }
  if (size > maxBytes) throw tooLarge(path, size, maxBytes);
  return readFile(path, 'utf8');
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function tooLarge(shown: string, bytes: number, maxBytes: number, atLeast = false): CouldNotRun {
  const size = atLeast
    ? `larger than the limit of ${megabytes(maxBytes)}`
    : `${megabytes(bytes)}, over the limit of ${megabytes(maxBytes)}`;
  return new CouldNotRun(
    `${shown} is ${size}: refused ${atLeast ? 'after reading that much' : 'unread'} (set VENDOR_DEFINITION_MAX_BYTES to raise the limit)`,
  );
}

/** The document, or a CouldNotRun saying what it is instead (HTML, unparseable, not OpenAPI 3). */
export function parseDefinition(text: string, shown: string): Json {
  const start = text.trimStart().slice(0, 200);
  if (/^<(!doctype|html|\?xml|head|body)/i.test(start))
    throw new CouldNotRun(`${shown} is not an OpenAPI document: it is HTML or XML (starts with ${JSON.stringify(start.slice(0, 40))})`);
  let document: Json;
  try {
    document = start.startsWith('{') ? JSON.parse(text) : load(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CouldNotRun(`${shown} is not an OpenAPI document: it does not parse as JSON or YAML (${reason})`);
  }
  const version = document !== null && typeof document === 'object' ? document.openapi : undefined;
  if (typeof version !== 'string' || !/^3\.[01]\./.test(version)) {
    const found =
      document !== null && typeof document === 'object' && 'swagger' in document
        ? `swagger ${document.swagger}`
        : 'no `openapi: 3.x` field';
    throw new CouldNotRun(`${shown} is not an OpenAPI 3 document (${found})`);
  }
  if (document.paths === null || typeof document.paths !== 'object')
    throw new CouldNotRun(`${shown} is not an OpenAPI document: it has no \`paths\``);
  return document;
}

function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  if (!cause?.code) return error.message;
  return `unreachable: ${cause.message?.includes(cause.code) ? cause.message : `${cause.code} ${cause.message ?? ''}`.trim()}`;
}
