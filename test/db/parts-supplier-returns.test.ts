/**
 * Returns to supplier and their steps (db/parts/returns/): created → shipped → credited, or
 * cancelled before shipping with the stock put back through the ledger; who may take each step;
 * steps out of order refused with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { changeLog, count, readTable } from '../support/inspect';
import { openPartsDesk, stockUp, type PartsDesk } from '../support/parts-desk';

const DAY = 86_400_000;
const JAN_5 = Date.parse('2026-01-05T02:00:00.000Z');

/** On-hand per part number from the ledger itself (Σ movements), not the cache. */
function ledger(d: PartsDesk): Record<string, number> {
  const rows = readTable<{ part_no: string; qty: number }>(
    d.file,
    'SELECT p.part_no, SUM(m.qty) AS qty FROM stock_movement m JOIN part p ON p.id = m.part_id GROUP BY p.part_no ORDER BY p.part_no',
  );
  return Object.fromEntries(rows.map((r) => [r.part_no, r.qty]));
}

async function slowStockReturn(d: PartsDesk) {
  return d.ok(
    'parts.supplierReturnCreate',
    {
      supplierId: d.supplierIds[0]!,
      reason: '积压退货',
      agreementRef: 'HD-2026-017',
      lines: [
        { partId: d.partId('WM-PUMP-01'), qty: 4 },
        { partId: d.partId('WM-BELT-02'), qty: 2 },
      ],
    },
    d.as.lead,
  );
}

