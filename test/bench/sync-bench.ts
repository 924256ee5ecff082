/**
 * Sync figures for the benchmark (docs/SYNC.md §3c), built and run by scripts/bench-sync.mjs:
 *   P1 push of N changes from a counter's SQLite file over HTTPS into PostgreSQL (applied + feed)
 *   P2 initial sync of M rows into a new counter PC (snapshot + feed)
 *   P3 incremental sync after 1 % of the rows changed, P4 no-op sync, P5 bytes per pushed change
 *   P1/P2 on the mix a counter really writes (customers with phones and notes, tickets with their
 *   events, stock movements; test/sync/support/week-offline.ts, as F14), in a second store: N
 *   changes pushed, then a new PC of that store takes everything it may see
 * Head office and PostgreSQL run on this machine (loopback), as the targets assume, each in its own
 * process (this file re-run with `--headoffice`): in a store they are on another machine, and
 * sharing the counter's event loop would charge head office's work to the counter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDesk } from '../../db/desk';
import { newId } from '../../db/ids';
import { SCHEMA_VERSION } from '../../db/migrations/index';
import { fileCredentialStore } from '../../db/sync/credentials';
import { enrollDevice } from '../../db/sync/enroll';
import { SyncEngine } from '../../db/sync/engine';
import { addStore, writeAsHq } from '../../headoffice/admin/ops';
import { createHlc } from '../../db/sync/hlc';
import { HQ_NODE } from '../../db/sync/merge';
import { hqPart } from '../sync/support/parts';
import { writeOfflineWeek } from '../sync/support/week-offline';
import { issueEnrollmentCode } from '../../headoffice/auth';
import { connectHq, migrateHq } from '../../headoffice/db/open';
import { ensureDatabase, startLocalPostgres } from '../../headoffice/db/postgres';
import { makeTestCertificates } from '../../headoffice/tls';
import { serveHeadOffice, startHqProcess } from './hq-child';
import { fillOutbox } from './outbox-fill';

const N = Number(process.argv[2] ?? 100_000);
const M = Number(process.argv[3] ?? 250_000);
const quiet = { info() {}, warn() {}, error: (m: string, d?: unknown) => console.error(m, d) };

async function counter(
  folder: string,
  name: string,
  hqUrl: string,
  caCert: string,
  db: ReturnType<typeof connectHq>,
  storeCode = 'S012',
  counterNo = name === 'fresh' ? 2 : 1,
) {
  const file = join(folder, `${name}.sqlite`);
  const desk = await openDesk({ file, appVersion: 'bench', host: 'browser', forcedLanguage: null, logger: quiet });
  const client = { sessionId: null };
  const setup = await desk.dispatch(client, 'setup.createStore', {
    storeCode,
    storeName: '基准店',
    counterNo,
    adminName: '管理员',
    adminPin: '2468',
  });
  if (!setup.ok) throw new Error(setup.error.message);
  const credentials = fileCredentialStore(join(folder, `${name}.json`));
  const code = (await issueEnrollmentCode(db, storeCode)).code;
  await enrollDevice(desk.store!, credentials, { serverUrl: hqUrl, code, caCert, deviceName: name }, desk.sync!);
  const engine = new SyncEngine({
    store: desk.store!,
    services: desk.sync!,
    credentials,
    appVersion: 'bench',
    logger: quiet,
  });
  desk.sync!.engine = engine;
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await desk.dispatch(client, method as never, input as never);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  return { desk, client, engine, store: desk.store!, ok };
}

/** `n` existing customers' notes edited, each its own transaction, as the counter writes them. */
function editCustomers(store: Awaited<ReturnType<typeof counter>>['store'], n: number): void {
  const now = new Date().toISOString();
  const ids = store.sqlite.prepare('SELECT id FROM customer ORDER BY random() LIMIT ?').all(n) as Array<{ id: string }>;
  const update = store.sqlite.prepare('UPDATE customer SET notes = ?, updated_at = ?, hlc = ? WHERE id = ?');
  const log = store.sqlite.prepare(
    "INSERT INTO change_log (change_id, tx_id, entity, entity_id, op, fields, hlc, staff_id, schema_version, created_at) VALUES (?, ?, 'customer', ?, 'update', ?, ?, NULL, ?, ?)",
  );
  store.sqlite.transaction(() => {
    for (const [i, { id }] of ids.entries()) {
      const hlc = store.hlc.send();
      update.run(`回访记录 ${i}`, now, hlc, id);
      log.run(
        newId(),
        newId(),
        id,
        JSON.stringify({ notes: `回访记录 ${i}`, updatedAt: now }),
        hlc,
        SCHEMA_VERSION,
        now,
      );
    }
  })();
}

/**
 * P1 and P2 on the mix of records a counter writes, in store S013: one PC's last day at the desk
 * (one of each action, through the desk), then N changes of a week offline written as the desk
 * writes them, pushed (P1); then a new PC of S013 takes every record it may see: the catalogue,
 * S013's customers, tickets with their events, movements (P2).
 */
