import { sendJson, session, startServer, type TestServer } from './server.js';

export const clientId = 'client_SENTINEL_7d3b';
export const clientSecret = 'cs_SENTINEL_9f8e7d6c5b4a+/=';

export interface TokenEndpoint extends TestServer {
  tokenUrl: string;
  /** The form body of each token request, in order. */
  bodies: string[];
}

/** A local OAuth token endpoint: `answer(index)` gives each token request's status and JSON body. */
export async function startTokenEndpoint(answer: (index: number) => { status: number; body: unknown }): Promise<TokenEndpoint> {
  const bodies: string[] = [];
  const server = await startServer((request, response, index) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      bodies.push(body);
      const { status, body: json } = answer(index);
      sendJson(response, status, json);
    });
  });
  return { ...server, tokenUrl: `${server.url}/oauth2/token`, bodies };
}

/** Answers token request `index` with token `token_<index + 1>`, valid for `expiresIn` seconds. */
export const issueTokens =
  (expiresIn = 3600) =>
  (index: number) => ({ status: 200, body: { access_token: `token_${index + 1}`, token_type: 'Bearer', expires_in: expiresIn } });

/** A stand-in provider accepting only the bearer tokens `accepts` allows; anything else gets the spec's 401 body. */
export function startProvider(accepts: (token: string | undefined) => boolean): Promise<TestServer> {
  return startServer((request, response) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!accepts(token)) return sendJson(response, 401, { messages: ['Invalid or expired token'], request_id: 'req_401' });
    sendJson(response, 200, { sessions: [session(1)], metadata: {} });
  });
}

export const bearer = (server: TestServer) => server.requests.map((request) => request.headers.authorization);
