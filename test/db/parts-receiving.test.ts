import { describe, expect, it } from 'vitest';
import { changeLog, count, readTable } from '../support/inspect';
import { openPartsDesk } from '../support/parts-desk';

describe('receiving a delivery with inspection', () => {
  it('puts only accepted units into stock and sends the rejected ones back to the supplier', async () => {
    const d = await openPartsDesk();
    const pump = d.partId('WM-PUMP-01');
    const belt = d.partId('WM-BELT-02');
    const receipt = await d.ok(
      'parts.receiptCreate',
      {
        supplierId: d.supplierIds[0]!,
        supplierRef: 'SH-20261123-881',
        receivedOn: '2026-01-05',
        lines: [
          { partId: pump, deliveredQty: 10, unitCostFen: 4500 },
          { partId: belt, deliveredQty: 20, unitCostFen: 1200 },
        ],
      },
      d.as.clerk,
    );
    expect(receipt.number).toMatch(/^GR-S012-2-\d{8}-0001$/);
    expect(receipt.status).toBe('open');
    expect(receipt.lines.map((l) => l.acceptedQty)).toEqual([null, null]);

    // Closing before every line is inspected is refused, and nothing moves.
    expect(await d.call('parts.receiptClose', { receiptId: receipt.id }, d.as.clerk)).toMatchObject({
      ok: false,
      error: { key: 'receipt_not_inspected', field: 'lines.0' },
    });

    await d.ok(
      'parts.receiptInspect',
      { receiptId: receipt.id, lineId: receipt.lines[0]!.id, acceptedQty: 10, rejectedQty: 0 },
      d.as.clerk,
    );
    const inspected = await d.ok(
      'parts.receiptInspect',
      {
        receiptId: receipt.id,
        lineId: receipt.lines[1]!.id,
        acceptedQty: 17,
        rejectedQty: 3,
        rejectReason: '皮带有裂纹',
      },
      d.as.clerk,
    );
    expect(inspected.lines[1]).toMatchObject({
      acceptedQty: 17,
      rejectedQty: 3,
      rejectReason: '皮带有裂纹',
      inspectedByName: 'clerk-staff',
    });
    expect(count(d.file, 'stock_movement')).toBe(0);

    const closed = await d.ok('parts.receiptClose', { receiptId: receipt.id }, d.as.clerk);
    expect(closed).toMatchObject({ status: 'closed', closedByName: 'clerk-staff' });
    expect(closed.supplierReturns).toHaveLength(1);
    expect((await d.ok('parts.get', { id: pump })).onHand).toBe(10);
    expect((await d.ok('parts.get', { id: belt })).onHand).toBe(17);

    const movements = readTable<{ kind: string; qty: number; part_id: string; unit_cost_fen: number }>(
      d.file,
      'SELECT kind, qty, part_id, unit_cost_fen FROM stock_movement ORDER BY seq',
    );
    expect(movements).toEqual([
      { kind: 'receive', qty: 10, part_id: pump, unit_cost_fen: 4500 },
      { kind: 'receive', qty: 17, part_id: belt, unit_cost_fen: 1200 },
    ]);
    const [back] = (await d.ok('parts.supplierReturns', {})).items;
    expect(back).toMatchObject({
      source: 'inspection',
      receipt: { number: receipt.number },
      supplierName: '苏州恒达电器配件有限公司',
    });
    expect(back!.number).toMatch(/^RT-S012-2-\d{8}-0001$/);
    expect(back!.lines).toEqual([expect.objectContaining({ partNo: 'WM-BELT-02', qty: 3, reason: '皮带有裂纹' })]);

    // Every movement went to the outbox, as an append.
    const appended = changeLog(d.file).filter((c) => c.entity === 'stock_movement');
    expect(appended.map((c) => c.op)).toEqual(['append', 'append']);
    expect(appended[0]!.fields).toMatchObject({ kind: 'receive', qty: 10, partId: pump });
  });

  it('refuses to receive or inspect against a closed receipt, writing nothing', async () => {
    const d = await openPartsDesk();
    const pump = d.partId('WM-PUMP-01');
    const receipt = await d.ok(
      'parts.receiptCreate',
      {
        supplierId: d.supplierIds[0]!,
        receivedOn: '2026-01-05',
        lines: [{ partId: pump, deliveredQty: 2, unitCostFen: 4500, inspection: { acceptedQty: 2, rejectedQty: 0 } }],
      },
      d.as.clerk,
    );
    await d.ok('parts.receiptClose', { receiptId: receipt.id }, d.as.clerk);
    const before = changeLog(d.file).length;

    expect(
      await d.call(
        'parts.receiptAddLine',
        { receiptId: receipt.id, partId: d.partId('WM-BELT-02'), deliveredQty: 1, unitCostFen: 100 },
        d.as.clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'receipt_closed' },
    });
    expect(
      await d.call(
        'parts.receiptInspect',
        { receiptId: receipt.id, lineId: receipt.lines[0]!.id, acceptedQty: 1, rejectedQty: 1, rejectReason: 'x' },
        d.as.clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'receipt_closed' },
    });
    expect(await d.call('parts.receiptClose', { receiptId: receipt.id }, d.as.clerk)).toMatchObject({
      ok: false,
      error: { key: 'receipt_closed' },
    });
    expect(changeLog(d.file)).toHaveLength(before);
    expect((await d.ok('parts.get', { id: pump })).onHand).toBe(2);
  });

  it('names bad quantities, inspections and dates, and writes nothing', async () => {
    const d = await openPartsDesk();
    const pump = d.partId('WM-PUMP-01');
    const before = changeLog(d.file).length;
    const base = { supplierId: d.supplierIds[0]!, receivedOn: '2026-01-05' };
    const cases: Array<[unknown, string, string]> = [
      [
        { ...base, lines: [{ partId: pump, deliveredQty: 1.5, unitCostFen: 100 }] },
        'lines.0.deliveredQty',
        'qty_whole',
      ],
      [
        { ...base, lines: [{ partId: pump, deliveredQty: -2, unitCostFen: 100 }] },
        'lines.0.deliveredQty',
        'qty_positive',
      ],
      [
        { ...base, lines: [{ partId: pump, deliveredQty: 0, unitCostFen: 100 }] },
        'lines.0.deliveredQty',
        'qty_positive',
      ],
      [
        { ...base, lines: [{ partId: pump, deliveredQty: 2, unitCostFen: 12.5 }] },
        'lines.0.unitCostFen',
        'money_invalid',
      ],
      [{ ...base, lines: [] }, 'lines', 'lines_min_one'],
      [
        {
          ...base,
          lines: [{ partId: pump, deliveredQty: 5, unitCostFen: 1, inspection: { acceptedQty: 4, rejectedQty: 0 } }],
        },
        'lines.0.inspection.acceptedQty',
        'inspection_sum',
      ],
      [
        {
          ...base,
          lines: [{ partId: pump, deliveredQty: 5, unitCostFen: 1, inspection: { acceptedQty: 4, rejectedQty: 1 } }],
        },
        'lines.0.inspection.rejectReason',
        'reject_reason_required',
      ],
      [
        {
          ...base,
          lines: [
            { partId: pump, deliveredQty: 1, unitCostFen: 1 },
            { partId: pump, deliveredQty: 2, unitCostFen: 1 },
          ],
        },
        'lines.1.partId',
        'lines_repeated',
      ],
      [
        { ...base, receivedOn: '2026-02-30', lines: [{ partId: pump, deliveredQty: 1, unitCostFen: 1 }] },
        'receivedOn',
        'date_format',
      ],
      [
        { ...base, receivedOn: '2100-01-01', lines: [{ partId: pump, deliveredQty: 1, unitCostFen: 1 }] },
        'receivedOn',
        'received_on_future',
      ],
    ];
    for (const [input, field, key] of cases) {
      const result = await d.desk.dispatch(d.as.clerk, 'parts.receiptCreate', input);
      expect(result, `${field} ${key}`).toMatchObject({ ok: false, error: { field, key } });
    }
    expect(changeLog(d.file)).toHaveLength(before);
    expect(count(d.file, 'goods_receipt')).toBe(0);
  });

  it('lets clerks receive but not technicians or counter staff', async () => {
    const d = await openPartsDesk();
    const input = {
      supplierId: d.supplierIds[0]!,
      receivedOn: '2026-01-05',
      lines: [{ partId: d.partId('WM-PUMP-01'), deliveredQty: 1, unitCostFen: 1 }],
    };
    for (const who of [d.as.technician, d.as.counter]) {
      expect(await d.call('parts.receiptCreate', input, who)).toMatchObject({
        ok: false,
        error: { code: 'permission_denied' },
      });
    }
    expect((await d.call('parts.receiptCreate', input, d.as.lead)).ok).toBe(true);
  });
});
