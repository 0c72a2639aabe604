import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runSecrets } from './redaction.js';
import { defaultRetryDelayMs, retryAfterMs, unavailableStatuses } from './retry-after.js';

/** The header the Verifier's requests carry their interaction in (URI-encoded description); not forwarded. */
export const interactionHeader = 'x-api-contracts-interaction';

export interface RecordedExchange {
  /** The description of the interaction the request replayed, when it said. */
  interaction?: string;
  method: string;
  /** Path without the query, as sent. */
  path: string;
  status: number;
  headers: IncomingHttpHeaders;
  contentType: string | null;
  /** Parsed as JSON when it is JSON, else the text. */
  body: unknown;
}

// Hop-by-hop and encoding headers: the proxy's own connection sets them.
const requestHeadersNotForwarded = ['host', 'connection', 'content-length', 'accept-encoding'];
const responseHeadersNotForwarded = ['content-encoding', 'content-length', 'transfer-encoding', 'connection'];

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The longest `Retry-After` of a 502-504 waited out before asking once more; a longer one is passed on as is. */
const maxTransientWaitMs = 30_000;

/**
 * A reverse proxy on 127.0.0.1 between the Pact Verifier and a live provider that records every
 * response, so each can also be validated against the spec. It forwards requests as they come (the
 * request filter has already set the credentials) and never logs headers. A 502, 503 or 504 is asked once
 * more after its `Retry-After` (a gateway's blip is not the provider's contract); a second one goes to the
 * Verifier as it is, where the live route calls a run of them an outage (could not run), never drift.
 */
export async function startRecorder(upstream: string, { sleep = realSleep }: { sleep?: (ms: number) => Promise<void> } = {}) {
  const exchanges: RecordedExchange[] = [];
  let retried = 0;
  const base = new URL(upstream);
  const server = createServer(async (request, response) => {
    try {
      const headers = new Headers();
      const tag = request.headers[interactionHeader];
      for (const [name, value] of Object.entries(request.headers)) {
        if (value === undefined || name === interactionHeader || requestHeadersNotForwarded.includes(name)) continue;
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const target = new URL(request.url ?? '/', base);
      target.pathname = base.pathname.replace(/\/$/, '') + target.pathname;
      const send = () => fetch(target, { method: request.method ?? 'GET', headers, redirect: 'manual' });
      let upstreamResponse = await send();
      const wait = retryAfterMs(upstreamResponse.headers.get('retry-after')) ?? defaultRetryDelayMs;
      if (unavailableStatuses.has(upstreamResponse.status) && wait <= maxTransientWaitMs) {
        await upstreamResponse.body?.cancel();
        await sleep(wait);
        retried++;
        upstreamResponse = await send();
      }
      const text = await upstreamResponse.text();
      const contentType = upstreamResponse.headers.get('content-type');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      // Kept redacted of the run's secrets: the schema check quotes what it finds, shortened, and a shortened
      // secret would escape redaction later.
      exchanges.push(
        runSecrets.redactDeep({
          ...(typeof tag === 'string' && { interaction: decodeURIComponent(tag) }),
          method: request.method ?? 'GET',
          path: new URL(request.url ?? '/', 'http://x').pathname,
          status: upstreamResponse.status,
          headers: Object.fromEntries(upstreamResponse.headers),
          contentType,
          body,
        }),
      );
      const outgoing: Record<string, string> = {};
      upstreamResponse.headers.forEach((value, name) => {
        if (!responseHeadersNotForwarded.includes(name)) outgoing[name] = value;
      });
      response.writeHead(upstreamResponse.status, outgoing);
      response.end(text);
    } catch (error) {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`recorder could not reach the provider: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    /** How many 502-504 answers were asked once more. */
    retried: () => retried,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
