/**
 * Paths of drift, in one notation. A body path is JSONPath-like from the body's root: `$.sessions[3].key`
 * for one instance, `$.sessions[].key` for the schema path every item shares. Pact reports the former,
 * ajv a JSON pointer (`/sessions/3/key`); both are read. Paths outside the body are tokens: `status`,
 * `content-type`, `header:<name>` (lower case), `parameter:<in>:<name>`, `security:<scheme>`, `operation`.
 */

export type Segment = { key: string } | { index: number } | { item: true };

const identifier = /^[A-Za-z_$][\w$-]*$/;

/** Whether `path` points into a body (`$...` or a JSON pointer) rather than being a token like `status`. */
export function isBodyPath(path: string): boolean {
  return path === '' || path.startsWith('$') || path.startsWith('/');
}

/** The segments of a body path in either notation; a TypeError for what is neither. */
export function parseBodyPath(path: string): Segment[] {
  if (path === '' || path === '/' || path === '$') return [];
  if (path.startsWith('/')) {
    return path
      .slice(1)
      .split('/')
      .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
      .map((token) => (/^(0|[1-9]\d*)$/.test(token) ? { index: Number(token) } : { key: token }));
  }
  if (!path.startsWith('$')) throw new TypeError(`Not a body path: ${JSON.stringify(path)} (expected $... or a JSON pointer)`);
  const segments: Segment[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const match =
      /^\.([^.[]+)/.exec(rest) ??
      /^\[(\d+)\]/.exec(rest) ??
      /^\[(\*)?\]/.exec(rest) ??
      /^\['((?:[^'\\]|\\.)*)'\]/.exec(rest) ??
      /^\["((?:[^"\\]|\\.)*)"\]/.exec(rest);
    if (!match) throw new TypeError(`Cannot read the body path ${JSON.stringify(path)} at ${JSON.stringify(rest)}`);
    const [whole, captured] = match;
    if (whole.startsWith('.')) segments.push({ key: captured ?? '' });
    else if (/^\[\d+\]$/.test(whole)) segments.push({ index: Number(captured) });
    else if (/^\[\*?\]$/.test(whole)) segments.push({ item: true });
    else segments.push({ key: (captured ?? '').replace(/\\(.)/g, '$1') });
    rest = rest.slice(whole.length);
  }
  return segments;
}

/** Segments back to `$...` notation. */
export function formatBodyPath(segments: readonly Segment[]): string {
  return `$${segments
    .map((segment) =>
      'key' in segment
        ? identifier.test(segment.key)
          ? `.${segment.key}`
          : `['${segment.key.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`
        : 'index' in segment
          ? `[${segment.index}]`
          : '[]',
    )
    .join('')}`;
}

/**
 * A path in its canonical form: body paths as `$...` (array indices kept), tokens as given except that
 * a header name is lower-cased and schema-check's `header <name>` becomes `header:<name>`.
 */
export function normalizePath(path: string): string {
  if (isBodyPath(path)) return formatBodyPath(parseBodyPath(path));
  const header = /^header[: ](.+)$/i.exec(path);
  if (header) return `header:${(header[1] ?? '').trim().toLowerCase()}`;
  return path;
}

/** The schema path of an instance path: every array index becomes `[]` (`$.sessions[3].key` -> `$.sessions[].key`). */
export function schemaPathOf(path: string): string {
  if (!isBodyPath(path)) return normalizePath(path);
  return formatBodyPath(parseBodyPath(path).map((segment) => ('index' in segment ? { item: true as const } : segment)));
}

/**
 * Which array item an instance sits in: the schema path of the innermost array (`$.sessions`) and the
 * indices that reach the item (`3`, or `3/5` inside nested arrays); undefined outside any array.
 */
export function itemOf(path: string): { array: string; item: string } | undefined {
  if (!isBodyPath(path)) return undefined;
  const segments = parseBodyPath(path);
  const last = lastIndexWhere(segments, (segment) => 'index' in segment);
  if (last < 0) return undefined;
  const indices = segments.slice(0, last + 1).flatMap((segment) => ('index' in segment ? [String(segment.index)] : []));
  return { array: schemaPathOf(formatBodyPath(segments.slice(0, last))), item: indices.join('/') };
}

/** The schema path of the innermost array a schema path runs through (`$.sessions[].key` -> `$.sessions`). */
export function arrayOf(schemaPath: string): string | undefined {
  if (!isBodyPath(schemaPath)) return undefined;
  const segments = parseBodyPath(schemaPath).map((segment) => ('index' in segment ? { item: true as const } : segment));
  const last = lastIndexWhere(segments, (segment) => 'item' in segment);
  return last < 0 ? undefined : formatBodyPath(segments.slice(0, last));
}

/** Parent path and last property name of a body path (`$.sessions[].key` -> `$.sessions[]`, `key`). */
export function splitLastKey(path: string): { parent: string; key: string } | undefined {
  if (!isBodyPath(path)) return undefined;
  const segments = parseBodyPath(path);
  const last = segments.at(-1);
  if (!last || !('key' in last)) return undefined;
  return { parent: formatBodyPath(segments.slice(0, -1)), key: last.key };
}

/** The path of property `key` under body path `parent`. */
export function childPath(parent: string, key: string): string {
  return formatBodyPath([...parseBodyPath(parent), { key }]);
}

/**
 * Total items per array schema path in one response body: `{ '$.sessions': 10 }`; arrays inside array
 * items add up (`$.sessions[].tags` counts the tags of every session). Used for "in 3 of 10 items".
 */
export function measureArrays(body: unknown): Record<string, number> {
  const totals: Record<string, number> = {};
  const walk = (node: unknown, segments: Segment[]) => {
    if (Array.isArray(node)) {
      const path = formatBodyPath(segments);
      totals[path] = (totals[path] ?? 0) + node.length;
      for (const item of node) walk(item, [...segments, { item: true }]);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) walk(value, [...segments, { key }]);
    }
  };
  walk(body, []);
  return totals;
}

/** Every value a schema path reaches in a body (`$.sessions[]` -> each session). */
export function valuesAt(body: unknown, schemaPath: string): unknown[] {
  let current: unknown[] = [body];
  for (const segment of parseBodyPath(schemaPath)) {
    current = current.flatMap((node) => {
      if ('key' in segment)
        return node !== null && typeof node === 'object' && !Array.isArray(node) && segment.key in node
          ? [(node as Record<string, unknown>)[segment.key]]
          : [];
      if (!Array.isArray(node)) return [];
      return 'index' in segment ? (segment.index < node.length ? [node[segment.index]] : []) : node;
    });
  }
  return current;
}

// Array.prototype.findLastIndex is ES2023; the workspace targets ES2022.
function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) if (test(items[index] as T)) return index;
  return -1;
}
