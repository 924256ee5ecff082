/**
 * Head office's catalogue edits reach a real counter through the feed: a part created, then
 * re-priced through the console's route by a signed-in catalogue manager, lands in the counter's
 * `part` table with the new price while the store's own bin stays; a supplier, a retire, a tier
 * threshold and a category's warranty months the same way.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitCatalogue } from '../../../headoffice/console/catalogue/commit';
import { planUpdateCategory } from '../../../headoffice/console/catalogue/categories';
import { planCreatePart, planRetirePart } from '../../../headoffice/console/catalogue/parts';
import { planCreateSupplier } from '../../../headoffice/console/catalogue/suppliers';
import { planUpdateTier } from '../../../headoffice/console/catalogue/tiers';
import { partFieldsSchema, type PartView } from '../../../headoffice/console/contract/catalogue';
import { openCounter, type TestCounter } from '../../sync/support/counter';
import { startTestHeadOffice, type TestHeadOffice } from '../../sync/support/hq';
import { consoleApp, signIn } from './support';

let hq: TestHeadOffice;
let counter: TestCounter;
/** The console's routes on the same database as the HTTPS head office the counter syncs with. */
let consoleHttp: FastifyInstance;
const services = () => ({ db: hq.db, hqClock: hq.hqClock, now: Date.now });

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012');
  counter = await openCounter(hq);
  await counter.sync();
  consoleHttp = await consoleApp(hq.db);
});

afterAll(async () => {
  await consoleHttp?.close();
  await counter?.close();
  await hq?.close();
});

const sqlite = () => counter.store.sqlite;

