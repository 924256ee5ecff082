/**
 * A return to supplier worked on two PCs of one store: one PC writes a return of slow stock and
 * ships it, the other records the supplier's credit; a clearance started on one PC prices the part
 * on the other. Head office and both PCs end with the same return, steps and ledger. A return
 * shipped on one PC and cancelled on the other while both were offline ends shipped, with the
 * stock the cancel put back taken off again exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { storeDate } from '../../db/parts/numbers';
import { SHIPPED_AFTER_CANCEL_REASON, shippedAfterCancelId } from '../../db/parts/returns/settle';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startFaultProxy } from './support/fault-proxy';
import { startTestHeadOffice, testCertificates, type TestHeadOffice } from './support/hq';
import { expectInvariants } from './support/oracle';
import { hqPart } from './support/parts';

let hq: TestHeadOffice;
let a: TestCounter;
let b: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S025');
  a = await openCounter(hq, { storeCode: 'S025', counterNo: 1 });
  b = await openCounter(hq, { storeCode: 'S025', counterNo: 2 });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await hq?.close();
});

function hqSupplier(name: string) {
  const now = new Date().toISOString();
  return {
    entity: 'supplier',
    entityId: newId(),
    op: 'insert' as const,
    fields: { name, contact: '周经理', phone: '0512-66881234', retiredAt: null, createdAt: now, updatedAt: now },
  };
}

describe('a supplier return on two PCs', () => {
  it('ships on one PC and is credited on the other; both PCs and head office agree', async () => {
    const part = hqPart('WM-PUMP-25', 8_800);
    const supplier = hqSupplier('苏州恒达电器配件有限公司');
    await hq.write([part, supplier]);
    await a.sync();
    await b.sync();
    await a.ok('parts.adjust', { partId: part.entityId, qty: 6, reason: '期初' });
    const written = await a.ok('parts.supplierReturnCreate', {
      supplierId: supplier.entityId,
      reason: '积压退货',
      agreementRef: 'HD-2026-017',
      lines: [{ partId: part.entityId, qty: 4 }],
    });
    await a.ok('parts.supplierReturnShip', {
      returnId: written.id,
      shippedOn: await storeDate(a.store.db, new Date().toISOString()),
      carrier: '顺丰速运',
      waybillNo: 'SF001',
    });
    await a.sync();
    await b.sync();

    const onB = await b.ok('parts.supplierReturn', { id: written.id });
    expect(onB).toMatchObject({ status: 'shipped', agreementRef: 'HD-2026-017', shipped: { carrier: '顺丰速运' } });
    // B sees it shipped: it may record the credit, and can no longer cancel.
    expect(await b.call('parts.supplierReturnCancel', { returnId: written.id, reason: '不退了' })).toMatchObject({
      ok: false,
      error: { key: 'return_cancel_shipped' },
    });
    await b.ok('parts.supplierReturnCredit', { returnId: written.id, creditNoteNo: 'CN-8812', creditFen: 18_000 });

    // A clearance started on B prices the part on A.
    await b.ok('parts.clearanceStart', { partId: part.entityId, priceFen: 5_000, reason: '型号淘汰' });
    for (const counter of [b, a, b]) await counter.sync();

    for (const counter of [a, b]) {
      const view = await counter.ok('parts.supplierReturn', { id: written.id });
      expect(view).toMatchObject({
        status: 'credited',
        shipped: { carrier: '顺丰速运', waybillNo: 'SF001' },
        credited: { creditNoteNo: 'CN-8812', creditFen: 18_000 },
      });
      expect(readTable(counter.file, 'SELECT qty FROM stock_on_hand WHERE part_id = ?', part.entityId)).toEqual([
        { qty: 2 },
      ]);
      expect((await counter.ok('parts.get', { id: part.entityId })).clearance).toMatchObject({ priceFen: 5_000 });
      expect(readTable(counter.file, 'SELECT count(*) AS n FROM pending_unknown')).toEqual([{ n: 0 }]);
    }
    await expectInvariants(hq, [a, b]);
  });

  it('shipped on one PC and cancelled on the other, offline: shipped wins and the ledger is taken back once', async () => {
    // C reaches head office through a proxy that can refuse its pushes; D directly.
    const proxy = await startFaultProxy({ upstream: () => hq.url, tls: await testCertificates() });
    const c = await openCounter(hq, { storeCode: 'S025', counterNo: 3, via: () => proxy.url });
    const d = await openCounter(hq, { storeCode: 'S025', counterNo: 4 });
    try {
      const part = hqPart('WM-BELT-26', 2_400);
      const supplier = hqSupplier('宁波海天制冷配件厂');
      await hq.write([part, supplier]);
      await c.sync();
      await d.sync();
      await c.ok('parts.adjust', { partId: part.entityId, qty: 6, reason: '期初' });
      const written = await c.ok('parts.supplierReturnCreate', {
        supplierId: supplier.entityId,
        reason: '积压退货',
        lines: [{ partId: part.entityId, qty: 4 }],
      });
      await c.sync();
      await d.sync();
      const onHand = (counter: TestCounter) =>
        readTable<{ qty: number }>(counter.file, 'SELECT qty FROM stock_on_hand WHERE part_id = ?', part.entityId)[0]
          ?.qty;
      expect([onHand(c), onHand(d)]).toEqual([2, 2]);

      // Both offline: D hands the belts to the carrier, then C (not knowing) cancels and puts 4 back.
      await d.ok('parts.supplierReturnShip', {
        returnId: written.id,
        shippedOn: await storeDate(d.store.db, new Date().toISOString()),
        carrier: '顺丰速运',
        waybillNo: 'SF026',
      });
      await c.ok('parts.supplierReturnCancel', { returnId: written.id, reason: '供应商不收' });
      expect(onHand(c)).toBe(6);
      const [reversal] = readTable<{ id: string }>(
        c.file,
        'SELECT id FROM stock_movement WHERE doc_id = ? AND reverses_id IS NOT NULL',
        written.id,
      );
      const correction = shippedAfterCancelId(reversal!.id);

      // D pushes the ship. C pushes the cancel, pulls the ship and takes the 4 off again, but the
      // line drops before its correction is pushed; D then pulls the cancel and writes its own.
      await d.sync();
      let pushes = 0;
      proxy.plan((request) =>
        request.path.includes('/push') && ++pushes > 1 ? { kind: 'status', status: 503 } : null,
      );
      await c.trySync();
      proxy.plan(null);
      expect(onHand(c)).toBe(2);
      await d.sync();
      for (const counter of [c, d])
        expect(
          readTable(counter.file, 'SELECT id, qty, reason FROM stock_movement WHERE reverses_id = ?', reversal!.id),
        ).toEqual([{ id: correction, qty: -4, reason: SHIPPED_AFTER_CANCEL_REASON }]);
      // Head office has D's copy; C's arrives second and C then pulls D's: one correction everywhere.
      for (const counter of [c, d, c, d]) await counter.sync();

      for (const counter of [c, d]) {
        const view = await counter.ok('parts.supplierReturn', { id: written.id });
        expect(view).toMatchObject({ status: 'shipped', shipped: { carrier: '顺丰速运', waybillNo: 'SF026' } });
        // The cancel stays on the record, so the lead sees that it was tried and overruled.
        expect(view.cancelled).toMatchObject({ reason: '供应商不收' });
        expect(onHand(counter)).toBe(2);
        expect(
          readTable(
            counter.file,
            'SELECT sum(qty) AS qty, count(*) AS n FROM stock_movement WHERE part_id = ?',
            part.entityId,
          ),
        ).toEqual([{ qty: 2, n: 4 }]);
        expect(readTable(counter.file, 'SELECT count(*) AS n FROM pending_unknown')).toEqual([{ n: 0 }]);
      }
      // The credit can now be recorded: the return stands as shipped on every PC.
      await c.ok('parts.supplierReturnCredit', { returnId: written.id, creditFen: 9_600, creditNoteNo: 'CN-026' });
      for (const counter of [c, d]) await counter.sync();
      expect((await d.ok('parts.supplierReturn', { id: written.id })).status).toBe('credited');
      await expectInvariants(hq, [c, d]);
    } finally {
      await c.close();
      await d.close();
      await proxy.close();
    }
  });
});
