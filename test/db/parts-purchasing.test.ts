import { describe, expect, it } from 'vitest';
import { changeLog, count, readTable } from '../support/inspect';
import { openPartsDesk, type PartsDesk } from '../support/parts-desk';
import type { ClientState } from '../../db/desk-types';

/** 2 March 2026, 10:00 in Shanghai. */
const MARCH_2 = Date.parse('2026-03-02T02:00:00.000Z');
const DAY = 86_400_000;

async function withManager(d: PartsDesk): Promise<ClientState> {
  const staff = await d.ok('staff.create', { name: '李经理', role: 'aftersales_manager', pin: '4321' });
  const manager: ClientState = { sessionId: null };
  await d.ok('session.signIn', { staffId: staff.id, pin: '4321' }, manager);
  return manager;
}

function purchaseChanges(file: string): number {
  return changeLog(file).filter((row) => row.entity.startsWith('purchase_')).length;
}

describe('purchase orders', () => {
  it('runs an order from draft through approval over the threshold to two partial deliveries with rejects', async () => {
    let now = MARCH_2;
    const d = await openPartsDesk({ now: () => now });
    const manager = await withManager(d);
    const pump = d.partId('WM-PUMP-01');
    const belt = d.partId('WM-BELT-02');

    const draft = await d.ok(
      'parts.purchaseOrderCreate',
      {
        supplierId: d.supplierIds[0]!,
        contractNo: 'HT-2026-031',
        expectedOn: '2026-03-10',
        lines: [
          { partId: pump, orderedQty: 10 },
          { partId: belt, orderedQty: 20, unitPriceFen: 1100 },
        ],
      },
      d.as.clerk,
    );
    expect(draft.number).toMatch(/^PO-S012-2-20260302-0001$/);
    expect(draft).toMatchObject({ status: 'draft', totalFen: 10 * 4500 + 20 * 1100, locationCode: 'MAIN' });
    // The agreed price defaults to the part's cost.
    expect(draft.lines.map((l) => [l.partNo, l.orderedQty, l.unitPriceFen, l.openQty])).toEqual([
      ['WM-PUMP-01', 10, 4500, 10],
      ['WM-BELT-02', 20, 1100, 20],
    ]);
    expect(
      await d.call(
        'parts.purchaseOrderCreate',
        { supplierId: d.supplierIds[0]!, expectedOn: '2026-03-10', lines: [{ partId: pump, orderedQty: 1 }] },
        d.as.technician,
      ),
    ).toMatchObject({ ok: false, error: { code: 'permission_denied' } });

    // A draft is edited whole: 12 pumps now.
    const edited = await d.ok(
      'parts.purchaseOrderUpdate',
      {
        purchaseOrderId: draft.id,
        supplierId: d.supplierIds[0]!,
        contractNo: 'HT-2026-031',
        expectedOn: '2026-03-10',
        lines: [
          { partId: pump, orderedQty: 12 },
          { partId: belt, orderedQty: 20, unitPriceFen: 1100 },
        ],
      },
      d.as.clerk,
    );
    expect(edited.totalFen).toBe(12 * 4500 + 20 * 1100);
    expect(await d.call('parts.purchaseOrderSubmit', { purchaseOrderId: draft.id }, d.as.counter)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    expect((await d.ok('parts.purchaseOrderSubmit', { purchaseOrderId: draft.id }, d.as.clerk)).status).toBe(
      'awaiting_approval',
    );

    // The manager lowers the store's threshold to ¥500: the ¥760 order now needs the manager.
    expect(await d.call('parts.purchaseSettingsSave', { approvalThresholdFen: 50_000 }, d.as.lead)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    expect((await d.ok('parts.purchaseSettings', {}, d.as.clerk)).approvalThresholdFen).toBe(500_000);
    await d.ok('parts.purchaseSettingsSave', { approvalThresholdFen: 50_000 }, manager);
    const before = purchaseChanges(d.file);
    expect(await d.call('parts.purchaseOrderApprove', { purchaseOrderId: draft.id }, d.as.lead)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied', key: 'po_needs_manager' },
    });
    expect(await d.call('parts.purchaseOrderApprove', { purchaseOrderId: draft.id }, d.as.clerk)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    expect(purchaseChanges(d.file)).toBe(before);
    const approved = await d.ok('parts.purchaseOrderApprove', { purchaseOrderId: draft.id }, manager);
    expect(approved).toMatchObject({ status: 'approved', approvedByName: '李经理', needsManager: true });
    // Approved orders are never edited: the supplier holds the signed one.
    expect(
      await d.call(
        'parts.purchaseOrderUpdate',
        {
          purchaseOrderId: draft.id,
          supplierId: d.supplierIds[0]!,
          expectedOn: '2026-03-10',
          lines: [{ partId: pump, orderedQty: 1 }],
        },
        d.as.clerk,
      ),
    ).toMatchObject({ ok: false, error: { code: 'conflict', key: 'po_not_draft' } });

    // First delivery on 5 March, on time: 5 pumps, 20 belts of which 2 are rejected.
    now = MARCH_2 + 3 * DAY;
    await d.signInAgain();
    const first = await d.ok(
      'parts.receiptCreate',
      {
        supplierId: d.supplierIds[0]!,
        purchaseOrderId: draft.id,
        receivedOn: '2026-03-05',
        supplierRef: 'SH-0305',
        lines: [
          {
            partId: pump,
            deliveredQty: 5,
            unitCostFen: 4500,
            inspection: { acceptedQty: 5, rejectedQty: 0, rejectReason: '' },
          },
          {
            partId: belt,
            deliveredQty: 20,
            unitCostFen: 1100,
            inspection: { acceptedQty: 18, rejectedQty: 2, rejectReason: '皮带开裂' },
          },
        ],
      },
      d.as.clerk,
    );
    expect(first.purchaseOrder).toEqual({ id: draft.id, number: draft.number });
    await d.ok('parts.receiptClose', { receiptId: first.id }, d.as.clerk);
    let order = await d.ok('parts.purchaseOrder', { purchaseOrderId: draft.id });
    expect(order.status).toBe('partly_received');
    expect(order.lines.map((l) => [l.deliveredQty, l.acceptedQty, l.rejectedQty, l.openQty])).toEqual([
      [5, 5, 0, 7],
      [20, 18, 2, 2],
    ]);

    // More than is open is refused, naming the line; so is a part that is not on the order.
    const receipts = count(d.file, 'goods_receipt');
    expect(
      await d.call(
        'parts.receiptCreate',
        {
          supplierId: d.supplierIds[0]!,
          purchaseOrderId: draft.id,
          receivedOn: '2026-03-05',
          lines: [
            { partId: belt, deliveredQty: 2, unitCostFen: 1100 },
            { partId: pump, deliveredQty: 8, unitCostFen: 4500 },
          ],
        },
        d.as.clerk,
      ),
    ).toMatchObject({ ok: false, error: { key: 'po_over_delivery', field: 'lines.1.deliveredQty' } });
    expect(
      await d.call(
        'parts.receiptCreate',
        {
          supplierId: d.supplierIds[0]!,
          purchaseOrderId: draft.id,
          receivedOn: '2026-03-05',
          lines: [{ partId: d.partId('AC-CAP-04'), deliveredQty: 1, unitCostFen: 1500 }],
        },
        d.as.clerk,
      ),
    ).toMatchObject({ ok: false, error: { key: 'po_part_not_ordered', field: 'lines.0.partId' } });
    expect(
      await d.call(
        'parts.receiptCreate',
        {
          supplierId: d.supplierIds[1]!,
          purchaseOrderId: draft.id,
          receivedOn: '2026-03-05',
          lines: [{ partId: pump, deliveredQty: 1, unitCostFen: 4500 }],
        },
        d.as.clerk,
      ),
    ).toMatchObject({ ok: false, error: { key: 'po_other_supplier', field: 'supplierId' } });
    expect(count(d.file, 'goods_receipt')).toBe(receipts);
    // Goods came: the order can no longer be cancelled, only closed short.
    expect(
      await d.call('parts.purchaseOrderCancel', { purchaseOrderId: draft.id, reason: '不要了' }, d.as.clerk),
    ).toMatchObject({ ok: false, error: { key: 'po_has_receipts' } });

    // Second delivery on 12 March, late: 7 pumps (1 rejected), the 2 replacement belts.
    now = MARCH_2 + 10 * DAY;
    await d.signInAgain();
    const second = await d.ok(
      'parts.receiptCreate',
      {
        supplierId: d.supplierIds[0]!,
        purchaseOrderId: draft.id,
        receivedOn: '2026-03-12',
        lines: [
          { partId: pump, deliveredQty: 7, unitCostFen: 4500 },
          { partId: belt, deliveredQty: 2, unitCostFen: 1100 },
        ],
      },
      d.as.clerk,
    );
    // Delivered but not inspected yet: counted as arrived, so nothing more is open for belts.
    order = await d.ok('parts.purchaseOrder', { purchaseOrderId: draft.id });
    expect(order.lines.map((l) => [l.pendingQty, l.openQty])).toEqual([
      [7, 0],
      [2, 0],
    ]);
    expect(order.status).toBe('received');
    await d.ok(
      'parts.receiptInspect',
      { receiptId: second.id, lineId: second.lines[0]!.id, acceptedQty: 6, rejectedQty: 1, rejectReason: '外壳破损' },
      d.as.clerk,
    );
    await d.ok(
      'parts.receiptInspect',
      { receiptId: second.id, lineId: second.lines[1]!.id, acceptedQty: 2, rejectedQty: 0 },
      d.as.clerk,
    );
    await d.ok('parts.receiptClose', { receiptId: second.id }, d.as.clerk);
    order = await d.ok('parts.purchaseOrder', { purchaseOrderId: draft.id });
    expect(order.lines.map((l) => [l.deliveredQty, l.acceptedQty, l.rejectedQty, l.pendingQty, l.openQty])).toEqual([
      [12, 11, 1, 0, 1],
      [22, 20, 2, 0, 0],
    ]);
    expect(order.status).toBe('partly_received');
    expect(order.receipts.map((r) => r.number)).toEqual([first.number, second.number]);
    expect((await d.ok('parts.get', { id: pump })).onHand).toBe(11);
    expect((await d.ok('parts.get', { id: belt })).onHand).toBe(20);

    // The last pump will not come: closed short with a reason, and then nothing more is received.
    const closed = await d.ok(
      'parts.purchaseOrderCloseShort',
      { purchaseOrderId: draft.id, reason: '供应商停产' },
      d.as.clerk,
    );
    expect(closed).toMatchObject({ status: 'closed_short', closedReason: '供应商停产' });
    expect(closed.events.map((e) => e.kind)).toEqual(['created', 'edited', 'submitted', 'approved', 'closed_short']);
    expect(
      await d.call(
        'parts.receiptCreate',
        {
          supplierId: d.supplierIds[0]!,
          purchaseOrderId: draft.id,
          receivedOn: '2026-03-12',
          lines: [{ partId: pump, deliveredQty: 1, unitCostFen: 4500 }],
        },
        d.as.clerk,
      ),
    ).toMatchObject({ ok: false, error: { key: 'po_not_receivable' } });
    expect((await d.ok('parts.purchaseOrders', { receivable: true })).items).toEqual([]);

    // The supplier's record: one of two deliveries on time; 3 of 34 inspected units rejected.
    const record = await d.ok('parts.supplierRecord', { from: '2026-03-01', to: '2026-03-31' }, d.as.lead);
    expect(record.items).toEqual([
      {
        supplierId: d.supplierIds[0]!,
        supplierName: '苏州恒达电器配件有限公司',
        deliveries: 2,
        onTime: 1,
        inspectedQty: 34,
        rejectedQty: 3,
      },
    ]);
    // Every write left the PC through the outbox.
    const entities = new Set(changeLog(d.file).map((row) => row.entity));
    for (const entity of ['purchase_order', 'purchase_order_line', 'purchase_order_event', 'purchase_settings'])
      expect(entities).toContain(entity);
    expect(
      readTable<{ purchase_order_line_id: string | null }>(
        d.file,
        'SELECT purchase_order_line_id FROM goods_receipt_line',
      ).every((row) => row.purchase_order_line_id !== null),
    ).toBe(true);
  });

  it('lets the parts lead approve up to the threshold, and sends back with a reason', async () => {
    const d = await openPartsDesk({ now: () => MARCH_2 });
    const draft = await d.ok(
      'parts.purchaseOrderCreate',
      {
        supplierId: d.supplierIds[1]!,
        expectedOn: '2026-03-20',
        lines: [{ partId: d.partId('WM-BELT-02'), orderedQty: 5 }],
      },
      d.as.clerk,
    );
    await d.ok('parts.purchaseOrderSubmit', { purchaseOrderId: draft.id }, d.as.clerk);
    expect(await d.call('parts.purchaseOrderApprove', { purchaseOrderId: draft.id }, d.as.technician)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    const back = await d.ok(
      'parts.purchaseOrderSendBack',
      { purchaseOrderId: draft.id, reason: '数量再核对' },
      d.as.lead,
    );
    expect(back.status).toBe('draft');
    expect(back.events.at(-1)).toMatchObject({ kind: 'sent_back', reason: '数量再核对', staffName: 'lead-staff' });
    await d.ok('parts.purchaseOrderSubmit', { purchaseOrderId: draft.id }, d.as.clerk);
    const approved = await d.ok('parts.purchaseOrderApprove', { purchaseOrderId: draft.id }, d.as.lead);
    expect(approved).toMatchObject({ status: 'approved', approvedByName: 'lead-staff', needsManager: false });
    expect(await d.call('parts.purchaseOrderApprove', { purchaseOrderId: draft.id }, d.as.lead)).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'po_not_awaiting' },
    });
    const cancelled = await d.ok(
      'parts.purchaseOrderCancel',
      { purchaseOrderId: draft.id, reason: '重复下单' },
      d.as.clerk,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', closedReason: '重复下单' });
  });

  it('drafts one order per preferred supplier from the reorder list, at cost', async () => {
    const d = await openPartsDesk({ now: () => MARCH_2 });
    const list = await d.ok('parts.reorderList', {}, d.as.clerk);
    const lines = list.items.map((item) => ({ partId: item.partId, orderedQty: item.suggestedQty }));
    const { items } = await d.ok('parts.purchaseOrdersFromReorder', { expectedOn: '2026-03-09', lines }, d.as.clerk);
    expect(
      items.map((o) => [o.supplierName, o.status, o.lines.map((l) => [l.partNo, l.orderedQty, l.unitPriceFen])]),
    ).toEqual([
      [
        '宁波海天制冷配件厂',
        'draft',
        [
          ['AC-CAP-04', 10, 1500],
          ['WM-BELT-02', 20, 1200],
        ],
      ],
      [
        '苏州恒达电器配件有限公司',
        'draft',
        [
          ['RF-THERM-03', 6, 2800],
          ['WM-PUMP-01', 10, 4500],
        ],
      ],
    ]);
    expect(new Set(items.map((o) => o.number)).size).toBe(items.length);

    // What is on order counts as coming: the list no longer asks for the same parts again, and a
    // cancelled order's parts come back onto it.
    expect((await d.ok('parts.reorderList', {}, d.as.clerk)).items).toEqual([]);
    const pumpOrder = items.find((o) => o.lines.some((l) => l.partNo === 'WM-PUMP-01'))!;
    await d.ok('parts.purchaseOrderCancel', { purchaseOrderId: pumpOrder.id, reason: '供应商停产' }, d.as.clerk);
    expect(
      (await d.ok('parts.reorderList', {}, d.as.clerk)).items.map((i) => [i.partNo, i.onOrder, i.suggestedQty]),
    ).toEqual([
      ['RF-THERM-03', 0, 6],
      ['WM-PUMP-01', 0, 10],
    ]);

    // A part with no supplier names its line; nothing is written.
    const loose = await d.ok('parts.create', {
      partNo: 'XX-LOOSE-9',
      name: '散件',
      unit: '个',
      costFen: 100,
      priceFen: 200,
      supplierIds: [],
    });
    const orders = count(d.file, 'purchase_order');
    expect(
      await d.call(
        'parts.purchaseOrdersFromReorder',
        { expectedOn: '2026-03-09', lines: [lines[0]!, { partId: loose.id, orderedQty: 1 }] },
        d.as.clerk,
      ),
    ).toMatchObject({ ok: false, error: { key: 'po_part_no_supplier', field: 'lines.1.partId' } });
    expect(count(d.file, 'purchase_order')).toBe(orders);
  });

  it('names bad input and writes nothing', async () => {
    const d = await openPartsDesk({ now: () => MARCH_2 });
    const pump = d.partId('WM-PUMP-01');
    const base = { supplierId: d.supplierIds[0]!, expectedOn: '2026-03-10', lines: [{ partId: pump, orderedQty: 1 }] };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ note: 'x'.repeat(10 * 1024 * 1024) }, 'note', 'too_long'],
      [{ lines: [{ partId: pump, orderedQty: 0 }] }, 'lines.0.orderedQty', 'qty_positive'],
      [{ lines: [{ partId: pump, orderedQty: 1.5 }] }, 'lines.0.orderedQty', 'qty_whole'],
      [{ lines: [{ partId: pump, orderedQty: 1, unitPriceFen: -1 }] }, 'lines.0.unitPriceFen', 'money_invalid'],
      [{ expectedOn: '9999-01-01' }, 'expectedOn', 'date_out_of_range'],
      [{ expectedOn: '2026-03-01' }, 'expectedOn', 'po_expected_past'],
      [{ supplierId: '0195f0e2-7c3a-7000-8000-000000000001' }, 'supplierId', 'po_supplier_unknown'],
      [{ lines: [{ partId: '0195f0e2-7c3a-7000-8000-000000000002', orderedQty: 1 }] }, 'lines.0.partId', 'not_found'],
      [{ lines: [] }, 'lines', 'lines_min_one'],
    ];
    for (const [patch, field, key] of cases) {
      const result = await d.call('parts.purchaseOrderCreate', { ...base, ...patch } as never, d.as.clerk);
      expect(result.ok, field).toBe(false);
      if (result.ok) continue;
      const named = [result.error.field, ...(result.error.issues ?? []).map((issue) => issue.field)];
      expect(result.error.key === key || (result.error.issues ?? []).some((issue) => issue.key === key), field).toBe(
        true,
      );
      expect(named, key).toContain(field);
    }
    expect(count(d.file, 'purchase_order')).toBe(0);
    expect(count(d.file, 'purchase_order_line')).toBe(0);
    expect(purchaseChanges(d.file)).toBe(0);
    expect(await d.call('parts.supplierRecord', { from: '2026-03-31', to: '2026-03-01' }, d.as.lead)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('a clock set back before the approval cannot make a late delivery count as on time', async () => {
    let now = MARCH_2;
    const d = await openPartsDesk({ now: () => now });
    const pump = d.partId('WM-PUMP-01');
    const order = await d.ok(
      'parts.purchaseOrderCreate',
      { supplierId: d.supplierIds[0]!, expectedOn: '2026-03-10', lines: [{ partId: pump, orderedQty: 4 }] },
      d.as.clerk,
    );
    await d.ok('parts.purchaseOrderSubmit', { purchaseOrderId: order.id }, d.as.clerk);
    now = MARCH_2 + 3 * DAY;
    await d.signInAgain();
    await d.ok('parts.purchaseOrderApprove', { purchaseOrderId: order.id }, d.as.lead);

    // The goods come on 12 March, two days late, to a PC whose clock was set back to 1 March: its
    // form offers 1 March, before the order was even sent.
    now = Date.parse('2026-03-01T02:00:00.000Z');
    await d.signInAgain();
    const receive = (receivedOn: string) =>
      d.call(
        'parts.receiptCreate',
        {
          supplierId: d.supplierIds[0]!,
          purchaseOrderId: order.id,
          receivedOn,
          lines: [{ partId: pump, deliveredQty: 4, unitCostFen: 4500 }],
        },
        d.as.clerk,
      );
    const receipts = count(d.file, 'goods_receipt');
    for (const day of ['2026-03-01', '2026-03-04'])
      expect(await receive(day)).toMatchObject({
        ok: false,
        error: { code: 'validation', key: 'received_before_order', field: 'receivedOn' },
      });
    // The desk's own date never goes back (its transactions take their time from the HLC): the approval
    // day is still "today", so neither can the true day be entered early nor an earlier one.
    expect(await receive('2026-03-12')).toMatchObject({ ok: false, error: { key: 'received_on_future' } });
    expect(count(d.file, 'goods_receipt')).toBe(receipts);

    // The clock put right, the delivery is booked on its day, and counts as late.
    now = MARCH_2 + 10 * DAY;
    await d.signInAgain();
    expect(await receive('2026-03-12')).toMatchObject({ ok: true });
    const record = await d.ok('parts.supplierRecord', { from: '2026-03-01', to: '2026-03-31' }, d.as.lead);
    expect(record.items).toEqual([expect.objectContaining({ deliveries: 1, onTime: 0 })]);
  });
});
