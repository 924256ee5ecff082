// The PouchDB side of `npm run bench:sync` (docs/SYNC.md §4c): the workload of test/bench/sync-bench.ts on
// PouchDB 9 replicating over plain HTTP with express-pouchdb, the server in its own process (server.mjs).
//   node bench.mjs [N] [M] [--adapter memory|leveldb] [--timeout-s S]
// Prints one JSON line with the same keys as ours (P1_push_s, P2_rows_per_s, …) plus per-side CPU and RSS.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ADAPTERS, newCustomer, pouchFor } from './pouch.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { adapter: { type: 'string', default: 'memory' }, 'timeout-s': { type: 'string', default: '1500' } } });
const N = Number(positionals[0] ?? 100_000);
const M = Number(positionals[1] ?? 250_000);
if (!(N >= 5 && M >= 1) || !ADAPTERS.includes(values.adapter)) {
  console.error(`Usage: node bench.mjs [N] [M] [--adapter memory|leveldb] (N ≥ 5 changes, M ≥ 1 rows; got "${positionals.join(' ')}", adapter "${values.adapter}")`);
  process.exit(2);
}
const adapter = values.adapter;
const timeoutS = Number(values['timeout-s']);
const version = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('pouchdb-core/package.json'), 'utf8')).version;

const dir = mkdtempSync(join(tmpdir(), `counterdesk-pouch-${adapter}-`));
const { PouchDB, Local } = pouchFor(adapter, dir);
const server = fork(new URL('./server.mjs', import.meta.url), ['--adapter', adapter, '--dir', join(dir, 'server'), '--timeout-s', String(timeoutS + 60)], {
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  execArgv: ['--max-old-space-size=8192'],
});
let done = false;
/** Stops the server, then removes the scratch folder once nothing writes into it any more. */
function finish(code) {
  done = true;
  const cleanUp = () => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  };
  if (server.exitCode !== null || server.signalCode !== null) return cleanUp();
  server.once('exit', cleanUp);
  server.kill('SIGTERM');
  setTimeout(() => {
    server.kill('SIGKILL');
    cleanUp();
  }, 5000);
}
setTimeout(() => {
  console.error(`pouchdb peer: no result within ${timeoutS} s, giving up`);
  finish(2);
}, timeoutS * 1000).unref();
server.on('exit', (code) => {
  if (!done) {
    console.error(`pouchdb peer: the server exited (${code}) before the run finished`);
    finish(1);
  }
});

// Request/answer over the IPC channel, so measuring never adds bytes to the PouchDB port.
let nextId = 0;
const waiting = new Map();
server.on('message', (message) => {
  const pending = waiting.get(message.id ?? 'ready');
  if (!pending) return;
  waiting.delete(message.id ?? 'ready');
  if (message.type === 'error') pending.reject(new Error(message.message));
  else pending.resolve(message);
});
function ask(type, extra = {}) {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    server.send({ type, id, ...extra });
  });
}
const serverStats = async () => (await ask('stats')).stats;
const clientCpuMs = () => {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1000;
};

/** N changes as a week offline leaves them (fillOutbox in sync-bench.ts): 4 of 5 new customers, 1 of 5
 * an edit of an earlier customer's notes, written as PouchDB whole-document updates. */
async function fillStore(db, n) {
  const now = new Date().toISOString();
  const latest = new Map();
  const ids = [];
  let pending = new Map();
  const flush = async () => {
    const batch = [...pending.values()];
    pending = new Map();
    const results = await db.bulkDocs(batch);
    results.forEach((result, k) => {
      if (!result.ok) throw new Error(`local write failed: ${JSON.stringify(result)}`);
      batch[k]._rev = result.rev;
    });
  };
  for (let i = 0; i < n; i += 1) {
    let doc;
    if (i % 5 === 4 && ids.length > 0) {
      const id = ids[i % ids.length];
      if (pending.has(id)) await flush(); // the edit needs the revision of the write before it
      doc = { ...latest.get(id), notes: `回访 ${i}`, updatedAt: now };
    } else {
      doc = newCustomer(i, now);
      ids.push(doc._id);
    }
    latest.set(doc._id, doc);
    pending.set(doc._id, doc);
    if (pending.size >= 1000) await flush();
  }
  if (pending.size > 0) await flush();
}

