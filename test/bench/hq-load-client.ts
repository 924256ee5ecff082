/**
 * The load generator of the head-office benchmark (scripts/bench-hq-load.mjs), in its own process:
 * `hq-load-client.js <stateFile> <url> --rate R --seconds S --push-share P --push-size N`.
 *
 * Open loop: request k is due at start + k/R whatever happened to the ones before, and its latency
 * is measured from that due time, so a slow head office shows as queueing instead of slowing the
 * load down (coordinated omission). Every tenth request (P = 0.1) is a push of N changes from a PC
 * not already pushing; the rest are pulls, the PCs taking turns in a shuffled order, each from the
 * cursor of its last pull. The cursors start as if every PC had last pulled one turn ago, so the
 * run is in steady state from its first second: a PC's pull finds about one turn's worth of the
 * chain's rows after its cursor. Prints one JSON line of figures.
 */
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gunzipSync, gzipSync } from 'node:zlib';
import { signAccessToken } from '../../headoffice/auth';
import {
  formatCursor,
  parseCursor,
  PROTOCOL_VERSION,
  type PullResponse,
  type PushResponse,
} from '../../db/sync/protocol';
import { storeChanges } from './hq-load-mix';
import type { LoadDevice, LoadState } from './hq-load-server';

const [stateFile, baseUrl] = process.argv.slice(2) as [string, string];
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const rate = option('rate', 170);
const seconds = option('seconds', 60);
const pushShare = option('push-share', 0.1);
const pushSize = option('push-size', 50);

const state = JSON.parse(readFileSync(stateFile, 'utf8')) as LoadState;
const mixOf = new Map(state.stores.map((s) => [s.storeId, s]));
// Real PCs each hold a connection; a pool keeps the TLS handshakes out of the figures. While
// pushes queue in head office they hold its sockets, and pulls then wait here for one (the
// generator's queue, not head office's): `--sockets` (default 128) sets the pool's size.
const agent = new Agent({ keepAlive: true, maxSockets: option('sockets', 128), ca: state.tls.caCert });

type Answer = { status: number; body: unknown };
function call(method: 'GET' | 'POST', path: string, device: LoadDevice, body?: unknown): Promise<Answer> {
  const token = signAccessToken(state.tokenSecret, device.id, Date.now()).token;
  const payload = body === undefined ? undefined : gzipSync(JSON.stringify(body), { level: 6 });
  const headers: Record<string, string | number> = {
    accept: 'application/json',
    'accept-encoding': 'gzip',
    authorization: `Bearer ${token}`,
  };
  if (payload)
    Object.assign(headers, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': payload.length,
    });
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { method, agent, headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

// The PCs' turn order, and cursors as if each had pulled one turn ago.
const order = [...state.devices];
for (let i = order.length - 1; i > 0; i--) {
  const j = randomInt(0, i + 1);
  [order[i], order[j]] = [order[j]!, order[i]!];
}
const pullsPerSecond = rate * (1 - pushShare);
const turnSeconds = order.length / pullsPerSecond;
const rowsPerSecond = rate * pushShare * pushSize;
const cursors = new Map<string, number>();
order.forEach((device, k) => {
  const behind = Math.round(Math.max(0, turnSeconds - k / pullsPerSecond) * rowsPerSecond);
  cursors.set(device.id, Math.max(0, state.seedHead - behind));
});

const latencies = { pull: [] as number[], push: [] as number[] };
const errors: string[] = [];
let pullChanges = 0;
let pullsWithMore = 0;
const pushing = new Set<string>();
let nextPuller = 0;

async function pull(device: LoadDevice, due: number) {
  const cursor = formatCursor(state.epoch, cursors.get(device.id)!);
  const query = new URLSearchParams({ replicaId: device.replicaId, cursor });
  const answer = await call('GET', `/sync/v1/pull?${query}`, device);
  const latency = performance.now() - due;
  if (answer.status !== 200) throw new Error(`pull ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
  const page = answer.body as PullResponse;
  if (page.reset) throw new Error(`pull reset ${page.reset.reason}`);
  cursors.set(device.id, parseCursor(page.nextCursor)!.serverSeq);
  pullChanges += page.changes.length;
  if (page.hasMore) pullsWithMore += 1;
  latencies.pull.push(latency);
}

async function push(device: LoadDevice, due: number) {
  pushing.add(device.id);
  try {
    const changes = storeChanges(mixOf.get(device.storeId)!, device.node, device.seq + 1, pushSize, Date.now());
    const body = {
      protocol: PROTOCOL_VERSION,
      replicaId: device.replicaId,
      schemaVersion: 16,
      appVersion: 'bench',
      changes,
    };
    const answer = await call('POST', '/sync/v1/push', device, body);
    const latency = performance.now() - due;
    if (answer.status !== 200) throw new Error(`push ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    const result = answer.body as PushResponse;
    device.seq = result.lastAppliedSeq;
    const rejected = result.results.filter((r) => r.status === 'rejected');
    if (rejected.length > 0) throw new Error(`push rejected ${JSON.stringify(rejected.slice(0, 2))}`);
    latencies.push.push(latency);
  } finally {
    pushing.delete(device.id);
  }
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1);
}

const total = Math.round(rate * seconds);
const pushEvery = pushShare > 0 ? Math.round(1 / pushShare) : Infinity;
const start = performance.now() + 200;
const inFlight: Array<Promise<void>> = [];
// The generator's own health: a send later than its due time is the generator starved (its
// latency still counts from the due time), and its event loop's delay says by how much.
const lateness: number[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
for (let k = 0; k < total; k++) {
  const due = start + (k * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  lateness.push(performance.now() - due);
  let work: Promise<void>;
  if (k % pushEvery === pushEvery - 1) {
    let device = state.devices[randomInt(0, state.devices.length)]!;
    while (pushing.has(device.id)) device = state.devices[randomInt(0, state.devices.length)]!;
    work = push(device, due);
  } else {
    const device = order[nextPuller++ % order.length]!;
    work = pull(device, due);
  }
  inFlight.push(
    work.catch((error: unknown) => void errors.push(error instanceof Error ? error.message : String(error))),
  );
}
const sentAt = performance.now();
await Promise.all(inFlight);
agent.destroy();

const all = [...latencies.pull, ...latencies.push].sort((a, b) => a - b);
latencies.pull.sort((a, b) => a - b);
latencies.push.sort((a, b) => a - b);
const figures = (list: number[]) => ({
  count: list.length,
  p50: percentile(list, 50),
  p95: percentile(list, 95),
  p99: percentile(list, 99),
  max: percentile(list, 100),
});
console.log(
  JSON.stringify({
    requests: total,
    seconds,
    rate,
    sendSeconds: +((sentAt - start) / 1000).toFixed(1),
    generator: {
      sendsLate10ms: lateness.filter((ms) => ms > 10).length,
      sendsLate50ms: lateness.filter((ms) => ms > 50).length,
      lateMs: figures(lateness.sort((a, b) => a - b)),
      eventLoopDelayMs: {
        p50: +(loopDelay.percentile(50) / 1e6).toFixed(1),
        p99: +(loopDelay.percentile(99) / 1e6).toFixed(1),
        max: +(loopDelay.max / 1e6).toFixed(1),
      },
    },
    all: figures(all),
    pull: {
      ...figures(latencies.pull),
      changesPerPull: +(pullChanges / Math.max(1, latencies.pull.length)).toFixed(1),
      withMore: pullsWithMore,
    },
    push: figures(latencies.push),
    errors: errors.length,
    errorSamples: [...new Set(errors)].slice(0, 5),
  }),
);
