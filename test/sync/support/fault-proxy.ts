/**
 * The fault proxy (docs/SYNC.md §3): an HTTPS proxy on 127.0.0.1 between counter PCs and head office.
 * It terminates TLS with the test certificate (so it sees requests and answers), forwards to head
 * office, counts bytes each way, and per request can: cut the request after N% of its body, drop
 * the answer after head office answered (it committed, the PC never hears), cut the answer after
 * N% of its body, send the request twice at once, delay it, or answer 5xx itself.
 */
import { createServer, request as httpsRequest, Agent } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'cut_request'; fraction: number }
  | { kind: 'drop_response' }
  | { kind: 'cut_response'; fraction: number }
  | { kind: 'duplicate' }
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number };

export type ProxiedRequest = { method: string; path: string; index: number; bytes: number };
export type FaultPlan = (request: ProxiedRequest) => Fault | null;

export type FaultProxy = {
  url: string;
  /** Sets what happens to the next requests (null: pass everything). */
  plan(next: FaultPlan | null): void;
  readonly stats: {
    requests: number;
    bytesUp: number;
    bytesDown: number;
    faults: Array<{ path: string; fault: Fault['kind'] }>;
  };
  close(): Promise<void>;
};

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

export async function startFaultProxy({
  upstream,
  tls,
}: {
  upstream: () => string;
  tls: { key: string; cert: string; caCert: string };
}): Promise<FaultProxy> {
  let current: FaultPlan | null = null;
  let index = 0;
  const stats = { requests: 0, bytesUp: 0, bytesDown: 0, faults: [] as Array<{ path: string; fault: Fault['kind'] }> };
  const agent = new Agent({ keepAlive: true, ca: tls.caCert });

  const forward = (req: IncomingMessage, body: Buffer, limit = body.length): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: new URL(upstream()).host };
      const out = httpsRequest(new URL(req.url ?? '/', upstream()), { method: req.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      });
      out.on('error', reject);
      if (limit < body.length) {
        // Half a request, then the connection dies: head office must commit nothing.
        out.write(body.subarray(0, limit));
        setTimeout(() => out.destroy(new Error('cut by proxy')), 20);
        return;
      }
      out.end(body);
    });

  const reply = (res: ServerResponse, answer: Answer, limit = answer.body.length) => {
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    delete headers['keep-alive'];
    res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
    stats.bytesDown += limit;
    if (limit < answer.body.length) {
      res.write(answer.body.subarray(0, limit));
      setTimeout(() => res.socket?.destroy(), 10);
      return;
    }
    res.end(answer.body);
  };

  const server = createServer({ key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2' }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const path = (req.url ?? '/').split('?')[0]!;
        const info: ProxiedRequest = { method: req.method ?? 'GET', path, index: index++, bytes: body.length };
        stats.requests += 1;
        stats.bytesUp += body.length;
        const fault = current?.(info) ?? null;
        if (fault) stats.faults.push({ path, fault: fault.kind });
        try {
          if (fault?.kind === 'status') {
            res.writeHead(fault.status, { 'content-type': 'application/json' });
            return res.end(JSON.stringify({ error: 'unavailable', message: `injected ${fault.status}` }));
          }
          if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
          if (fault?.kind === 'cut_request') {
            await forward(req, body, Math.floor(body.length * fault.fraction)).catch(() => null);
            return res.socket?.destroy();
          }
          if (fault?.kind === 'duplicate') {
            const [first] = await Promise.all([forward(req, body), forward(req, body)]);
            return reply(res, first);
          }
          const answer = await forward(req, body);
          if (fault?.kind === 'drop_response') return res.socket?.destroy();
          if (fault?.kind === 'cut_response')
            return reply(res, answer, Math.floor(answer.body.length * fault.fraction));
          return reply(res, answer);
        } catch {
          res.socket?.destroy();
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://localhost:${(server.address() as AddressInfo).port}`,
    plan: (next) => {
      current = next;
    },
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The nth request (0-based, counted from now) whose path matches gets the fault; others pass. */
export function once(pathPart: string, fault: Fault, nth = 0): FaultPlan {
  let seen = 0;
  return (r) => (r.path.includes(pathPart) && seen++ === nth ? fault : null);
}
