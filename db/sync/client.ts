/**
 * HTTPS to head office for the sync engine: JSON, gzip both ways, TLS 1.2+, optionally trusting a
 * company CA given at enrollment, a timeout on every request. Answers come back as data (status +
 * body); only a transport failure (refused, cut, timed out) throws, as `TransportError`.
 */
import { Agent, request as httpsRequest } from 'node:https';
import { gunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { RawJson } from './raw-json';
import { describeTransportFailure, type TransportCode, type TransportFailure } from './transport-failure';

/** No answer: the code says why (transport-failure.ts), the message says it in English. */
export class TransportError extends Error {
  readonly code: TransportCode;
  readonly params: Record<string, string>;
  constructor({ code, message, params }: TransportFailure) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
    this.params = params;
  }
}

function interrupted(message: string): TransportError {
  return new TransportError({ code: 'interrupted', message, params: {} });
}

export type HttpAnswer = { status: number; body: unknown; bytesSent: number; bytesReceived: number };

export type SyncHttp = {
  request(
    method: 'GET' | 'POST',
    path: string,
    options?: { body?: unknown; token?: string | null; timeoutMs?: number; headers?: Record<string, string> },
  ): Promise<HttpAnswer>;
  close(): void;
};

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export function createSyncHttp({ baseUrl, caCert }: { baseUrl: string; caCert?: string | null }): SyncHttp {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:') throw new Error(`Head office must be reached over HTTPS, not ${url.protocol}`);
  const agent = new Agent({ keepAlive: true, maxSockets: 2, minVersion: 'TLSv1.2', ...(caCert ? { ca: caCert } : {}) });
  return {
    async request(method, path, { body, token, timeoutMs = 30_000, headers: extra } = {}) {
      // zlib on its thread pool, not the event loop: a 512 KB push compresses while the counter works.
      const payload =
        body === undefined
          ? null
          : await gzipAsync(body instanceof RawJson ? body.text : JSON.stringify(body), { level: 6 });
      return new Promise<HttpAnswer>((resolve, reject) => {
        const headers: Record<string, string | number> = {
          ...extra,
          accept: 'application/json',
          'accept-encoding': 'gzip',
        };
        if (token) headers.authorization = `Bearer ${token}`;
        if (payload)
          Object.assign(headers, {
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            'content-length': payload.length,
          });
        const req = httpsRequest(new URL(path, url), { method, agent, headers, timeout: timeoutMs }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => reject(interrupted(`Head office answer broke off: ${error.message}`)));
          res.on('aborted', () => reject(interrupted('Head office answer broke off')));
          res.on('end', () => {
            if (!res.complete) return reject(interrupted('Head office answer broke off'));
            const raw = Buffer.concat(chunks);
            const decoded = res.headers['content-encoding'] === 'gzip' ? gunzipAsync(raw) : Promise.resolve(raw);
            decoded.then(
              (plain) => {
                const text = plain.toString('utf8');
                let parsed: unknown;
                try {
                  parsed = text.length > 0 ? JSON.parse(text) : null;
                } catch {
                  // A proxy's HTML error page: keep the status, the body is not ours.
                  parsed = { error: 'unavailable', message: text.slice(0, 200) };
                }
                resolve({
                  status: res.statusCode ?? 0,
                  body: parsed,
                  bytesSent: payload?.length ?? 0,
                  bytesReceived: raw.length,
                });
              },
              () => reject(interrupted('Head office answer was cut short')),
            );
          });
        });
        req.on('timeout', () =>
          req.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })),
        );
        req.on('error', (error) =>
          reject(new TransportError(describeTransportFailure(error, { host: url.hostname, caGiven: Boolean(caCert) }))),
        );
        req.end(payload ?? undefined);
      });
    },
    close: () => agent.destroy(),
  };
}