async function mixedWork(
  folder: string,
  hqUrl: string,
  caCert: string,
  db: ReturnType<typeof connectHq>,
): Promise<Record<string, unknown>> {
  await addStore(db, 'S013', '基准二店');
  const catalogue = Array.from({ length: 60 }, (_, i) => hqPart(`MX-${String(i).padStart(3, '0')}`, 2_000 + i * 150));
  await writeAsHq(db, createHlc({ node: HQ_NODE }), catalogue);
  const pc = await counter(folder, 'mixed', hqUrl, caCert, db, 'S013', 1);
  await pc.engine.syncNow();
  const customer = await pc.ok<{ id: string }>('customers.create', {
    name: '到店顾客',
    phones: [{ number: '15012340001' }],
  });
  const ticket = await pc.ok<{ id: string; number: string; version: number }>('tickets.create', {
    type: 'complaint',
    customerId: customer.id,
    channel: 'in_store',
    category: 'service_attitude',
    whatHappened: '安装师傅态度不好',
    customerWants: '尽快处理',
  });
  const staffId = (pc.store.sqlite.prepare("SELECT id FROM staff WHERE role = 'admin'").get() as { id: string }).id;
  await pc.ok('tickets.act', {
    ticketId: ticket.id,
    version: ticket.version,
    step: { action: 'assign', assigneeId: staffId },
  });
  const movement = await pc.ok<{ locationId: string }>('parts.adjust', {
    partId: catalogue[0]!.entityId,
    qty: 10,
    reason: '期初',
  });
  const created = pc.store.sqlite
    .prepare("SELECT data FROM ticket_event WHERE ticket_id = ? AND action = 'create'")
    .get(ticket.id) as { data: string };
  await pc.engine.syncNow();
  const week = await writeOfflineWeek(
    {
      store: pc.store,
      staffId,
      storeId: (pc.store.sqlite.prepare('SELECT id FROM store').get() as { id: string }).id,
      lastTicketNumber: ticket.number,
      createEventData: created.data,
      locationId: movement.locationId,
      parts: catalogue.map((p) => ({ id: p.entityId, costFen: p.fields.costFen })),
      seed: 2026,
    },
    N,
  );
  const pending = pc.engine.status().pending;
  let t = performance.now();
  await pc.engine.syncNow();
  const p1 = (performance.now() - t) / 1000;
  if (pc.engine.status().pending > 0 || pc.engine.status().lastError)
    throw new Error(`P1 mixed did not finish: ${pc.engine.status().lastError}`);

  const fresh = await counter(folder, 'mixed-fresh', hqUrl, caCert, db, 'S013', 2);
  t = performance.now();
  await fresh.engine.syncNow();
  const p2 = (performance.now() - t) / 1000;
  if (fresh.engine.status().lastError) throw new Error(`P2 mixed failed: ${fresh.engine.status().lastError}`);
  // What the new PC received: every synced record of those kinds it now holds.
  const count = (table: string) =>
    (fresh.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const tables = ['part', 'customer', 'customer_phone', 'customer_note', 'ticket', 'ticket_event', 'stock_movement'];
  const received = Object.fromEntries(tables.map((table) => [table, count(table)]));
  const rows = Object.values(received).reduce((a, b) => a + b, 0);
  for (const x of [pc, fresh]) {
    await x.engine.stop();
    await x.desk.close();
  }
  return {
    P1_mixed_changes: pending,
    P1_mixed_actions: week.actions,
    P1_mixed_push_s: +p1.toFixed(2),
    P1_mixed_changes_per_s: Math.round(pending / p1),
    P2_mixed_rows: rows,
    P2_mixed_received: received,
    P2_mixed_initial_s: +p2.toFixed(2),
    P2_mixed_rows_per_s: Math.round(rows / p2),
  };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'counterdesk-bench-'));
  const pg = await startLocalPostgres({
    dataDir: join(folder, 'pg'),
    port: 54000 + Math.floor(Math.random() * 900),
    ephemeral: true,
  });
  await ensureDatabase(pg.url, 'bench');
  const db = connectHq(pg.urlFor('bench'));
  await migrateHq(db);
  const tls = await makeTestCertificates();
  const hq = await startHqProcess(fileURLToPath(import.meta.url), pg.urlFor('bench'), tls);
  await addStore(db, 'S012', '基准店');
  const results: Record<string, unknown> = { N, M, node: process.version };
  const loop = monitorEventLoopDelay({ resolution: 10 });
  try {
    // P1: push N changes.
    const a = await counter(folder, 'source', hq.url, tls.caCert, db);
    // An enrolled PC that synced before going offline for a week.
    await a.engine.syncNow();
    fillOutbox(a.store, N);
    let t = performance.now();
    loop.enable();
    await a.engine.syncNow();
    loop.disable();
    const p1 = (performance.now() - t) / 1000;
    if (a.engine.status().pending > 0 || a.engine.status().lastError)
      throw new Error(`P1 did not finish: ${a.engine.status().lastError}`);
    const traffic = (
      a.engine as unknown as { session: { traffic: { sent: number; received: number; requests: number } } }
    ).session.traffic;
    Object.assign(results, {
      P1_push_s: +p1.toFixed(2),
      P1_changes_per_s: Math.round(N / p1),
      P5_bytes_per_change: +(traffic.sent / N).toFixed(1),
      P1_requests: traffic.requests,
      P7_loop_p99_ms: +(loop.percentile(99) / 1e6).toFixed(1),
    });

    // Bring head office to M records for P2 (bulk: the push path was measured above).
    const extra =
      M -
      (
        await db
          .selectFrom('entityState')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    if (extra > 0) {
      await sql`INSERT INTO entity_state (entity, entity_id, state, owner_store_id, scope, customer_ref, updated_seq)
        SELECT 'customer', id, json_build_object('fields', json_build_object('name', '顾客'||g, 'tier', 'regular', 'notes', repeat('x', 60), 'createdAt', now()::text, 'updatedAt', now()::text, 'deletedAt', null),
          -- Written in one go, so stored as head office stores such a record: one shared stamp (db/sync/compact-state.ts).
          'clocks', json_build_object('*', lpad(to_hex(1700000000000 + g), 12, '0')||'-0000-hq'), 'deleted', null),
          NULL, 'customer', id, 0 FROM (SELECT g, gen_random_uuid()::text AS id FROM generate_series(1, ${extra}) g) AS generated`.execute(
        db,
      );
      // Every customer reaches the store (privacy scope): link them all.
      const store = await db.selectFrom('hqStore').select('id').executeTakeFirstOrThrow();
      await sql`INSERT INTO customer_link (customer_id, store_id) SELECT entity_id, ${store.id} FROM entity_state WHERE entity = 'customer' ON CONFLICT DO NOTHING`.execute(
        db,
      );
    }
    // As after any bulk load (a restore, an import), the planner's statistics are brought up to date
    // (autovacuum would do it within a minute): without them it sorts every remaining row per page.
    await sql`ANALYZE`.execute(db);
    const rows = (
      await db
        .selectFrom('entityState')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

    // P2: a new counter PC's initial sync.
    const fresh = await counter(folder, 'fresh', hq.url, tls.caCert, db);
    t = performance.now();
    loop.reset();
    loop.enable();
    await fresh.engine.syncNow();
    loop.disable();
    const p2 = (performance.now() - t) / 1000;
    if (fresh.engine.status().lastError) throw new Error(`P2 failed: ${fresh.engine.status().lastError}`);
    const local = (fresh.store.sqlite.prepare('SELECT count(*) AS n FROM customer').get() as { n: number }).n;
    const p2LoopP99 = loop.percentile(99);
    // The counter search terms of those customers are built in the background after the sync.
    loop.reset();
    loop.enable();
    await fresh.engine.searchIndexed();
    loop.disable();
    const searchReady = (performance.now() - t) / 1000;
    const terms = (
      fresh.store.sqlite.prepare('SELECT count(DISTINCT customer_id) AS n FROM search_term').get() as { n: number }
    ).n;
    if (terms < local - 2) throw new Error(`P2: only ${terms} of ${local} customers have search terms`);
    Object.assign(results, {
      P2_rows: rows,
      P2_rows_on_pc: local,
      P2_initial_s: +p2.toFixed(2),
      P2_rows_per_s: Math.round(rows / p2),
      P7_loop_p99_during_P2_ms: +(p2LoopP99 / 1e6).toFixed(1),
      P2_search_ready_s: +searchReady.toFixed(2),
      P7_loop_p99_during_index_ms: +(loop.percentile(99) / 1e6).toFixed(1),
    });

    // P3: 1 % of the source's customers edited (their notes, as a counter would), pushed, pulled by the fresh PC.
    editCustomers(a.store, Math.max(1, Math.floor(N / 100)));
    t = performance.now();
    await a.engine.syncNow();
    await fresh.engine.syncNow();
    Object.assign(results, { P3_incremental_s: +((performance.now() - t) / 1000).toFixed(2) });

    // P4: nothing to do.
    t = performance.now();
    await fresh.engine.syncNow();
    Object.assign(results, { P4_noop_ms: Math.round(performance.now() - t) });
    await a.engine.stop();
    await fresh.engine.stop();
    await a.desk.close();
    await fresh.desk.close();
    Object.assign(results, await mixedWork(folder, hq.url, tls.caCert, db));
  } finally {
    await new Promise((resolve) => {
      hq.child.once('exit', resolve);
      hq.child.kill('SIGTERM');
    });
    await db.destroy();
    await pg.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(JSON.stringify(results));
}

(process.argv[2] === '--headoffice' ? serveHeadOffice() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