describe('supplier returns with steps', () => {
  it('ships and credits a return of slow stock, recording who did each step', async () => {
    let now = Date.parse('2026-03-02T02:00:00.000Z');
    const d = await openPartsDesk({ now: () => now });
    await stockUp(d, { 'WM-PUMP-01': 6, 'WM-BELT-02': 5 }, '2026-03-01');
    const created = await slowStockReturn(d);
    expect(created).toMatchObject({
      status: 'created',
      source: 'stock',
      agreementRef: 'HD-2026-017',
      shipped: null,
      credited: null,
      waitingDays: null,
      creditOverdue: false,
      // At the parts' cost: 4 × 45.00 + 2 × 12.00.
      valueFen: 20_400,
    });
    expect(ledger(d)).toEqual({ 'WM-BELT-02': 3, 'WM-PUMP-01': 2 });

    const shipped = await d.ok(
      'parts.supplierReturnShip',
      { returnId: created.id, shippedOn: '2026-03-02', carrier: '顺丰速运', waybillNo: 'SF1234567890' },
      d.as.clerk,
    );
    expect(shipped).toMatchObject({
      status: 'shipped',
      shipped: { on: '2026-03-02', carrier: '顺丰速运', waybillNo: 'SF1234567890', byName: 'clerk-staff' },
      waitingDays: 0,
      creditOverdue: false,
    });

    // Five weeks without a credit note: it stands out in the list.
    now += 35 * DAY;
    await d.signInAgain();
    const [waiting] = (await d.ok('parts.supplierReturns', { status: 'shipped' })).items;
    expect(waiting).toMatchObject({ id: created.id, waitingDays: 35, creditOverdue: true });

    const credited = await d.ok(
      'parts.supplierReturnCredit',
      { returnId: created.id, creditNoteNo: 'CN-8812', creditFen: 5_800 },
      d.as.lead,
    );
    expect(credited).toMatchObject({
      status: 'credited',
      credited: { creditNoteNo: 'CN-8812', creditFen: 5_800, byName: 'lead-staff' },
      waitingDays: null,
      creditOverdue: false,
    });
    // Shipping and crediting move no stock.
    expect(ledger(d)).toEqual({ 'WM-BELT-02': 3, 'WM-PUMP-01': 2 });
    // Each step is one update of the return in the outbox, with exactly the step's fields.
    const updates = changeLog(d.file).filter((c) => c.entity === 'supplier_return' && c.op === 'update');
    expect(updates.map((c) => Object.keys(c.fields).sort())).toEqual([
      ['carrier', 'shippedAt', 'shippedBy', 'shippedOn', 'status', 'updatedAt', 'waybillNo'],
      ['creditFen', 'creditNoteNo', 'creditedAt', 'creditedBy', 'status', 'updatedAt'],
    ]);
  });

  it('cancels a return before it ships: every unit back on the shelf, the ledger exact', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 6, 'WM-BELT-02': 5 }, '2026-01-02');
    const created = await slowStockReturn(d);
    // A clerk already reversed the belt line by hand: the cancel reverses only what is left.
    const belt = readTable<{ id: string }>(
      d.file,
      "SELECT m.id FROM stock_movement m JOIN part p ON p.id = m.part_id WHERE m.doc_type = 'supplier_return' AND p.part_no = 'WM-BELT-02'",
    )[0]!;
    await d.ok('parts.reverse', { movementId: belt.id, reason: '录错' }, d.as.lead);

    const cancelled = await d.ok(
      'parts.supplierReturnCancel',
      { returnId: created.id, reason: '供应商不同意退货' },
      d.as.lead,
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelled: { reason: '供应商不同意退货', byName: 'lead-staff' },
    });
    expect(ledger(d)).toEqual({ 'WM-BELT-02': 5, 'WM-PUMP-01': 6 });
    expect((await d.ok('parts.get', { id: d.partId('WM-PUMP-01') })).onHand).toBe(6);
    expect(await d.ok('parts.rebuildOnHand', {}, d.as.lead)).toEqual({ mismatches: [] });
    const returnMovements = readTable<{ qty: number; reverses: number }>(
      d.file,
      "SELECT qty, reverses_id IS NOT NULL AS reverses FROM stock_movement WHERE doc_type = 'supplier_return' ORDER BY seq",
    );
    expect(returnMovements).toEqual([
      { qty: -4, reverses: 0 },
      { qty: -2, reverses: 0 },
      { qty: 2, reverses: 1 },
      { qty: 4, reverses: 1 },
    ]);
  });

  it('refuses steps out of order and leaves everything as it was', async () => {
    const d = await openPartsDesk({ now: () => JAN_5 });
    await stockUp(d, { 'WM-PUMP-01': 6, 'WM-BELT-02': 5 }, '2026-01-02');
    const created = await slowStockReturn(d);
    const credit = { returnId: created.id, creditNoteNo: 'CN-1', creditFen: 100 };
    const ship = { returnId: created.id, shippedOn: '2026-01-05', carrier: '自送' };
    const snapshot = () => [count(d.file, 'change_log'), count(d.file, 'stock_movement')];

    let before = snapshot();
    expect(await d.call('parts.supplierReturnCredit', credit, d.as.lead)).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'return_not_shipped', field: 'returnId' },
    });
    expect(snapshot()).toEqual(before);

    await d.ok('parts.supplierReturnShip', ship, d.as.clerk);
    // The goods are gone: their movement cannot be reversed by hand either.
    const [movement] = readTable<{ id: string }>(
      d.file,
      "SELECT id FROM stock_movement WHERE doc_type = 'supplier_return' AND doc_id = ?",
      created.id,
    );
    expect(await d.call('parts.reverse', { movementId: movement!.id, reason: '放回' }, d.as.lead)).toMatchObject({
      ok: false,
      error: { key: 'movement_on_shipped_return' },
    });
    before = snapshot();
    expect(await d.call('parts.supplierReturnShip', ship, d.as.clerk)).toMatchObject({
      ok: false,
      error: { key: 'return_already_shipped' },
    });
    expect(
      await d.call('parts.supplierReturnCancel', { returnId: created.id, reason: '错了' }, d.as.lead),
    ).toMatchObject({ ok: false, error: { key: 'return_cancel_shipped' } });
    expect(snapshot()).toEqual(before);

    await d.ok('parts.supplierReturnCredit', credit, d.as.lead);
    expect(await d.call('parts.supplierReturnCredit', credit, d.as.lead)).toMatchObject({
      ok: false,
      error: { key: 'return_already_credited' },
    });

    // A cancelled return takes no more steps.
    const other = await d.ok(
      'parts.supplierReturnCreate',
      { supplierId: d.supplierIds[1]!, reason: '积压', lines: [{ partId: d.partId('WM-PUMP-01'), qty: 1 }] },
      d.as.lead,
    );
    await d.ok('parts.supplierReturnCancel', { returnId: other.id, reason: '不退了' }, d.as.lead);
    for (const [method, input] of [
      ['parts.supplierReturnShip', { ...ship, returnId: other.id }],
      ['parts.supplierReturnCancel', { returnId: other.id, reason: '再取消' }],
      ['parts.supplierReturnCredit', { ...credit, returnId: other.id }],
    ] as const)
      expect(await d.call(method, input as never, d.as.lead)).toMatchObject({
        ok: false,
        error: { key: 'return_cancelled' },
      });
  });

  it('lets only the right roles take each step', async () => {
    const d = await openPartsDesk({ now: () => JAN_5 });
    await stockUp(d, { 'WM-PUMP-01': 6, 'WM-BELT-02': 5 }, '2026-01-02');
    const created = await slowStockReturn(d);
    const ship = { returnId: created.id, shippedOn: '2026-01-05', carrier: '自送' };
    for (const who of [d.as.technician, d.as.counter])
      expect(await d.call('parts.supplierReturnShip', ship, who)).toMatchObject({
        ok: false,
        error: { code: 'permission_denied' },
      });
    // A clerk packs and ships, but neither cancels nor records the money.
    expect(await d.call('parts.supplierReturnCancel', { returnId: created.id, reason: 'x' }, d.as.clerk)).toMatchObject(
      {
        ok: false,
        error: { code: 'permission_denied' },
      },
    );
    await d.ok('parts.supplierReturnShip', ship, d.as.clerk);
    expect(
      await d.call(
        'parts.supplierReturnCredit',
        { returnId: created.id, creditNoteNo: 'CN', creditFen: 1 },
        d.as.clerk,
      ),
    ).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(
      await d.call(
        'parts.supplierReturnCreate',
        { supplierId: d.supplierIds[0]!, reason: 'x', lines: [{ partId: d.partId('WM-PUMP-01'), qty: 1 }] },
        d.as.clerk,
      ),
    ).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    await d.ok('parts.supplierReturnCredit', { returnId: created.id, creditNoteNo: 'CN', creditFen: 1 }, d.as.lead);
  });

  it('names bad input and writes nothing', async () => {
    let now = JAN_5;
    const d = await openPartsDesk({ now: () => now });
    await stockUp(d, { 'WM-PUMP-01': 3 }, '2026-01-02');
    const before = [count(d.file, 'change_log'), count(d.file, 'supplier_return'), count(d.file, 'stock_movement')];
    const create = (lines: unknown, extra: Record<string, unknown> = {}) =>
      d.call(
        'parts.supplierReturnCreate',
        { supplierId: d.supplierIds[0]!, reason: '积压', lines, ...extra } as never,
        d.as.lead,
      );
    // More than the shelf holds, on the second line: the first line is not written either.
    expect(
      await create([
        { partId: d.partId('WM-PUMP-01'), qty: 2 },
        { partId: d.partId('WM-BELT-02'), qty: 1 },
      ]),
    ).toMatchObject({ ok: false, error: { key: 'return_over_stock', field: 'lines.1.qty' } });
    expect(await create([{ partId: d.partId('WM-PUMP-01'), qty: 1.5 }])).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await create([{ partId: d.partId('WM-PUMP-01'), qty: 1 }], { agreementRef: 'x'.repeat(61) })).toMatchObject({
      ok: false,
      error: { issues: [expect.objectContaining({ field: 'agreementRef', key: 'too_long' })] },
    });
    expect([count(d.file, 'change_log'), count(d.file, 'supplier_return'), count(d.file, 'stock_movement')]).toEqual(
      before,
    );

    const created = (await create([{ partId: d.partId('WM-PUMP-01'), qty: 1 }])) as { ok: true; value: { id: string } };
    const returnId = created.value.id;
    const refused = async (method: string, input: Record<string, unknown>, field: string, key: string) => {
      const result = await d.call(method as never, { returnId, ...input } as never, d.as.lead);
      expect(result).toMatchObject({ ok: false });
      const error = (
        result as { error: { field?: string; key: string; issues?: Array<{ field: string; key: string }> } }
      ).error;
      const named = error.issues?.find((i) => i.field === field) ?? error;
      expect(named).toMatchObject({ field, key });
    };
    await refused('parts.supplierReturnShip', { shippedOn: '2026-01-05', carrier: ' ' }, 'carrier', 'carrier_required');
    await refused(
      'parts.supplierReturnShip',
      { shippedOn: '2026-01-06', carrier: '自送' },
      'shippedOn',
      'shipped_on_future',
    );
    await refused(
      'parts.supplierReturnShip',
      { shippedOn: '2026-01-04', carrier: '自送' },
      'shippedOn',
      'shipped_before_created',
    );
    await refused('parts.supplierReturnShip', { shippedOn: '5/1/2026', carrier: '自送' }, 'shippedOn', 'date_format');
    await refused(
      'parts.supplierReturnShip',
      { shippedOn: '2026-01-05', carrier: 'x'.repeat(41) },
      'carrier',
      'too_long',
    );
    await refused('parts.supplierReturnCancel', { reason: '' }, 'reason', 'reason_required');
    await refused(
      'parts.supplierReturnShip',
      { returnId: 'nope', shippedOn: '2026-01-05', carrier: 'a' },
      'returnId',
      'invalid_value',
    );

    // The clock set back a day: the return written "tomorrow" cannot ship before it was written.
    now -= 86_400_000;
    await d.signInAgain();
    await refused(
      'parts.supplierReturnShip',
      { shippedOn: '2026-01-04', carrier: '自送' },
      'shippedOn',
      'shipped_before_created',
    );
    now += 86_400_000;
    await d.signInAgain();
    await d.ok('parts.supplierReturnShip', { returnId, shippedOn: '2026-01-05', carrier: '自送' }, d.as.clerk);
    await refused(
      'parts.supplierReturnCredit',
      { creditNoteNo: '', creditFen: 100 },
      'creditNoteNo',
      'credit_note_required',
    );
    await refused('parts.supplierReturnCredit', { creditNoteNo: 'CN', creditFen: -1 }, 'creditFen', 'money_invalid');
    await refused('parts.supplierReturnCredit', { creditNoteNo: 'CN', creditFen: 12.5 }, 'creditFen', 'money_invalid');
    expect(readTable(d.file, 'SELECT status, credit_fen FROM supplier_return WHERE id = ?', returnId)).toEqual([
      { status: 'shipped', credit_fen: null },
    ]);
  });

  it('ships rejects from a delivery but never cancels them: they never were on the shelf', async () => {
    const d = await openPartsDesk({ now: () => JAN_5 });
    const receipt = await d.ok(
      'parts.receiptCreate',
      {
        supplierId: d.supplierIds[0]!,
        receivedOn: '2026-01-02',
        lines: [
          {
            partId: d.partId('WM-BELT-02'),
            deliveredQty: 5,
            unitCostFen: 1_200,
            inspection: { acceptedQty: 3, rejectedQty: 2, rejectReason: '裂纹' },
          },
        ],
      },
      d.as.clerk,
    );
    const closed = await d.ok('parts.receiptClose', { receiptId: receipt.id }, d.as.clerk);
    const returnId = closed.supplierReturns[0]!.id;
    const view = await d.ok('parts.supplierReturn', { id: returnId });
    expect(view).toMatchObject({ status: 'created', source: 'inspection', valueFen: 2_400 });
    expect(await d.call('parts.supplierReturnCancel', { returnId, reason: '算了' }, d.as.lead)).toMatchObject({
      ok: false,
      error: { key: 'return_cancel_inspection' },
    });
    await d.ok('parts.supplierReturnShip', { returnId, shippedOn: '2026-01-05', carrier: '德邦物流' }, d.as.clerk);
    expect(ledger(d)).toEqual({ 'WM-BELT-02': 3 });
  });
});