/** Runs `work` and returns wall seconds, CPU on each side, and the server's traffic during it. */
async function phase(work) {
  const before = await serverStats();
  const cpu = clientCpuMs();
  const t = performance.now();
  const answer = await work();
  const seconds = (performance.now() - t) / 1000;
  const after = await serverStats();
  return {
    answer,
    seconds,
    clientCpuS: (clientCpuMs() - cpu) / 1000,
    serverCpuS: (after.cpuMs - before.cpuMs) / 1000,
    sent: after.wireIn - before.wireIn,
    received: after.wireOut - before.wireOut,
    body: after.bodyIn - before.bodyIn,
    requests: after.requests - before.requests,
    serverRssMb: after.rssMb,
  };
}

const round = (x, digits = 2) => +x.toFixed(digits);
const push = (from, to) => from.replicate.to(to, { batch_size: 500 });
const pull = (into, from) => into.replicate.from(from, { batch_size: 500 });

async function main() {
  const { port } = await new Promise((resolve, reject) => waiting.set('ready', { resolve, reject }));
  const remote = new PouchDB(`http://127.0.0.1:${port}/headoffice`);
  await remote.info(); // creates the database
  const results = { system: 'pouchdb', adapter, pouchdb: version, gzip: false, N, M, node: process.version };
  const loop = monitorEventLoopDelay({ resolution: 10 });

  // P1: a PC that synced once, then went offline with N changes, pushes them.
  const store = new Local('store1');
  await push(store, remote);
  await fillStore(store, N);
  loop.enable();
  const p1 = await phase(() => push(store, remote));
  loop.disable();
  Object.assign(results, {
    P1_push_s: round(p1.seconds), P1_changes_per_s: Math.round(N / p1.seconds), P1_docs_written: p1.answer.docs_written, P1_requests: p1.requests,
    P1_server_cpu_s: round(p1.serverCpuS), P1_client_cpu_s: round(p1.clientCpuS), P1_server_rss_mb: Math.round(p1.serverRssMb), P1_client_rss_mb: Math.round(process.memoryUsage.rss() / 2 ** 20),
    P5_bytes_per_change: round(p1.body / N, 1), P5_wire_bytes_per_change: round(p1.sent / N, 1), P7_loop_p99_ms: round(loop.percentile(99) / 1e6, 1),
  });

  // P2: head office filled to M documents in-process (untimed, like sync-bench's SQL), a new PC pulls all.
  const extra = M - (await remote.info()).doc_count;
  if (extra > 0) await ask('seed', { count: extra });
  const rows = (await remote.info()).doc_count;
  const fresh = new Local('fresh');
  loop.reset();
  loop.enable();
  const p2 = await phase(() => pull(fresh, remote));
  loop.disable();
  Object.assign(results, {
    P2_rows: rows, P2_rows_on_pc: (await fresh.info()).doc_count, P2_initial_s: round(p2.seconds), P2_rows_per_s: Math.round(rows / p2.seconds), P2_requests: p2.requests,
    P2_server_cpu_s: round(p2.serverCpuS), P2_client_cpu_s: round(p2.clientCpuS), P2_server_rss_mb: Math.round(p2.serverRssMb), P2_client_rss_mb: Math.round(process.memoryUsage.rss() / 2 ** 20),
    P2_bytes_received: p2.received, P7_loop_p99_during_P2_ms: round(loop.percentile(99) / 1e6, 1),
  });

  // P3: 1 % of the source PC's customers edited, pushed, then pulled by the other PC.
  const edits = Math.max(1, Math.floor(N / 100));
  const now = new Date().toISOString();
  const some = await store.allDocs({ include_docs: true, limit: edits });
  await store.bulkDocs(some.rows.map((row, i) => ({ ...row.doc, notes: `回访 P3 ${i}`, updatedAt: now })));
  const p3 = await phase(async () => {
    await push(store, remote);
    return pull(fresh, remote);
  });
  Object.assign(results, { P3_changes: some.rows.length, P3_incremental_s: round(p3.seconds), P3_requests: p3.requests });

  // P4: one PC with nothing to send and nothing new, push + pull. Its first push (untimed) sets the
  // push checkpoint, as any PouchDB PC that ever synced both ways has one.
  await push(fresh, remote);
  const p4 = await phase(async () => {
    await push(fresh, remote);
    return pull(fresh, remote);
  });
  const end = await serverStats();
  Object.assign(results, {
    P4_noop_ms: Math.round(p4.seconds * 1000), P4_requests: p4.requests, P4_bytes_sent: p4.sent, P4_bytes_received: p4.received,
    server_peak_rss_mb: Math.round(end.peakRssMb), client_peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
  console.log(JSON.stringify(results));
}

main().then(
  () => finish(0),
  (error) => {
    console.error(error);
    finish(1);
  },
);
