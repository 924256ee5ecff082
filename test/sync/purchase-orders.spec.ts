/**
 * Purchase orders across a store's PCs: one PC orders and approves, both receive against the same
 * order offline, and after sync both show the same delivered, rejected and open quantities, because
 * what arrived is summed from the receipt lines of both PCs, never kept as a counter on the order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { expectInvariants } from './support/oracle';
import { hqPart } from './support/parts';
import { localDateOf } from '../../db/tickets/calendar';
import { DEFAULT_TICKET_SETTINGS } from '../../db/tickets/settings';

const DAY = 86_400_000;
let hq: TestHeadOffice;
let a: TestCounter;
let b: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012');
  a = await openCounter(hq, { counterNo: 1 });
  b = await openCounter(hq, { counterNo: 2 });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await hq?.close();
});

function day(offset: number): string {
  return new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
}

describe('purchase orders on two PCs', () => {
  it('two PCs receive the same order offline: the quantities add up on both after sync', async () => {
    const now = new Date().toISOString();
    const supplier = {
      entity: 'supplier',
      entityId: newId(),
      op: 'insert' as const,
      fields: {
        name: '苏州恒达电器配件有限公司',
        contact: '周经理',
        phone: '0512-66881234',
        retiredAt: null,
        createdAt: now,
        updatedAt: now,
      },
    };
    const part = hqPart('WM-PUMP-01', 8_800);
    part.fields.supplierIds = JSON.stringify([supplier.entityId]);
    await hq.write([supplier, part]);
    await a.sync();
    await b.sync();

    const draft = await a.ok('parts.purchaseOrderCreate', {
      supplierId: supplier.entityId,
      contractNo: 'HT-2026-031',
      expectedOn: day(10),
      lines: [{ partId: part.entityId, orderedQty: 10 }],
    });
    await a.ok('parts.purchaseOrderSubmit', { purchaseOrderId: draft.id });
    await a.ok('parts.purchaseOrderApprove', { purchaseOrderId: draft.id });
    await a.sync();
    await b.sync();
    expect((await b.ok('parts.purchaseOrder', { purchaseOrderId: draft.id })).status).toBe('approved');

    // Offline, each PC receives against the open 10 it sees: 4 here (1 rejected), 5 there.
    // The store's own today: a delivery cannot be dated before the order's approval day.
    const receivedOn = localDateOf(Date.now(), DEFAULT_TICKET_SETTINGS.timeZone);
    const first = await a.ok('parts.receiptCreate', {
      supplierId: supplier.entityId,
      purchaseOrderId: draft.id,
      receivedOn,
      lines: [
        {
          partId: part.entityId,
          deliveredQty: 4,
          unitCostFen: 5280,
          inspection: { acceptedQty: 3, rejectedQty: 1, rejectReason: '外壳破损' },
        },
      ],
    });
    await a.ok('parts.receiptClose', { receiptId: first.id });
    const second = await b.ok('parts.receiptCreate', {
      supplierId: supplier.entityId,
      purchaseOrderId: draft.id,
      receivedOn,
      lines: [
        {
          partId: part.entityId,
          deliveredQty: 5,
          unitCostFen: 5280,
          inspection: { acceptedQty: 5, rejectedQty: 0, rejectReason: '' },
        },
      ],
    });
    await b.ok('parts.receiptClose', { receiptId: second.id });
    for (const counter of [a, b, a, b]) await counter.sync();

    for (const counter of [a, b]) {
      const order = await counter.ok('parts.purchaseOrder', { purchaseOrderId: draft.id });
      expect(order.status).toBe('partly_received');
      expect(order.lines.map((l) => [l.deliveredQty, l.acceptedQty, l.rejectedQty, l.openQty])).toEqual([[9, 8, 1, 2]]);
      expect(order.receipts.map((r) => r.number).sort()).toEqual([first.number, second.number].sort());
      expect((await counter.ok('parts.get', { id: part.entityId })).onHand).toBe(8);
    }
    // The rest arrives at PC 2, now that it sees what PC 1 booked: 3 would be more than is open.
    expect(
      await b.call('parts.receiptCreate', {
        supplierId: supplier.entityId,
        purchaseOrderId: draft.id,
        receivedOn,
        lines: [{ partId: part.entityId, deliveredQty: 3, unitCostFen: 5280 }],
      }),
    ).toMatchObject({ ok: false, error: { key: 'po_over_delivery' } });
    await expectInvariants(hq, [a, b]);
  });
});
