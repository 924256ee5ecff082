/**
 * The store process's benchmark, built and run by scripts/bench-store.mjs: this process stands in
 * for Electron's main process (or the browser host) and measures its own event-loop delay and a
 * `customers.search` round trip every 250 ms, while a counter pushes N changes and then a new
 * counter takes M rows in its initial sync, with a busy-loop process taking a core. Twice in one
 * run: with the desk in a store worker (electron/store/) and with the desk in this process (the
 * arrangement before the store process), on two stores of one head office.
 * Head office and PostgreSQL run in processes of their own, as in test/bench/sync-bench.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { DeskResult } from '../../db/contract';
import { openDesk } from '../../db/desk';
import type { Desk } from '../../db/desk-types';
import { fileCredentialStore } from '../../db/sync/credentials';
import { enrollDevice } from '../../db/sync/enroll';
import { SyncEngine } from '../../db/sync/engine';
import { startDeskSync } from '../../db/sync/start';
import type { SyncStatus } from '../../db/sync/status';
import { storeChildProcess, storeWorker } from '../../electron/store/children';
import type { StoreChild } from '../../electron/store/supervisor';
import { serialize } from 'node:v8';
import { startStoreProcess } from '../../electron/store/supervisor';
import { addStore } from '../../headoffice/admin/ops';
import { issueEnrollmentCode } from '../../headoffice/auth';
import { connectHq, migrateHq } from '../../headoffice/db/open';
import { ensureDatabase, startLocalPostgres } from '../../headoffice/db/postgres';
import { makeTestCertificates } from '../../headoffice/tls';
import { serveHeadOffice, startHqProcess } from './hq-child';
import { fillOutbox } from './outbox-fill';

const N = Number(process.argv[2] ?? 100_000);
const M = Number(process.argv[3] ?? 250_000);
/**
 * The measured arrangement is the store in a process of its own, as Electron's utilityProcess runs
 * it (here a forked Node process). Its peer: the desk in this process (before the store process),
 * the store in a worker thread (the browser host), or a store process below the shell's priority.
 */
const PEERS = {
  'in-process': 'in process',
  worker: 'store worker',
  'low-priority': 'store process, lowered priority',
} as const;
const PEER: Arrangement = PEERS[(process.argv[4] ?? 'in-process') as keyof typeof PEERS];
const STORE_ENTRY = fileURLToPath(new URL('./store.js', import.meta.url));
/** A person at the counter searching four times a second, without pause. */
const SEARCH_EVERY_MS = 250;
const quiet = { info() {}, warn() {}, error: (m: string, d?: unknown) => console.error(m, d) };
const log = (line: string) => process.stderr.write(`${line}\n`);
type Hq = ReturnType<typeof connectHq>;
type Arrangement = 'store process' | (typeof PEERS)[keyof typeof PEERS];

/** A counter file set up, enrolled (credentials in a file beside it) and signed in; closed again. */
async function prepareCounter(
  folder: string,
  name: string,
  storeCode: string,
  counterNo: number,
  hq: { url: string; caCert: string; db: Hq },
  work: (desk: Desk, engine: SyncEngine) => Promise<void> = async () => {},
): Promise<{ file: string; credentials: string; sessionId: string }> {
  const file = join(folder, `${name}.sqlite`);
  const credentialsFile = join(folder, `${name}.json`);
  const desk = await openDesk({ file, appVersion: 'bench', host: 'browser', forcedLanguage: null, logger: quiet });
  const client = { sessionId: null as string | null };
  const setup = await desk.dispatch(client, 'setup.createStore', {
    storeCode,
    storeName: '基准店',
    counterNo,
    adminName: '管理员',
    adminPin: '2468',
  });
  if (!setup.ok) throw new Error(setup.error.message);
  // A full-size phase on a loaded machine outlasts the default idle lock; the session must not end meanwhile.
  await desk.store!.db.updateTable('store').set({ idleLockMinutes: 240 }).execute();
  const credentials = fileCredentialStore(credentialsFile);
  const code = (await issueEnrollmentCode(hq.db, storeCode)).code;
  await enrollDevice(
    desk.store!,
    credentials,
    { serverUrl: hq.url, code, caCert: hq.caCert, deviceName: name },
    desk.sync!,
  );
  const engine = new SyncEngine({
    store: desk.store!,
    services: desk.sync!,
    credentials,
    appVersion: 'bench',
    logger: quiet,
  });
  await work(desk, engine);
  await engine.stop();
  await desk.close();
  // Sessions are rows in the file: the measured desk, in whichever process, serves this sign-in.
  return { file, credentials: credentialsFile, sessionId: client.sessionId! };
}