describe('catalogue edits reach the counter', () => {
  it('a new part, then a price edit, arrive with the store’s bin kept', async () => {
    const supplier = await commitCatalogue(services(), null, (trx, now) =>
      planCreateSupplier(trx, { name: '美的配件中心', contact: '王工', phone: '021-5555' }, now),
    );
    const input = partFieldsSchema.parse({
      partNo: 'wm-belt-01',
      name: '洗衣机皮带',
      unit: '条',
      costFen: 1200,
      priceFen: 2500,
      supplierIds: [supplier.id],
    });
    const part: PartView = await commitCatalogue(services(), null, (trx, now) => planCreatePart(trx, input, now));
    expect(part.partNo).toBe('WM-BELT-01');
    await counter.sync();
    const arrived = sqlite().prepare('SELECT * FROM part WHERE id = ?').get(part.id) as Record<string, unknown>;
    expect(arrived).toMatchObject({ part_no: 'WM-BELT-01', price_fen: 2500, cost_fen: 1200, bin: '' });
    expect(JSON.parse(arrived.supplier_ids as string)).toEqual([supplier.id]);
    expect(sqlite().prepare('SELECT name FROM supplier WHERE id = ?').get(supplier.id)).toEqual({
      name: '美的配件中心',
    });

    await counter.ok('parts.updateStoreFields', { id: part.id, bin: 'A-03-2', reorderLevel: 2, reorderQty: 5 });
    await counter.sync();
    // The price edit as the catalogue manager makes it: through the console's route.
    const manager = await signIn(consoleHttp, hq.db, 'catalogue');
    const edited = await consoleHttp.inject({
      method: 'PUT',
      url: `/console/api/catalogue/parts/${part.id}`,
      headers: manager.headers,
      payload: { ...input, priceFen: 2800 },
    });
    expect(edited.statusCode).toBe(200);
    await counter.sync();
    expect(sqlite().prepare('SELECT price_fen, bin, reorder_level FROM part WHERE id = ?').get(part.id)).toEqual({
      price_fen: 2800,
      bin: 'A-03-2',
      reorder_level: 2,
    });
    expect(
      await hq.db
        .selectFrom('consoleAudit')
        .select(['username', 'action', 'target', 'before', 'after'])
        .orderBy('id', 'desc')
        .executeTakeFirst(),
    ).toEqual({
      username: manager.staff.username,
      action: 'part.update',
      target: 'WM-BELT-01',
      before: { priceFen: 2500 },
      after: { priceFen: 2800 },
    });

    await commitCatalogue(services(), null, (trx, now) => planRetirePart(trx, part.id, true, now));
    await counter.sync();
    expect(
      (sqlite().prepare('SELECT retired_at FROM part WHERE id = ?').get(part.id) as { retired_at: string | null })
        .retired_at,
    ).not.toBeNull();
  });

  it('a tier threshold and a category’s warranty months replace the counter’s built-in rows', async () => {
    await commitCatalogue(services(), null, (trx, now) =>
      planUpdateTier(trx, 'silver', { minSpendFen: 300_000, minVisits: 4, serviceStandard: '优先受理' }, now),
    );
    await commitCatalogue(services(), null, (trx, now) =>
      planUpdateCategory(
        trx,
        'mattress',
        {
          nameZh: '床垫',
          nameEn: 'Mattress',
          warrantyMonths: 60,
          mainPartsMonths: 60,
          returnDays: 7,
          exchangeDays: 15,
          position: 9,
        },
        now,
      ),
    );
    await counter.sync();
    expect(
      sqlite()
        .prepare(
          'SELECT min_spend_fen, min_visits, service_standard, rank, reply_minutes FROM customer_tier WHERE tier = ?',
        )
        .get('silver'),
    ).toEqual({ min_spend_fen: 300_000, min_visits: 4, service_standard: '优先受理', rank: 1, reply_minutes: 20 });
    expect(sqlite().prepare('SELECT warranty_months FROM product_category WHERE code = ?').get('mattress')).toEqual({
      warranty_months: 60,
    });
  });

  it('a category’s return window set in the console decides an after-sales plan at the counter after sync', async () => {
    // Bought ten days before today (Shanghai): outside the national 7-day return window.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const bought = new Date(Date.parse(`${today}T00:00:00Z`) - 10 * 86_400_000).toISOString().slice(0, 10);
    const customer = await counter.ok('customers.create', { name: '吴女士', phones: [{ number: '13900009876' }] });
    const product = await counter.ok('customers.addProduct', {
      customerId: customer.id,
      category: 'aircon',
      brand: '格力',
      model: 'KFR-35GW',
      purchaseDate: bought,
    });
    let ticket = await counter.ok('tickets.create', {
      type: 'aftersales',
      customerId: customer.id,
      productId: product.id,
      channel: 'in_store',
      receiptNo: 'FP-778',
      purchaseDate: bought,
      model: 'KFR-35GW',
      fault: '不制冷',
      wants: 'refund',
    });
    ticket = await counter.ok('tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'verify', findings: '压缩机不启动' },
    });
    expect(ticket.sanbao).toMatchObject({ status: 'exchange_window', purchaseDate: bought });
    const refund = { action: 'decide_plan', plan: 'refund', details: '退货' } as const;
    expect(
      await counter.call('tickets.act', { ticketId: ticket.id, version: ticket.version, step: refund }),
    ).toMatchObject({ ok: false, error: { key: 'plan_outside_return_reason' } });

    const manager = await signIn(consoleHttp, hq.db, 'catalogue');
    const edited = await consoleHttp.inject({
      method: 'PUT',
      url: '/console/api/catalogue/categories/aircon',
      headers: manager.headers,
      payload: {
        nameZh: '空调',
        nameEn: 'Air conditioner',
        warrantyMonths: 12,
        mainPartsMonths: 36,
        returnDays: 30,
        exchangeDays: 30,
        position: 3,
      },
    });
    expect(edited.statusCode).toBe(200);
    await counter.sync();
    expect(
      sqlite()
        .prepare('SELECT return_days, exchange_days, main_parts_months FROM product_category WHERE code = ?')
        .get('aircon'),
    ).toEqual({ return_days: 30, exchange_days: 30, main_parts_months: 36 });
    const now = await counter.ok('tickets.get', { id: ticket.id });
    expect(now.sanbao).toMatchObject({ status: 'return_window', daysLeft: 20 });
    const decided = await counter.ok('tickets.act', { ticketId: ticket.id, version: now.version, step: refund });
    expect(decided.timeline.find((e) => e.action === 'decide_plan')?.data).toMatchObject({
      window: { kind: 'return', days: 30, purchaseDate: bought, inside: true },
    });
  });
});
