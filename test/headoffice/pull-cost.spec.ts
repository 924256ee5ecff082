/**
 * A pull costs what the asking store's traffic costs (migration 0010, headoffice/pull.ts): with
 * thousands of other stores' rows after its cursor, the pull's query examines only rows it sends.
 * Measured from PostgreSQL's own plan (EXPLAIN ANALYZE: rows each scan produced or filtered out),
 * with the scan over the whole feed that pull ran before 0010 as the control. Then the same answers
 * as that scan, page by page and in the same order, after random pushes, links made before and
 * after a customer's rows, merges and unlinks.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createHlc } from '../../db/sync/hlc';
import { HQ_NODE } from '../../db/sync/merge';
import { formatCursor, type WireChange } from '../../db/sync/protocol';
import { addStore, linkCustomer, writeAsHq } from '../../headoffice/admin/ops';
import { applyChanges } from '../../headoffice/apply';
import { connectHq, migrateHq, readMeta, type HqDatabase } from '../../headoffice/db/open';
import { dropDatabase, ensureDatabase } from '../../headoffice/db/postgres';
import { lockFeed } from '../../headoffice/feed';
import { feedQuery, handlePull } from '../../headoffice/pull';

const adminUrl = inject('pgAdminUrl');
const dbName = `hq_pull_cost_${randomBytes(4).toString('hex')}`;
const nowMs = Date.parse('2026-03-02T09:00:00Z');
const hqClock = createHlc({ node: HQ_NODE, now: () => nowMs });
let db: HqDatabase;
let epoch: string;

const id = () => randomBytes(8).toString('hex');
const clocks = new Map<string, ReturnType<typeof createHlc>>();
type Change = Pick<WireChange, 'entity' | 'entityId' | 'op' | 'fields'>;

/** A store's push as head office applies it (the HTTP and replica bookkeeping are routes.spec.ts's). */
async function push(storeId: string, replicaId: string, changes: Change[]): Promise<void> {
  const clock = clocks.get(replicaId) ?? createHlc({ node: replicaId.replace(/[^0-9a-z]/g, ''), now: () => nowMs });
  clocks.set(replicaId, clock);
  const txId = id();
  const wire: WireChange[] = changes.map((c, i) => ({
    ...c,
    seq: i + 1,
    changeId: id(),
    txId,
    hlc: clock.send(),
    staffId: null,
    createdAt: new Date(nowMs).toISOString(),
    schemaVersion: 0,
  }));
  await db.transaction().execute(async (trx) => {
    await lockFeed(trx);
    await applyChanges(trx, { storeId, replicaId, deviceId: null, hqClock, nowMs }, wire);
  });
}

const newCustomer = (customerId: string): Change[] => [
  { entity: 'customer', entityId: customerId, op: 'insert', fields: { name: `顾客${customerId.slice(0, 4)}` } },
  {
    entity: 'customer_phone',
    entityId: id(),
    op: 'insert',
    fields: { customerId, number: `138${customerId.slice(0, 8)}`, digits: `138${customerId.slice(0, 8)}` },
  },
];
const editCustomer = (customerId: string): Change => ({
  entity: 'customer',
  entityId: customerId,
  op: 'update',
  fields: { name: `改${id().slice(0, 4)}` },
});
const storeRow = (): Change => ({
  entity: 'holiday',
  entityId: `2026-${id().slice(0, 6)}`,
  op: 'insert',
  fields: { name: '店休' },
});

const head = async () =>
  (await db.selectFrom('feedHead').select('lastSeq').where('id', '=', 1).executeTakeFirstOrThrow()).lastSeq;

/** The pull before 0010: every feed row after the cursor, kept when in the store's scope. */
const scanQuery = (storeId: string, replicaId: string, afterSeq: number, upTo: number) => sql<{
  serverSeq: number;
  entity: string;
  entityId: string;
}>`
  SELECT f.server_seq, f.entity, f.entity_id FROM change_feed f
  WHERE f.server_seq > ${afterSeq} AND f.server_seq <= ${upTo}
    AND (f.scope = 'global' OR f.scope = ${storeId} OR (f.scope = 'customer' AND EXISTS (
      SELECT 1 FROM customer_link l WHERE l.store_id = ${storeId} AND l.customer_id = f.customer_ref)))
    AND (f.origin_replica IS DISTINCT FROM ${replicaId} OR f.altered)
  ORDER BY f.server_seq`;