/** The counter's desk as the shell holds it: in a store worker, or opened here. */
async function openArranged(
  arrangement: Arrangement,
  counter: { file: string; credentials: string },
): Promise<{ desk: Desk; close(): Promise<void>; ping?: () => unknown }> {
  if (arrangement !== 'in process') {
    const desk = await startStoreProcess({
      spawn: () =>
        traced(arrangement === 'store worker' ? storeWorker(STORE_ENTRY, quiet) : storeChildProcess(STORE_ENTRY)),
      init: {
        file: counter.file,
        appVersion: 'bench',
        host: 'browser',
        forcedLanguage: null,
        schedule: false,
        credentials: { kind: 'file', file: counter.credentials },
        lowerPriority: arrangement === 'store process, lowered priority',
      },
      logger: quiet,
      // The search-term building after an initial sync is not waited for.
      closeTimeoutMs: 2_000,
    });
    return { desk, close: () => desk.close(), ping: () => desk.status().ping };
  }
  const desk = await openDesk({
    file: counter.file,
    appVersion: 'bench',
    host: 'browser',
    forcedLanguage: null,
    logger: quiet,
  });
  const sync = await startDeskSync({
    desk,
    credentials: fileCredentialStore(counter.credentials),
    appVersion: 'bench',
    logger: quiet,
  });
  return {
    desk,
    async close() {
      await sync.stop();
      await desk.close();
    },
  };
}

