/** The data of the requisition form and the stocktake count sheet, as printed. */
import { describe, expect, it } from 'vitest';
import { openPartsDesk, openRepairTicket, stockUp } from '../support/parts-desk';

describe('the requisition form’s data', () => {
  it('has requested, approved and issued quantities and the names behind the three signatures', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 5, 'WM-BELT-02': 4 }, '2026-01-02');
    const ticket = await openRepairTicket(d);
    const requested = await d.ok(
      'parts.requisitionCreate',
      {
        ticketId: ticket.id,
        note: '上门前备料',
        lines: [
          { partId: d.partId('WM-PUMP-01'), qty: 2 },
          { partId: d.partId('WM-BELT-02'), qty: 1 },
        ],
      },
      d.as.technician,
    );
    const [pump, belt] = requested.lines;

    let data = await d.ok('print.requisition', { requisitionId: requested.id }, d.as.counter);
    expect(data.requisition).toMatchObject({
      number: requested.number,
      status: 'requested',
      ticketNumber: ticket.number,
      note: '上门前备料',
    });
    expect(data.requestedBy?.name).toBe('technician-staff');
    expect(data.decidedBy).toBeNull();
    expect(data.issuedBy).toBeNull();

    await d.ok(
      'parts.requisitionApprove',
      { requisitionId: requested.id, lines: [{ lineId: pump!.id, approvedQty: 1, reason: '先换一个' }] },
      d.as.lead,
    );
    await d.ok(
      'parts.requisitionIssue',
      {
        requisitionId: requested.id,
        lines: [
          { lineId: pump!.id, qty: 1 },
          { lineId: belt!.id, qty: 1 },
        ],
      },
      d.as.clerk,
    );
    await d.ok(
      'parts.requisitionReturn',
      { requisitionId: requested.id, reason: '未使用', lines: [{ lineId: belt!.id, qty: 1 }] },
      d.as.clerk,
    );

    data = await d.ok('print.requisition', { requisitionId: requested.id }, d.as.counter);
    // Lines in the order the technician wrote them (position is 0-based; the form numbers them from 1).
    expect(data.lines.map((l) => [l.position, l.partNo, l.bin, l.requestedQty, l.approvedQty, l.issuedQty])).toEqual([
      [0, 'WM-PUMP-01', 'A-01-1', 2, 1, 1],
      // Issued and returned: the technician holds none.
      [1, 'WM-BELT-02', 'A-01-2', 1, 1, 0],
    ]);
    // The lead's word per line, with the reason the form prints under a reduced line.
    expect(data.lines.map((l) => [l.decision, l.decisionReason])).toEqual([
      ['reduced', '先换一个'],
      ['approved', ''],
    ]);
    expect([data.requestedBy?.name, data.decidedBy?.name, data.issuedBy?.name]).toEqual([
      'technician-staff',
      'lead-staff',
      'clerk-staff',
    ]);
  });
});

describe('the stocktake count sheet’s data', () => {
  it('lists the parts in shelf order, blind: no book quantities on the sheet', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 5, 'RF-THERM-03': 2 }, '2026-01-02');
    const stocktake = await d.ok('parts.stocktakeStart', { binPrefix: '' }, d.as.clerk);
    const data = await d.ok('print.stocktake', { stocktakeId: stocktake.id }, d.as.clerk);
    expect(data.stocktake).toMatchObject({
      number: stocktake.number,
      status: 'counting',
      binPrefix: '',
      startedBy: { name: 'clerk-staff' },
    });
    const bins = data.lines.map((l) => l.bin);
    expect(bins).toEqual([...bins].sort());
    expect(data.lines.length).toBe(stocktake.lines.length);
    expect(Object.keys(data.lines[0]!)).not.toContain('bookQty');
  });
});
