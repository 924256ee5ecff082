/**
 * A return to supplier worked on two PCs of one store: one PC writes a return of slow stock and
 * ships it, the other records the supplier's credit; a clearance started on one PC prices the part
 * on the other. Head office and both PCs end with the same return, steps and ledger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { storeDate } from '../../db/parts/numbers';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
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
});