describe('the return note', () => {
  it('prints the supplier, the lines at cost, the steps and the names behind the signatures', async () => {
    const d = await openPartsDesk({ now: () => JAN_5 });
    await stockUp(d, { 'WM-PUMP-01': 6, 'WM-BELT-02': 5 }, '2026-01-02');
    const created = await slowStockReturn(d);
    await d.ok(
      'parts.supplierReturnShip',
      { returnId: created.id, shippedOn: '2026-01-05', carrier: '顺丰速运', waybillNo: 'SF1' },
      d.as.clerk,
    );
    const data = await d.ok('print.supplierReturn', { returnId: created.id }, d.as.counter);
    expect(data.supplier).toEqual({ name: '苏州恒达电器配件有限公司', contact: '周经理', phone: '0512-66881234' });
    expect(data.supplierReturn).toMatchObject({
      number: created.number,
      status: 'shipped',
      agreementRef: 'HD-2026-017',
      createdByName: 'lead-staff',
      shipped: { byName: 'clerk-staff', carrier: '顺丰速运' },
      valueFen: 20_400,
    });
    expect(data.supplierReturn.lines.map((l) => [l.partNo, l.qty, l.unitCostFen])).toEqual([
      ['WM-PUMP-01', 4, 4_500],
      ['WM-BELT-02', 2, 1_200],
    ]);
    // Printed copies are logged under the return's number.
    await d.ok('print.record', {
      form: 'supplier-return',
      subjectId: created.id,
      copyNo: 0,
      language: 'zh-CN',
      output: 'pdf',
      result: 'saved',
    });
    expect((await d.ok('print.history', { form: 'supplier-return', subjectId: created.id })).nextCopyNo).toBe(1);
    expect(await d.call('print.supplierReturn', { returnId: newId() })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
