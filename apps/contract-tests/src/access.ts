/**
 * Whether a live run can judge the provider at all. Credentials the provider refuses, and a provider that
 * answers every call with 5xx or an HTML page, are "could not run" (exit 2): an expired key or an outage is
 * not API drift.
 */
import type { RecordedExchange } from './recorder.js';
import type { LiveAuth } from './settings.js';

/** What the access check and the recorder see of an answer. */
export interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
}

const isHtml = ({ contentType, body }: Answer) => /text\/html/i.test(contentType ?? '') || (typeof body === 'string' && /^\s*</.test(body));

/** An answer that says the provider is down or not the API (a 5xx, or an HTML page), not how the API behaves. */
export const isOutage = (answer: Answer) => answer.status >= 500 || isHtml(answer);

/** The one line that says the credentials were refused, naming their variables, never their values. */
export function refusal(auth: LiveAuth, status: number): string {
  return auth.kind === 'api-key'
    ? `${auth.variables} was refused (HTTP ${status})`
    : `the OAuth2 token of ${auth.variables} was refused (HTTP ${status})`;
}

/** Refused credentials (401, or 403 on the configured ids' own request) end the run before any interaction. */
export function refusedCredentials(auth: LiveAuth, answer: Answer): string | undefined {
  return answer.status === 401 || answer.status === 403 ? refusal(auth, answer.status) : undefined;
}

/** When every answer (the access check's and every replayed interaction's) is an outage: the evidence, else undefined. */
export function outage(baseUrl: string, answers: readonly (Answer | RecordedExchange)[]): string | undefined {
  if (answers.length === 0 || !answers.every(isOutage)) return undefined;
  const seen = [...new Set(answers.map((answer) => `HTTP ${answer.status}${answer.contentType ? ` ${answer.contentType}` : ''}`))];
  const kind = answers.some((answer) => answer.status >= 500) ? 'a server error' : 'an HTML page, not the API';
  return `${baseUrl} answered every one of ${answers.length} requests with ${kind} (${seen.join(', ')}): an outage is not drift`;
}