/** What the store sends the shell during a phase: counts by kind, bytes (trace only), handler time. */
const traffic = { counts: {} as Record<string, number>, bytes: 0, handlerMs: [] as number[] };
const TRACE = process.env.BENCH_STORE_TRACE === '1';
function traced(child: StoreChild): StoreChild {
  return {
    ...child,
    onMessage(listener) {
      child.onMessage((message) => {
        const kind = message.type === 'event' ? `event ${message.event}` : message.type;
        traffic.counts[kind] = (traffic.counts[kind] ?? 0) + 1;
        if (TRACE) traffic.bytes += serialize(message).length;
        const t = performance.now();
        listener(message);
        traffic.handlerMs.push(performance.now() - t);
      });
    },
  };
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * Runs until the counter's sync has finished a round that began after `since` with nothing left
 * to push, measuring this process's event loop and the search round trip meanwhile.
 */
async function measureWhileSyncing(desk: Desk, sessionId: string, label: string) {
  const client = { sessionId };
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const searches: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  const before = await desk.dispatch(client, 'sync.status', {});
  const since = before.ok ? (before.value as SyncStatus).lastSyncAt : null;
  loop.enable();
  traffic.counts = {};
  traffic.bytes = 0;
  traffic.handlerMs = [];
  const elu = performance.eventLoopUtilization();
  let done = false;
  // Timed from when the person asked (the intended time), not from when this loop got round to
  // it: a call that waits for a blocked loop waits in the measurement too (coordinated omission).
  const searching = (async () => {
    for (let i = 0; !done; i += 1) {
      const intended = performance.now() + SEARCH_EVERY_MS;
      await new Promise((resolve) => setTimeout(resolve, SEARCH_EVERY_MS));
      const result: DeskResult<unknown> = await desk.dispatch(client, 'customers.search', { query: `顾客${i % 1000}` });
      searches.push(performance.now() - intended);
      if (!result.ok) failures.push(result.error.key);
    }
  })();
  for (;;) {
    // sync.status counts the outbox: asked often, it would take the store's time the sync needs.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const answer = await desk.dispatch(client, 'sync.status', {});
    if (!answer.ok) throw new Error(`${label}: sync.status ${answer.error.key}`);
    const status = answer.value as SyncStatus;
    if (status.lastError) throw new Error(`${label}: ${status.lastError}`);
    if (status.state === 'idle' && status.lastSyncAt !== since && status.pending === 0) break;
    if (performance.now() - started > 10 * 60_000) throw new Error(`${label}: did not finish in 10 minutes`);
  }
  done = true;
  await searching;
  loop.disable();
  if (failures.length > 0) throw new Error(`${label}: ${failures.length} searches failed (${failures[0]})`);
  return {
    seconds: +((performance.now() - started) / 1000).toFixed(1),
    loopP99Ms: +(loop.percentile(99) / 1e6).toFixed(1),
    loopMaxMs: +(loop.max / 1e6).toFixed(1),
    searchP95Ms: +percentile(searches, 95).toFixed(1),
    searches: searches.length,
    loopUtilization: +performance.eventLoopUtilization(elu).utilization.toFixed(3),
    fromStore: { ...traffic.counts },
    ...(TRACE ? { fromStoreBytes: traffic.bytes } : {}),
    handlerMaxMs: +Math.max(0, ...traffic.handlerMs).toFixed(2),
  };
}

/** M customers at head office, every one visible to both stores (bulk, as test/bench/sync-bench.ts). */
async function seedCustomers(db: Hq, m: number): Promise<void> {
  await sql`WITH generated AS (SELECT g, gen_random_uuid()::text AS id FROM generate_series(1, ${m}) g),
    inserted AS (INSERT INTO entity_state (entity, entity_id, state, owner_store_id, scope, customer_ref, updated_seq)
      SELECT 'customer', id, json_build_object('fields', json_build_object('name', '顾客'||g, 'tier', 'regular', 'notes', repeat('x', 60), 'createdAt', now()::text, 'updatedAt', now()::text, 'deletedAt', null),
        'clocks', json_build_object('*', lpad(to_hex(1700000000000 + g), 12, '0')||'-0000-hq'), 'deleted', null),
        NULL, 'customer', id, 0 FROM generated RETURNING entity_id)
    INSERT INTO customer_link (customer_id, store_id) SELECT inserted.entity_id, s.id FROM inserted CROSS JOIN hq_store s`.execute(
    db,
  );
  await sql`ANALYZE`.execute(db);
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'counterdesk-bench-store-'));
  const pg = await startLocalPostgres({
    dataDir: join(folder, 'pg'),
    port: 54000 + Math.floor(Math.random() * 900),
    ephemeral: true,
  });
  let hqChild: ChildProcess | null = null;
  let busy: ChildProcess | null = null;
  const db = connectHq(await ensureDatabase(pg.url, 'bench').then(() => pg.urlFor('bench')));
  const results = { 'store process': {}, [PEER]: {} } as Record<Arrangement, Record<string, unknown>>;
  const floor = { p99Ms: NaN };
  try {
    await migrateHq(db);
    const tls = await makeTestCertificates();
    const started = await startHqProcess(fileURLToPath(import.meta.url), pg.urlFor('bench'), tls);
    hqChild = started.child;
    const hq = { url: started.url, caCert: tls.caCert, db };
    const stores = { 'store process': 'S012', [PEER]: 'S013' } as Record<Arrangement, string>;
    for (const code of Object.values(stores)) await addStore(db, code, '基准店');

    log(`Preparing two counters with ${N} changes each to push …`);
    const sources = {} as Record<Arrangement, Awaited<ReturnType<typeof prepareCounter>>>;
    for (const arrangement of Object.keys(stores) as Arrangement[])
      sources[arrangement] = await prepareCounter(
        folder,
        `source-${stores[arrangement]}`,
        stores[arrangement],
        1,
        hq,
        async (desk, engine) => {
          await engine.syncNow();
          fillOutbox(desk.store!, N);
        },
      );

    // The second CPU-bound process the targets assume.
    busy = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    // The floor: this process's loop with no desk at all, on the machine as it is now.
    const idle = monitorEventLoopDelay({ resolution: 5 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    idle.disable();
    floor.p99Ms = +(idle.percentile(99) / 1e6).toFixed(1);
    for (const arrangement of Object.keys(stores) as Arrangement[]) {
      log(`Push of ${N} changes, desk ${arrangement} …`);
      const desk = await openArranged(arrangement, sources[arrangement]);
      results[arrangement].push = {
        ...(await measureWhileSyncing(desk.desk, sources[arrangement].sessionId, `push (${arrangement})`)),
        ...(desk.ping ? { pingMs: desk.ping() } : {}),
      };
      log(JSON.stringify(results[arrangement].push));
      await desk.close();
    }

    log(`Head office: ${M} customers more …`);
    await seedCustomers(db, M);
    const fresh = {} as Record<Arrangement, Awaited<ReturnType<typeof prepareCounter>>>;
    for (const arrangement of Object.keys(stores) as Arrangement[])
      fresh[arrangement] = await prepareCounter(folder, `fresh-${stores[arrangement]}`, stores[arrangement], 2, hq);
    // The desk in this process last: the search terms it builds after the sync would run on this loop.
    const opened: Array<{ close(): Promise<void> }> = [];
    for (const arrangement of Object.keys(stores) as Arrangement[]) {
      log(`Initial sync, desk ${arrangement} …`);
      const desk = await openArranged(arrangement, fresh[arrangement]);
      results[arrangement].initial = {
        ...(await measureWhileSyncing(desk.desk, fresh[arrangement].sessionId, `initial sync (${arrangement})`)),
        ...(desk.ping ? { pingMs: desk.ping() } : {}),
      };
      log(JSON.stringify(results[arrangement].initial));
      const count = await desk.desk.dispatch({ sessionId: fresh[arrangement].sessionId }, 'customers.search', {
        query: '顾客1',
      });
      results[arrangement].initialRowsCheck = count.ok;
      if (arrangement !== 'in process') await desk.close();
      else opened.push(desk);
    }
  } finally {
    busy?.kill('SIGKILL');
    if (hqChild) {
      const child = hqChild;
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    }
    await db.destroy();
    await pg.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ N, M, peer: PEER, node: process.version, floorP99Ms: floor.p99Ms, results }));
  // The in-process desk may still be building search terms; the figures are taken.
  process.exit(0);
}

(process.argv[2] === '--headoffice' ? serveHeadOffice() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
