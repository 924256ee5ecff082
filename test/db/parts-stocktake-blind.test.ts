/** Blind counts: whoever counts is sent no book quantity; the lead sees the differences and posts them. */
import { describe, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { openPartsDesk, stockUp } from '../support/parts-desk';

describe('a blind count (盲盘)', () => {
  it('sends the clerk no book quantity or difference — sheet, list, count and scan answers alike', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 10, 'WM-BELT-02': 6 }, '2026-01-02');

    const started = await d.ok('parts.stocktakeStart', { blind: true }, d.as.clerk);
    expect(started).toMatchObject({ blind: true, bookHidden: true, withVariance: null, varianceFen: null });
    expect(started.lines.length).toBeGreaterThan(0);
    for (const line of started.lines) expect([line.bookQty, line.variance]).toEqual([null, null]);
    expect((await d.ok('parts.stocktakes', {}, d.as.clerk)).items[0]).toMatchObject({ blind: true });

    const pump = started.lines.find((l) => l.partNo === 'WM-PUMP-01')!;
    const counted = await d.ok(
      'parts.stocktakeCount',
      { stocktakeId: started.id, lineId: pump.id, countedQty: 9 },
      d.as.clerk,
    );
    expect(counted).toMatchObject({ countedQty: 9, bookQty: null, variance: null });
    const scanned = await d.ok('parts.stocktakeScan', { stocktakeId: started.id, partNo: 'WM-BELT-02' }, d.as.clerk);
    expect(scanned).toMatchObject({ countedQty: 1, bookQty: null, variance: null });
    // Not merely left out of the screen: the answer itself carries no number the book could be read from.
    const read = await d.ok('parts.stocktake', { id: started.id }, d.as.clerk);
    expect(JSON.stringify(read.lines)).not.toMatch(/"bookQty":\d|"variance":-?\d/);

    // The lead sees the book and the differences while the count is open…
    const asLead = await d.ok('parts.stocktake', { id: started.id }, d.as.lead);
    expect(asLead.bookHidden).toBe(false);
    expect(asLead.lines.find((l) => l.partNo === 'WM-PUMP-01')).toMatchObject({ bookQty: 10, variance: -1 });
    expect(asLead.lines.find((l) => l.partNo === 'WM-BELT-02')).toMatchObject({ bookQty: 6, variance: -5 });

    // …and posting still computes them against the book at the cut.
    for (const line of read.lines.filter((l) => l.countedQty === null))
      await d.ok('parts.stocktakeCount', { stocktakeId: started.id, lineId: line.id, countedQty: 0 }, d.as.clerk);
    const posted = await d.ok(
      'parts.stocktakePost',
      {
        stocktakeId: started.id,
        reasons: [
          { lineId: pump.id, reason: '损坏报废' },
          { lineId: scanned.id, reason: '借出未还' },
        ],
      },
      d.as.lead,
    );
    expect(posted).toMatchObject({ status: 'posted', withVariance: 2 });
    const adjustments = readTable<{ qty: number }>(
      d.file,
      `SELECT qty FROM stock_movement WHERE doc_type = 'stocktake' ORDER BY qty`,
    );
    expect(adjustments.map((m) => m.qty)).toEqual([-5, -1]);
    // Posted, the count is a record: the clerk reads it whole.
    expect((await d.ok('parts.stocktake', { id: started.id }, d.as.clerk)).lines.some((l) => l.bookQty === 10)).toBe(
      true,
    );
  });

  it('an open count shows the clerk the book as before', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 4 }, '2026-01-02');
    const open = await d.ok('parts.stocktakeStart', {}, d.as.clerk);
    expect(open).toMatchObject({ blind: false, bookHidden: false });
    expect(open.lines.find((l) => l.partNo === 'WM-PUMP-01')?.bookQty).toBe(4);
  });
});
