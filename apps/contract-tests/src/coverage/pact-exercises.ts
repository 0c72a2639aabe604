/** A pact file's HTTP interactions as exercises of the spec: the request each makes and the response it expects. */
import type { Exercise } from '../model.js';

type Json = Record<string, unknown>;

/** Every HTTP interaction of a Pact file (V4, and V2/V3 where their shape differs), in file order. */
export function exercisesOfPact(pact: unknown): Exercise[] {
  const interactions = ((pact as Json | undefined)?.interactions ?? []) as Json[];
  return interactions.flatMap((interaction) => {
    if (typeof interaction.type === 'string' && interaction.type !== 'Synchronous/HTTP') return [];
    const request = (interaction.request ?? {}) as Json;
    const response = (interaction.response ?? {}) as Json;
    const body = bodyOf(response.body);
    return [
      {
        source: 'pact' as const,
        method: String(request.method ?? 'GET').toUpperCase(),
        path: String(request.path ?? '/'),
        query: queryOf(request.query),
        headers: Object.keys((request.headers ?? {}) as Json).map((name) => name.toLowerCase()),
        status: Number(response.status ?? 200),
        ...(body !== undefined && { body }),
        responseHeaders: Object.keys((response.headers ?? {}) as Json).map((name) => name.toLowerCase()),
      },
    ];
  });
}

/** V4 query: `{ name: [values] }`; V3: `{ name: [values] }` too; V2: `a=1&b=2`. */
function queryOf(query: unknown): Record<string, string[]> {
  if (typeof query === 'string') {
    const out: Record<string, string[]> = {};
    for (const [name, value] of new URLSearchParams(query)) out[name] = [...(out[name] ?? []), value];
    return out;
  }
  return Object.fromEntries(
    Object.entries((query ?? {}) as Json).map(([name, values]) => [name, (Array.isArray(values) ? values : [values]).map(String)]),
  );
}

/** V4 bodies are `{ content, contentType, encoded }`; older specifications hold the body itself. */
function bodyOf(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || !('content' in body)) return body;
  const { content, encoded } = body as { content: unknown; encoded?: unknown };
  if (typeof content !== 'string') return content;
  const text = encoded === 'base64' ? Buffer.from(content, 'base64').toString('utf8') : content;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
