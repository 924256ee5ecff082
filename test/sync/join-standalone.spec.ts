/**
 * A store that worked standalone joins head office (headoffice/join/, db/parts/join/): its own
 * parts, suppliers and standards are offered for review instead of refused; head office's review
 * accepts, maps or drops each, and every outcome reaches the counter through a real sync with the
 * stock and its history intact. Ownership is unchanged for a store already enrolled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRejected } from '../../headoffice/admin/ops';
import { decideOffer, type JoinAuditEntry } from '../../headoffice/join/review';
import { joinOffersOf } from '../../headoffice/join/queries';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { expectConverged, expectNothingLost } from './support/oracle';
import { hqPart, writeLocally } from './support/parts';

let hq: TestHeadOffice;
let a: TestCounter;
let b: TestCounter;
const audits: JoinAuditEntry[] = [];
const hqP123 = hqPart('P-123', 8_800);

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012');
  await hq.addStore('S013');
  await hq.addStore('S014');
  await hq.write([hqP123]);
  a = await openCounter(hq, { storeCode: 'S012', enroll: false });
  b = await openCounter(hq, { storeCode: 'S013', enroll: false });
});

afterAll(async () => {
  for (const counter of [a, b]) await counter?.close();
  await hq?.close();
});

const partIdOf = (counter: TestCounter, partNo: string) =>
  readTable<{ id: string }>(counter.file, 'SELECT id FROM part WHERE part_no = ?', partNo)[0]?.id;

async function standalonePart(counter: TestCounter, partNo: string, stock: number) {
  const part = await counter.ok('parts.create', {
    partNo,
    name: `本店配件 ${partNo}`,
    unit: '个',
    costFen: 1_000,
    priceFen: 2_000,
    bin: 'B-01',
  });
  if (stock !== 0) await counter.ok('parts.adjust', { partId: part.id, qty: stock, reason: '开业盘点' });
  return part.id;
}

const onHand = (counter: TestCounter, partId: string) =>
  readTable<{ qty: number }>(
    counter.file,
    'SELECT coalesce(sum(qty), 0) AS qty FROM stock_on_hand WHERE part_id = ?',
    partId,
  )[0]!.qty;

const offersAt = async (storeCode: string) =>
  (await joinOffersOf(hq.db, { storeId: hq.storeId(storeCode), page: 0, pageSize: 100 })).offers;

const decide = (offerId: string, input: Parameters<typeof decideOffer>[3]) =>
  decideOffer(
    hq.db,
    {
      hqClock: hq.hqClock,
      nowMs: Date.now(),
      staffId: 'staff-test',
      audit: async (_trx, entry) => void audits.push(entry),
    },
    offerId,
    input,
  );

describe('a standalone store joins head office', () => {
  let mapped: string;
  let adopted: string;
  let dropped: string;
  let supplier: string;

  it('offers its own parts, suppliers and standards for review: nothing is refused or shown as a raw dump', async () => {
    supplier = (await a.ok('parts.supplierCreate', { name: '本地五金行', contact: '老周' })).id;
    mapped = await standalonePart(a, 'P-123', 3);
    adopted = await standalonePart(a, 'P-NEW-1', 2);
    dropped = await standalonePart(a, 'P-DROP', 5);
    await a.ok('tickets.saveSlaTargets', {
      targets: [
        { ticketType: 'complaint', priority: 'normal', tier: 'regular', replyMinutes: 20, resolveMinutes: 1_200 },
      ],
    });
    await a.enroll();
    await a.sync();

    expect(await a.ok('sync.problems', {})).toEqual([]);
    expect((await listRejected(hq.db)).filter((r) => r.storeCode === 'S012')).toEqual([]);
    const offers = await offersAt('S012');
    expect(offers.map((o) => [o.entity, o.label, o.status]).sort()).toEqual(
      [
        ['part', 'P-123 本店配件 P-123', 'pending'],
        ['part', 'P-DROP 本店配件 P-DROP', 'pending'],
        ['part', 'P-NEW-1 本店配件 P-NEW-1', 'pending'],
        ['sla_target', 'complaint:normal:regular', 'pending'],
        ['supplier', '本地五金行', 'pending'],
      ].sort(),
    );
    // The part number head office already has is suggested as the match.
    expect(offers.find((o) => o.entityId === mapped)?.suggestion).toEqual({
      targetId: hqP123.entityId,
      label: 'P-123 配件 P-123',
      why: 'same_part_no',
    });
    expect(offers.find((o) => o.entityId === adopted)?.suggestion).toBeNull();
    // The counter says so in plain words: every offer listed as waiting for review.
    const view = await a.ok('parts.joinOffers', {});
    expect(view.counts).toEqual({ pending: 5, accepted: 0, mapped: 0, dropped: 0 });
    // Head office's P-123 waits aside: this PC's own part holds the number.
    expect(a.engine.status().keptAside).toBe(1);
    // The stock movements made standalone are the store's and went through.
    expect(readTable(a.file, 'SELECT count(*) AS n FROM stock_movement')).toEqual([{ n: 3 }]);
    await expectNothingLost(hq, a);
  });

  it('accept, map and drop each reach the counter through a real sync, with stock and history intact', async () => {
    const offers = await offersAt('S012');
    const idOf = (entityId: string) => offers.find((o) => o.entityId === entityId)!.id;
    // A part whose number head office has cannot be adopted as a second one.
    await expect(decide(idOf(mapped), { decision: 'accept' })).rejects.toMatchObject({ code: 'part_no_taken' });
    await decide(idOf(mapped), { decision: 'map', targetId: hqP123.entityId });
    await decide(idOf(adopted), { decision: 'accept' });
    await decide(idOf(dropped), { decision: 'drop', reason: '门店自采，不进总部目录' });
    await decide(idOf(supplier), { decision: 'accept' });
    await decide(offers.find((o) => o.entity === 'sla_target')!.id, { decision: 'accept' });
    await expect(decide(idOf(adopted), { decision: 'drop', reason: 'x' })).rejects.toMatchObject({
      code: 'already_decided',
    });
    expect(audits.map((x) => x.action)).toEqual(['join.map', 'join.accept', 'join.drop', 'join.accept', 'join.accept']);

    await a.sync();
    // Mapped: head office's P-123 is stored now, the stock moved to it through the ledger.
    expect(partIdOf(a, 'P-123')).toBe(hqP123.entityId);
    expect(
      readTable(a.file, 'SELECT part_no, retired_at IS NOT NULL AS retired FROM part WHERE id = ?', mapped),
    ).toEqual([{ part_no: 'P-123~local', retired: 1 }]);
    expect(onHand(a, hqP123.entityId)).toBe(3);
    expect(onHand(a, mapped)).toBe(0);
    expect(
      readTable(
        a.file,
        'SELECT kind, qty FROM stock_movement WHERE part_id IN (?, ?) ORDER BY seq',
        mapped,
        hqP123.entityId,
      ),
    ).toEqual([
      { kind: 'adjust', qty: 3 },
      { kind: 'transfer_out', qty: -3 },
      { kind: 'transfer_in', qty: 3 },
    ]);
    expect(a.engine.status().keptAside).toBe(0);
    // Adopted: the part and the supplier are head office's now, for every store.
    const adoptedAtHq = await hq.db
      .selectFrom('entityState')
      .select(['ownerStoreId', 'scope'])
      .where('entity', '=', 'part')
      .where('entityId', '=', adopted)
      .executeTakeFirstOrThrow();
    expect(adoptedAtHq).toEqual({ ownerStoreId: null, scope: 'global' });
    // Dropped: kept on this PC with its stock.
    expect(onHand(a, dropped)).toBe(5);
    expect(readTable(a.file, 'SELECT retired_at FROM part WHERE id = ?', dropped)).toEqual([{ retired_at: null }]);

    const view = await a.ok('parts.joinOffers', {});
    expect(view.counts).toEqual({ pending: 0, accepted: 3, mapped: 1, dropped: 1 });
    expect(view.offers.find((o) => o.status === 'mapped')).toMatchObject({
      label: 'P-123 本店配件 P-123',
      mappedLabel: 'P-123 配件 P-123',
      movedQty: 3,
      waiting: false,
    });
    expect(view.offers.find((o) => o.status === 'dropped')).toMatchObject({ reason: '门店自采，不进总部目录' });
    // The transfers reached head office as the store's ledger.
    await a.sync();
    await expectNothingLost(hq, a);
    await expectConverged(hq, a, { entities: ['stock_movement', 'join_offer', 'sla_target'] });
  });

  it('a second store’s offer of the same part number is suggested as that part', async () => {
    await standalonePart(b, 'P-NEW-1', 1);
    await b.enroll();
    await b.sync();
    const [offer] = await offersAt('S013');
    expect(offer).toMatchObject({ entity: 'part', label: 'P-NEW-1 本店配件 P-NEW-1', status: 'pending' });
    expect(offer!.suggestion).toMatchObject({ targetId: adopted, why: 'same_part_no' });
    // Store A's adopted part waits aside at B until B's own is mapped.
    expect(b.engine.status().keptAside).toBe(1);
    await decide(offer!.id, { decision: 'map', targetId: adopted });
    await b.sync();
    expect(partIdOf(b, 'P-NEW-1')).toBe(adopted);
    expect(onHand(b, adopted)).toBe(1);
    expect(b.engine.status().keptAside).toBe(0);
  });

  it('a standard head office has already set keeps head office’s value at the store while the offer waits', async () => {
    const key = 'repair:urgent:vip';
    await hq.write([
      {
        entity: 'sla_target',
        entityId: key,
        op: 'insert',
        fields: {
          ticketType: 'repair',
          priority: 'urgent',
          tier: 'vip',
          replyMinutes: 5,
          resolveMinutes: 180,
          counts: 'calendar',
          updatedAt: new Date().toISOString(),
        },
      },
    ]);
    const c = await openCounter(hq, { storeCode: 'S014', enroll: false });
    try {
      await c.ok('tickets.saveSlaTargets', {
        targets: [{ ticketType: 'repair', priority: 'urgent', tier: 'vip', replyMinutes: 9, resolveMinutes: 400 }],
      });
      await c.enroll();
      await c.sync();
      await c.sync();
      // The store's values wait at head office as an offer; its PC follows head office meanwhile
      // (head office's fields win on a head-office record, whatever the stamps: hqFields 'all').
      const offers = await offersAt('S014');
      expect(offers.map((o) => [o.entity, o.entityId, o.status])).toEqual([['sla_target', key, 'pending']]);
      expect(readTable(c.file, 'SELECT reply_minutes, resolve_minutes FROM sla_target WHERE id = ?', key)).toEqual([
        { reply_minutes: 5, resolve_minutes: 180 },
      ]);
      expect(await c.ok('sync.problems', {})).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it('a store already enrolled still cannot change head office’s records', async () => {
    await writeLocally(a, 'part', adopted, 'part', { priceFen: 1 });
    await a.sync();
    expect((await a.ok('sync.problems', {})).map((p) => [p.entity, p.code])).toEqual([['part', 'hq_owned']]);
    expect(readTable(a.file, 'SELECT price_fen FROM part WHERE id = ?', adopted)).toEqual([{ price_fen: 2_000 }]);
    expect((await offersAt('S012')).filter((o) => o.status === 'pending')).toEqual([]);
  });
});
