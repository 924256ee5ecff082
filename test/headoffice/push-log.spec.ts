/**
 * Head office's push log keeps one row per push request (HQ migration 0006). A retry that spans
 * several logged requests must still find each seq's change (F2's duplicate skip, F18's fork
 * check), and the per-change view must list every seq once.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pendingBatch, wireChange } from '../../db/sync/outbox';
import { PROTOCOL_VERSION, type WireChange } from '../../db/sync/protocol';
import { SCHEMA_VERSION } from '../../db/migrations/index';
import { HqError } from '../../headoffice/auth';
import { connectHq } from '../../headoffice/db/open';
import { hqMigrations } from '../../headoffice/db/migrations/index';
import { dropDatabase, ensureDatabase } from '../../headoffice/db/postgres';
import { handlePush } from '../../headoffice/push';
import { openCounter, type TestCounter } from '../sync/support/counter';
import { startTestHeadOffice, type TestHeadOffice } from '../sync/support/hq';

let hq: TestHeadOffice;
let pc: TestCounter;
let changes: WireChange[];

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012');
  pc = await openCounter(hq);
  await pc.sync();
  for (let i = 0; i < 9; i += 1)
    await pc.ok('customers.create', { name: `日志${i}`, phones: [{ number: `1390000000${i}` }] });
  changes = pendingBatch(pc.store.statements, { maxChanges: 1000 }).map(wireChange);
});

afterAll(async () => {
  await pc?.close();
  await hq?.close();
});

async function push(batch: WireChange[]) {
  const device = await hq.db.selectFrom('device').select(['id', 'storeId', 'name']).executeTakeFirstOrThrow();
  return handlePush(
    hq.db,
    device,
    {
      protocol: PROTOCOL_VERSION,
      replicaId: pc.store.replicaId,
      schemaVersion: SCHEMA_VERSION,
      appVersion: 'test',
      changes: batch,
    },
    hq.hqClock,
    Date.now(),
  );
}

describe('push log', () => {
  it('logs three requests as three rows and every change once in the per-change view', async () => {
    // A customer and its phone each, written together: the requests split between customers.
    expect(changes.length).toBe(18);
    const first = changes[0]!.seq;
    const thirds = [changes.slice(0, 6), changes.slice(6, 12), changes.slice(12)];
    for (const part of thirds) expect((await push(part)).lastAppliedSeq).toBe(part.at(-1)!.seq);
    const rows = await hq.db
      .selectFrom('pushBatch')
      .select(['firstSeq', 'lastSeq'])
      .where('replicaId', '=', pc.store.replicaId)
      .where('firstSeq', '>=', first)
      .orderBy('firstSeq')
      .execute();
    expect(rows.map((r) => [r.firstSeq, r.lastSeq])).toEqual(thirds.map((part) => [part[0]!.seq, part.at(-1)!.seq]));
    const logged = await hq.db
      .selectFrom('pushLog')
      .select(['seq', 'changeId', 'status'])
      .where('replicaId', '=', pc.store.replicaId)
      .where('seq', '>=', first)
      .orderBy('seq')
      .execute();
    expect(logged).toEqual(changes.map((c) => ({ seq: c.seq, changeId: c.changeId, status: 'applied' })));
  });

  it('skips a retry spanning those requests without applying anything twice', async () => {
    const before = await hq.db
      .selectFrom('changeFeed')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const answer = await push(changes.slice(2, 16));
    expect(answer.lastAppliedSeq).toBe(changes.at(-1)!.seq);
    expect(answer.results).toEqual([]);
    const after = await hq.db
      .selectFrom('changeFeed')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('finds a retried seq that came with another change in the middle request (a restored copy, F18)', async () => {
    const forged = changes
      .slice(4, 14)
      .map((c) => (c.seq === changes[8]!.seq ? { ...c, changeId: 'another-change' } : c));
    const refused = await push(forged).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HqError);
    expect((refused as HqError).code).toBe('replica_forked');
    expect((refused as HqError).extra).toMatchObject({ expectedSeq: changes[8]!.seq });
  });
});

describe('migration 0006', () => {
  it('carries the per-change log of an older head office over, one row per change, readable through the view', async () => {
    const adminUrl = inject('pgAdminUrl');
    const name = `hq_m6_${randomBytes(4).toString('hex')}`;
    await ensureDatabase(adminUrl, name);
    const db = connectHq(adminUrl.replace(/\/postgres$/, `/${name}`));
    try {
      for (const migration of hqMigrations.filter((m) => m.version < 6)) await migration.up(db);
      await sql`INSERT INTO push_log (replica_id, seq, change_id, status) VALUES ('r1', 1, 'c1', 'applied'), ('r1', 2, 'c2', 'rejected'), ('r2', 1, 'c3', 'superseded')`.execute(
        db,
      );
      await hqMigrations.find((m) => m.version === 6)!.up(db);
      const logged = await db.selectFrom('pushLog').selectAll().orderBy('replicaId').orderBy('seq').execute();
      expect(logged).toEqual([
        { replicaId: 'r1', seq: 1, changeId: 'c1', status: 'applied' },
        { replicaId: 'r1', seq: 2, changeId: 'c2', status: 'rejected' },
        { replicaId: 'r2', seq: 1, changeId: 'c3', status: 'superseded' },
      ]);
    } finally {
      await db.destroy();
      await dropDatabase(adminUrl, name);
    }
  });
});
