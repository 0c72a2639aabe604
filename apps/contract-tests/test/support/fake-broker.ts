/**
 * A stand-in Pact Broker on 127.0.0.1 (ephemeral port) that answers as a broker does for the requests a
 * provider verification makes: the HAL index, "pacts for verification" (POST
 * /pacts/provider/{provider}/for-verification, with the selectors and pending flag it was sent), each pact
 * document (with its `pb:publish-verification-results` link), and the verification results posted back.
 * It records every request, and answers 401 without the expected bearer token.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BrokerPactFixture {
  pact: { consumer: { name: string }; provider: { name: string }; interactions: unknown[] };
  pending?: boolean;
  /** The broker's reason for selecting it, e.g. `latest from main branch`. */
  why?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string | undefined;
  body?: unknown;
}

export async function startFakeBroker({ token, pacts }: { token: string; pacts: BrokerPactFixture[] }) {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = request.url ?? '/';
    requests.push({
      method: request.method ?? 'GET',
      path,
      authorization: request.headers.authorization,
      ...(body !== undefined && { body }),
    });
    const send = (status: number, json: unknown) => {
      response.writeHead(status, { 'content-type': 'application/hal+json' });
      response.end(JSON.stringify(json));
    };
    if (request.headers.authorization !== `Bearer ${token}`) return send(401, { error: 'unauthorized' });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const pactPath = ({ pact }: BrokerPactFixture) =>
      `/pacts/provider/${encodeURIComponent(pact.provider.name)}/consumer/${encodeURIComponent(pact.consumer.name)}/pact-version/${versionOf(pact)}`;
    if (request.method === 'GET' && path === '/') {
      return send(200, {
        _links: {
          self: { href: base },
          'pb:provider-pacts-for-verification': { href: `${base}/pacts/provider/{provider}/for-verification`, templated: true },
        },
      });
    }
    const forVerification = /^\/pacts\/provider\/([^/]+)\/for-verification$/.exec(path);
    // The Verifier follows the index's link (GET), then POSTs its query to the resource's `self`.
    if (request.method === 'GET' && forVerification) return send(200, { _links: { self: { href: `${base}${path}` } } });
    if (request.method === 'POST' && forVerification) {
      const provider = decodeURIComponent(forVerification[1] ?? '');
      const includePending = (body as { includePendingStatus?: boolean } | undefined)?.includePendingStatus === true;
      return send(200, {
        _embedded: {
          pacts: pacts
            .filter(({ pact }) => pact.provider.name === provider)
            .map((fixture) => ({
              shortDescription: fixture.why ?? 'latest from main branch',
              verificationProperties: { pending: includePending && fixture.pending === true, notices: [] },
              _links: { self: { href: `${base}${pactPath(fixture)}`, name: `Pact between ${fixture.pact.consumer.name} and ${provider}` } },
            })),
        },
        _links: { self: { href: `${base}${path}` } },
      });
    }
    const fixture = pacts.find((candidate) => path === pactPath(candidate));
    if (request.method === 'GET' && fixture) {
      return send(200, {
        ...fixture.pact,
        _links: {
          self: { href: `${base}${path}` },
          'pb:provider': { href: `${base}/pacticipants/${encodeURIComponent(fixture.pact.provider.name)}` },
          'pb:publish-verification-results': { href: `${base}${path}/verification-results` },
        },
      });
    }
    // Publishing with a branch: the provider's version is first recorded on that branch.
    const pacticipant = /^\/pacticipants\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && pacticipant) {
      return send(200, {
        name: decodeURIComponent(pacticipant[1] ?? ''),
        _links: {
          self: { href: `${base}${path}` },
          'pb:branch-version': { href: `${base}${path}/branches/{branch}/versions/{version}`, templated: true },
          'pb:version-tag': { href: `${base}${path}/versions/{version}/tags/{tag}`, templated: true },
        },
      });
    }
    if (request.method === 'PUT' && /^\/pacticipants\/[^/]+\/(branches|versions)\//.test(path)) return send(200, { _links: {} });
    const results = pacts.find((candidate) => path === `${pactPath(candidate)}/verification-results`);
    if (request.method === 'POST' && results) return send(201, { _links: { self: { href: `${base}${path}/1` } } });
    return send(404, { error: `the fake broker does not serve ${request.method} ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    /** The provider versions recorded on a branch, as `<branch>/<version>`. */
    branchVersions: () =>
      requests
        .filter((entry) => entry.method === 'PUT' && entry.path.includes('/branches/'))
        .map((entry) => decodeURIComponent(/\/branches\/([^/]+)\/versions\/([^/]+)$/.exec(entry.path)?.slice(1).join('/') ?? '')),
    /** The verification results the Verifier published, per consumer. */
    published: () =>
      requests
        .filter((entry) => entry.method === 'POST' && entry.path.endsWith('/verification-results'))
        .map((entry) => ({ consumer: decodeURIComponent(/\/consumer\/([^/]+)\//.exec(entry.path)?.[1] ?? ''), body: entry.body })),
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

const versionOf = (pact: unknown) => createHash('sha1').update(JSON.stringify(pact)).digest('hex').slice(0, 16);

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
