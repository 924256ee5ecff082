/**
 * Where a request's time goes inside head office under the load benchmark (scripts/bench-hq-load.mjs):
 * installed by `hq-load-server.ts serve` before head office starts, it reports, from the server's
 * side, without changing head office's code:
 * - **server time**: request headers parsed → answer written (Node's `http.server.*` diagnostics
 *   channels); the client's latency minus this is time spent before Node read the request (the
 *   client's own lateness, TLS, the accept queue) or after (reading the answer);
 * - **pool wait**: how long a query waited for a pool connection (`pg.Pool.connect`);
 * - **SQL**: each statement's round trip by its first words, summed and as percentiles, and how
 *   long a write transaction holds the feed lock (its lock statement's answer → its commit's);
 * - **event-loop delay** and **GC pauses** of head office's process;
 * - **PostgreSQL's side**: `pg_stat_activity` sampled every 50 ms on its own connection: how often
 *   a backend was waiting on a lock, and which statement waited.
 * `stop()` returns the figures as one object.
 */
import { subscribe } from 'node:diagnostics_channel';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import pg from 'pg';

type Series = number[];
const summary = (list: Series) => {
  if (list.length === 0) return { count: 0 };
  const sorted = [...list].sort((a, b) => a - b);
  const at = (p: number) => +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return { count: sorted.length, sumMs: Math.round(sum), p50: at(50), p95: at(95), p99: at(99), max: at(100) };
};

/** A statement's label: its first words, literal values gone, so the same statement adds up. */
function labelOf(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 70)
    .replace(/\$\d+|'[^']*'|\d+/g, '?');
}

export function installProbe(url: string) {
  const serverTimes = { pull: [] as Series, push: [] as Series, other: [] as Series };
  const started = new WeakMap<object, { at: number; kind: keyof typeof serverTimes }>();
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request: { url?: string }; response: object };
    const kind = request.url?.startsWith('/sync/v1/pull')
      ? 'pull'
      : request.url?.startsWith('/sync/v1/push')
        ? 'push'
        : 'other';
    started.set(response, { at: performance.now(), kind });
  });
  subscribe('http.server.response.finish', (message) => {
    const start = started.get((message as { response: object }).response);
    if (start) serverTimes[start.kind].push(performance.now() - start.at);
  });

  const poolWaits: Series = [];
  let poolWaiting = 0;
  let poolWaitingMax = 0;
  const Pool = pg.Pool.prototype as unknown as { connect: (...args: unknown[]) => unknown };
  const connect = Pool.connect;
  Pool.connect = function (this: unknown, ...args: unknown[]) {
    const at = performance.now();
    poolWaiting += 1;
    poolWaitingMax = Math.max(poolWaitingMax, poolWaiting);
    const done = () => {
      poolWaiting -= 1;
      poolWaits.push(performance.now() - at);
    };
    if (typeof args[0] === 'function') {
      const callback = args[0] as (...a: unknown[]) => void;
      return connect.call(this, (...a: unknown[]) => {
        done();
        callback(...a);
      });
    }
    const promise = connect.apply(this, args) as Promise<unknown>;
    return promise.finally(done);
  };

  const statements = new Map<string, Series>();
  // How long a transaction holds the feed lock: from its lockFeed's answer to its commit's, per connection.
  const lockedAt = new WeakMap<object, number>();
  const feedLockHeld: Series = [];
  const Client = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = Client.query;
  Client.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    const text = typeof config === 'string' ? config : (config?.text ?? '');
    const result = query.apply(this, args);
    if (
      result &&
      typeof (result as Promise<unknown>).then === 'function' &&
      text &&
      !text.includes('pg_stat_activity')
    ) {
      const at = performance.now();
      const label = labelOf(text);
      void (result as Promise<unknown>).then(
        () => {
          const now = performance.now();
          let list = statements.get(label);
          if (!list) statements.set(label, (list = []));
          list.push(now - at);
          if (label.startsWith('SELECT last_seq FROM feed_head WHERE id = ? FOR UPDATE'))
            lockedAt.set(this as object, now);
          else if (/^(commit|rollback)$/i.test(label) && lockedAt.has(this as object)) {
            feedLockHeld.push(now - lockedAt.get(this as object)!);
            lockedAt.delete(this as object);
          }
        },
        () => {},
      );
    }
    return result;
  };

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const gcPauses: Series = [];
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcPauses.push(entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });

  // PostgreSQL's side: who is active and what it waits on.
  const waits = new Map<string, number>();
  let samples = 0;
  let activeSum = 0;
  const watcher = new pg.Client({ connectionString: url });
  watcher.on('error', () => {});
  let watching = true;
  void (async () => {
    await watcher.connect();
    while (watching) {
      const rows = await watcher
        .query(
          `SELECT state, wait_event_type, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS q
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
             AND backend_type = 'client backend' AND state <> 'idle'`,
        )
        .catch(() => null);
      if (rows) {
        samples += 1;
        activeSum += rows.rows.length;
        for (const row of rows.rows as Array<Record<string, string | null>>) {
          const key = `${row.state} | ${row.wait_event_type ?? 'cpu'}:${row.wait_event ?? ''} | ${labelOf(row.q ?? '')}`;
          waits.set(key, (waits.get(key) ?? 0) + 1);
        }
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  return {
    async stop() {
      watching = false;
      loop.disable();
      gc.disconnect();
      await watcher.end().catch(() => {});
      const sql = [...statements]
        .map(([label, list]) => ({ label, ...summary(list) }))
        .sort((a, b) => (b.sumMs ?? 0) - (a.sumMs ?? 0))
        .slice(0, 14);
      return {
        serverMs: { pull: summary(serverTimes.pull), push: summary(serverTimes.push) },
        feedLockHeldMs: summary(feedLockHeld),
        poolWaitMs: { ...summary(poolWaits), waitingMax: poolWaitingMax },
        sqlMs: sql,
        eventLoopDelayMs: {
          p50: +(loop.percentile(50) / 1e6).toFixed(1),
          p99: +(loop.percentile(99) / 1e6).toFixed(1),
          max: +(loop.max / 1e6).toFixed(1),
        },
        gcMs: summary(gcPauses),
        postgres: {
          samples,
          meanActive: +(activeSum / Math.max(1, samples)).toFixed(2),
          top: [...waits]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 12)
            .map(([key, n]) => `${n} ${key}`),
        },
      };
    },
  };
}