type PlanNode = {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
};

/** Feed rows the query's scans read: what they returned plus what they read and filtered out. */
async function feedRowsExamined(query: { compile(db: HqDatabase): { sql: string; parameters: readonly unknown[] } }) {
  const compiled = query.compile(db);
  const explained = await db.executeQuery<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>({
    ...compiled,
    sql: `EXPLAIN (ANALYZE, FORMAT JSON) ${compiled.sql}`,
    query: { kind: 'RawNode' } as never,
    queryId: { queryId: id() },
  });
  let examined = 0;
  const walk = (node: PlanNode) => {
    if (node['Relation Name'] === 'change_feed' || node['Relation Name'] === 'customer_feed') {
      const perLoop =
        node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
      examined += perLoop * node['Actual Loops'];
    }
    node.Plans?.forEach(walk);
  };
  walk(explained.rows[0]!['QUERY PLAN'][0]!.Plan);
  return examined;
}

/** Every change a replica is sent from `afterSeq`, paged by handlePull with `maxBytes`. */
async function pullAll(storeId: string, replicaId: string, afterSeq: number, maxBytes: number) {
  const device = { id: `device-${replicaId}`, storeId, name: 'PC' };
  const sent: Array<{ serverSeq: number; entity: string; entityId: string }> = [];
  let cursor = formatCursor(epoch, afterSeq);
  for (let page = 0; page < 10_000; page++) {
    const answer = await handlePull(db, device, { replicaId, cursor, maxBytes }, nowMs);
    sent.push(...answer.changes.map(({ serverSeq, entity, entityId }) => ({ serverSeq, entity, entityId })));
    cursor = answer.nextCursor;
    if (!answer.hasMore) return sent;
  }
  throw new Error('pull never finished');
}

beforeAll(async () => {
  await ensureDatabase(adminUrl, dbName);
  db = connectHq(adminUrl.replace(/\/postgres$/, `/${dbName}`));
  await migrateHq(db);
  epoch = await readMeta(db, 'epoch');
});

afterAll(async () => {
  await db?.destroy();
  await dropDatabase(adminUrl, dbName).catch(() => {});
});

