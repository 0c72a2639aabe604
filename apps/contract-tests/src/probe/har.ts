/** A HAR 1.2 log of probe exchanges: what the person reading an api-drift issue opens in any HAR viewer. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Api } from '@api-contracts/specs';
import type { Report } from '../model.js';
import type { ProbeExchange } from './probe.js';

const pairs = (record: Record<string, string>) => Object.entries(record).map(([name, value]) => ({ name, value }));

export function harOf(exchanges: readonly ProbeExchange[]): unknown {
  return {
    log: {
      version: '1.2',
      creator: { name: '@api-contracts/contract-tests probe', version: '1' },
      entries: exchanges.map((exchange) => {
        const url = new URL(exchange.url);
        return {
          startedDateTime: exchange.startedAt,
          time: exchange.ms,
          comment: exchange.check,
          request: {
            method: exchange.method,
            url: exchange.url,
            httpVersion: 'HTTP/1.1',
            headers: pairs(exchange.requestHeaders),
            queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
            cookies: [],
            headersSize: -1,
            bodySize: 0,
          },
          response: {
            status: exchange.status,
            statusText: exchange.statusText,
            httpVersion: 'HTTP/1.1',
            headers: pairs(exchange.responseHeaders),
            cookies: [],
            content: { size: Buffer.byteLength(exchange.text), mimeType: exchange.contentType ?? '', text: exchange.text },
            redirectURL: '',
            headersSize: -1,
            bodySize: Buffer.byteLength(exchange.text),
          },
          cache: {},
          timings: { send: 0, wait: exchange.ms, receive: 0 },
        };
      }),
    },
  };
}

/**
 * `<api>.probe.har` beside the reports for each API whose probe had a failed check: the exchanges of those
 * checks (already redacted, credentials replaced); the report names the file. The files written.
 */
export async function writeProbeHars(report: Report, exchanges: ReadonlyMap<Api, ProbeExchange[]>, directory: string): Promise<string[]> {
  const files: string[] = [];
  for (const api of report.apis) {
    const failed = new Set(api.probe?.checks.filter((check) => check.outcome === 'fail').map((check) => check.name));
    const kept = (exchanges.get(api.api as Api) ?? []).filter((exchange) => failed.has(exchange.check));
    if (!api.probe || kept.length === 0) continue;
    await mkdir(directory, { recursive: true });
    const file = join(directory, `${api.api}.probe.har`);
    await writeFile(file, `${JSON.stringify(harOf(kept), null, 2)}\n`);
    api.probe.har = `${api.api}.probe.har`;
    files.push(file);
  }
  return files;
}
