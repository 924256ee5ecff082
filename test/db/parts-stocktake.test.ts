import { describe, expect, it } from 'vitest';
import { changeLog, readTable } from '../support/inspect';
import { openPartsDesk, openRepairTicket, stockUp, type PartsDesk } from '../support/parts-desk';

async function issueOne(d: PartsDesk, partNo: string, qty: number): Promise<void> {
  const ticket = await openRepairTicket(d);
  const form = await d.ok(
    'parts.requisitionCreate',
    { ticketId: ticket.id, lines: [{ partId: d.partId(partNo), qty }] },
    d.as.technician,
  );
  await d.ok('parts.requisitionApprove', { requisitionId: form.id }, d.as.lead);
  await d.ok(
    'parts.requisitionIssue',
    { requisitionId: form.id, lines: [{ lineId: form.lines[0]!.id, qty }] },
    d.as.clerk,
  );
}

describe('stocktaking (盘点)', () => {
  it('counts against the book at the cut, so movements made while counting are not counted twice', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 10, 'WM-BELT-02': 6 }, '2026-01-02');
    const pump = d.partId('WM-PUMP-01');

    const sheet = await d.ok('parts.stocktakeStart', { note: '月末盘点' }, d.as.clerk);
    expect(sheet.number).toMatch(/^ST-S012-2-\d{8}-0001$/);
    expect(sheet.status).toBe('counting');
    expect(sheet.lines.map((l) => [l.partNo, l.bookQty])).toEqual([
      ['WM-PUMP-01', 10],
      ['WM-BELT-02', 6],
      ['RF-THERM-03', 0],
      ['AC-CAP-04', 0],
      ['AC-REMOTE-05', 0],
    ]);

    // While the shelves are counted the counter keeps working: 2 pumps go out, 5 come in.
    await issueOne(d, 'WM-PUMP-01', 2);
    await stockUp(d, { 'WM-PUMP-01': 5 }, '2026-01-03');
    expect((await d.ok('parts.get', { id: pump })).onHand).toBe(13);

    // The pumps counted at the cut: one of the ten is missing. Scanning counts one unit per scan.
    const pumpLine = sheet.lines.find((l) => l.partNo === 'WM-PUMP-01')!;
    const counted = await d.ok(
      'parts.stocktakeCount',
      { stocktakeId: sheet.id, lineId: pumpLine.id, countedQty: 9 },
      d.as.clerk,
    );
    expect(counted).toMatchObject({
      bookQty: 10,
      countedQty: 9,
      variance: -1,
      movedSinceCut: 3,
      countedByName: 'clerk-staff',
    });
    for (let i = 0; i < 6; i++)
      await d.ok('parts.stocktakeScan', { stocktakeId: sheet.id, partNo: 'wm-belt-02' }, d.as.clerk);
    for (const line of sheet.lines.filter((l) => l.bookQty === 0))
      await d.ok('parts.stocktakeCount', { stocktakeId: sheet.id, lineId: line.id, countedQty: 0 }, d.as.clerk);

    // The clerk cannot post; the lead must explain the difference first.
    expect(await d.call('parts.stocktakePost', { stocktakeId: sheet.id }, d.as.clerk)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    const before = changeLog(d.file).length;
    const unexplained = await d.call('parts.stocktakePost', { stocktakeId: sheet.id }, d.as.lead);
    expect(unexplained).toMatchObject({ ok: false, error: { key: 'variance_reason_required' } });
    expect(changeLog(d.file)).toHaveLength(before);

    const posted = await d.ok(
      'parts.stocktakePost',
      { stocktakeId: sheet.id, reasons: [{ lineId: pumpLine.id, reason: '疑似漏登记发料' }] },
      d.as.lead,
    );
    expect(posted).toMatchObject({ status: 'posted', closedByName: 'lead-staff', withVariance: 1, varianceFen: -4500 });
    // 10 − 2 + 5 − 1: the count fixed only the missing unit; the issue and the delivery stand.
    expect((await d.ok('parts.get', { id: pump })).onHand).toBe(12);
    const adjustments = readTable<{ kind: string; qty: number; reason: string; doc_type: string }>(
      d.file,
      `SELECT kind, qty, reason, doc_type FROM stock_movement WHERE doc_type = 'stocktake'`,
    );
    expect(adjustments).toEqual([{ kind: 'adjust', qty: -1, reason: '疑似漏登记发料', doc_type: 'stocktake' }]);
    const history = await d.ok('parts.history', { partId: pump, limit: 1 });
    expect(history.movements[0]).toMatchObject({
      kind: 'adjust',
      qty: -1,
      docNumber: sheet.number,
      staffName: 'lead-staff',
    });

    expect(
      await d.call('parts.stocktakeCount', { stocktakeId: sheet.id, lineId: pumpLine.id, countedQty: 10 }, d.as.clerk),
    ).toMatchObject({ ok: false, error: { key: 'stocktake_closed' } });
  });

  it('refuses to post a sheet with uncounted lines, and a second count at the same location', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'AC-CAP-04': 3 }, '2026-01-02');
    const sheet = await d.ok('parts.stocktakeStart', { binPrefix: 'c-' }, d.as.clerk);
    expect(sheet.lines.map((l) => l.partNo)).toEqual(['AC-CAP-04', 'AC-REMOTE-05']);
    expect(await d.call('parts.stocktakeStart', {}, d.as.clerk)).toMatchObject({
      ok: false,
      error: { key: 'stocktake_running' },
    });
    expect(await d.call('parts.stocktakePost', { stocktakeId: sheet.id }, d.as.lead)).toMatchObject({
      ok: false,
      error: { key: 'stocktake_uncounted', field: 'lines.0.countedQty' },
    });
    expect(
      await d.call(
        'parts.stocktakeCount',
        { stocktakeId: sheet.id, lineId: sheet.lines[0]!.id, countedQty: -1 },
        d.as.clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'qty_not_negative', field: 'countedQty' },
    });
    expect(
      await d.call(
        'parts.stocktakeCount',
        { stocktakeId: sheet.id, lineId: sheet.lines[0]!.id, countedQty: 2.5 },
        d.as.clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'qty_whole' },
    });
    expect(
      await d.call('parts.stocktakeScan', { stocktakeId: sheet.id, partNo: 'NO-SUCH-PART' }, d.as.clerk),
    ).toMatchObject({ ok: false, error: { key: 'part_no_unknown', field: 'partNo' } });

    // A part found on the shelf but not on the sheet is counted against its book at the cut.
    const found = await d.ok('parts.stocktakeScan', { stocktakeId: sheet.id, partNo: 'WM-PUMP-01' }, d.as.clerk);
    expect(found).toMatchObject({ partNo: 'WM-PUMP-01', bookQty: 0, countedQty: 1, variance: 1 });
    const cancelled = await d.ok('parts.stocktakeCancel', { stocktakeId: sheet.id, reason: '盘点范围有误' }, d.as.lead);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '盘点范围有误' });
    expect(readTable(d.file, `SELECT id FROM stock_movement WHERE doc_type = 'stocktake'`)).toEqual([]);
    expect((await d.call('parts.stocktakeStart', {}, d.as.clerk)).ok).toBe(true);
  });
});