describe('pull cost by store', () => {
  it('examines only the asking store’s rows, not the 6,000 other stores wrote after its cursor', async () => {
    const asking = await addStore(db, 'P001', '询问店');
    const others = await Promise.all(
      Array.from({ length: 20 }, (_, i) => addStore(db, `P1${String(i).padStart(2, '0')}`, `他店${i}`)),
    );
    // A customer of another store, linked to the asking store before the cursor.
    const shared = id();
    await push(others[0]!, 'other-0', newCustomer(shared));
    await linkCustomer(db, shared, 'P001');
    const cursor = await head();

    for (const [i, store] of others.entries()) {
      // 100 new customers (200 customer-scoped rows) and 100 store-scoped rows per store.
      const changes: Change[] = [];
      for (let c = 0; c < 100; c++) changes.push(...newCustomer(id()), storeRow());
      await push(store, `other-${i}`, changes);
    }
    await push(others[0]!, 'other-0', [editCustomer(shared)]);
    await push(asking, 'asking-pc2', [...newCustomer(id()), storeRow(), storeRow()]);
    await writeAsHq(
      db,
      hqClock,
      [{ entity: 'customer_tier', entityId: 'vip', op: 'insert', fields: { tier: 'vip', minSpend: 1 } }],
      nowMs,
    );
    const upTo = await head();
    expect(upTo - cursor).toBeGreaterThan(6_000);

    const expected = (await scanQuery(asking, 'asking-pc1', cursor, upTo).execute(db)).rows;
    // Its own 4 rows, the shared customer's edit, head office's tier.
    expect(expected.map((r) => r.entity).sort()).toEqual(
      ['customer', 'customer', 'customer_phone', 'customer_tier', 'holiday', 'holiday'].sort(),
    );
    const sent = await pullAll(asking, 'asking-pc1', cursor, 1 << 20);
    expect(sent).toEqual(expected);

    const examined = await feedRowsExamined(feedQuery(asking, 'asking-pc1', cursor, upTo, 2000));
    const scanned = await feedRowsExamined(scanQuery(asking, 'asking-pc1', cursor, upTo));
    // Each row sent is read twice at most (its customer_feed entry and its feed row).
    expect(examined).toBeLessThanOrEqual(2 * expected.length);
    // The control: the scan reads every customer row after the cursor, whichever store's (even
    // where it can use 0010's index by scope for the rest).
    const customerRows = await db
      .selectFrom('changeFeed')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('scope', '=', 'customer')
      .where('serverSeq', '>', cursor)
      .executeTakeFirstOrThrow();
    expect(Number(customerRows.n)).toBeGreaterThanOrEqual(4_000);
    expect(scanned).toBeGreaterThanOrEqual(Number(customerRows.n));
  });

  it('sends what the scan over the whole feed sent, in the same order, after random pushes, links, merges and unlinks', async () => {
    const stores = await Promise.all(['R01', 'R02', 'R03', 'R04'].map((code) => addStore(db, code, `店${code}`)));
    const codes = ['R01', 'R02', 'R03', 'R04'];
    const customersOf = new Map<string, string[]>(stores.map((s) => [s, []]));
    const cursors = [await head()];
    // mulberry32: the same steps on every run.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const done = { created: 0, edited: 0, linked: 0, merged: 0, unlinked: 0 };
    for (let step = 0; step < 120; step++) {
      const s = random(stores.length);
      const store = stores[s]!;
      const own = customersOf.get(store)!;
      const roll = random(10);
      if (roll < 4 || own.length === 0) {
        const customer = id();
        own.push(customer);
        done.created += 1;
        await push(store, `pc-${s}-${random(2)}`, [...newCustomer(customer), storeRow()]);
      } else if (roll < 6) {
        done.edited += 1;
        await push(store, `pc-${s}-${random(2)}`, [editCustomer(own[random(own.length)]!), storeRow()]);
      } else if (roll < 8) {
        // Another store adopts one of this store's customers: its earlier rows reach that store too.
        const to = random(stores.length);
        const customer = own[random(own.length)]!;
        await linkCustomer(db, customer, codes[to]!);
        done.linked += 1;
        customersOf.get(stores[to]!)!.push(customer);
      } else if (roll < 9 && own.length >= 2) {
        // A merge: the stores linked to the merged-away customer inherit a link to the survivor
        // after the batch's own rows are written.
        const [from, into] = [own[own.length - 1]!, own[0]!];
        done.merged += 1;
        await push(store, `pc-${s}-0`, [
          { entity: 'customer_merge', entityId: from, op: 'append', fields: { fromId: from, intoId: into } },
          editCustomer(into),
        ]);
      } else {
        // An unlink (as a console would make it): the customer's rows stop reaching that store.
        const link = await db
          .selectFrom('customerLink')
          .selectAll()
          .where('storeId', '=', store)
          .limit(1)
          .executeTakeFirst();
        if (link) done.unlinked += 1;
        if (link)
          await db
            .deleteFrom('customerLink')
            .where('storeId', '=', store)
            .where('customerId', '=', link.customerId)
            .execute();
      }
      if (step % 15 === 0) {
        await writeAsHq(
          db,
          hqClock,
          [{ entity: 'product_category', entityId: `c${step}`, op: 'insert', fields: { name: `类${step}` } }],
          nowMs,
        );
        cursors.push(await head());
      }
    }
    const upTo = await head();
    let compared = 0;
    for (const [s, store] of stores.entries()) {
      for (const cursor of cursors) {
        for (const replica of [`pc-${s}-0`, `pc-${s}-9`]) {
          const expected = (await scanQuery(store, replica, cursor, upTo).execute(db)).rows;
          expect(await pullAll(store, replica, cursor, 3000)).toEqual(expected);
          compared += expected.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    // Each kind of step happened often enough to matter.
    expect(Object.values(done).every((n) => n >= 5)).toBe(true);
  });
});
