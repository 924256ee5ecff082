import { describe, expect, it } from 'vitest';
import { changeLog, count } from '../support/inspect';
import { openPartsDesk, openRepairTicket, stockUp } from '../support/parts-desk';

describe('the requisition form (配件领用单)', () => {
  it('goes from request to signature to partial issue to return, and the ticket shows what it used', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 5, 'WM-BELT-02': 4 }, '2026-01-02');
    const ticket = await openRepairTicket(d);
    const pump = d.partId('WM-PUMP-01');
    const belt = d.partId('WM-BELT-02');

    // The technician requests two parts for the repair.
    expect((await d.ok('parts.ticketLookup', { number: ticket.number.toLowerCase() }, d.as.technician)).id).toBe(
      ticket.id,
    );
    const requested = await d.ok(
      'parts.requisitionCreate',
      {
        ticketId: ticket.id,
        note: '上门前备料',
        lines: [
          { partId: pump, qty: 2 },
          { partId: belt, qty: 1 },
        ],
      },
      d.as.technician,
    );
    expect(requested.number).toMatch(/^R-S012-2-\d{8}-0001$/);
    expect(requested).toMatchObject({
      status: 'requested',
      requestedByName: 'technician-staff',
      decidedByName: null,
      ticket: { number: ticket.number },
    });
    const [pumpLine, beltLine] = requested.lines;
    expect(pumpLine).toMatchObject({ requestedQty: 2, approvedQty: null, onHand: 5 });

    // Nothing leaves the shelf before the parts lead signs.
    expect(
      await d.call(
        'parts.requisitionIssue',
        { requisitionId: requested.id, lines: [{ lineId: pumpLine!.id, qty: 1 }] },
        d.as.clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'requisition_not_approved' },
    });
    // The clerk cannot sign; the lead signs, approving one pump instead of two.
    expect(await d.call('parts.requisitionApprove', { requisitionId: requested.id }, d.as.clerk)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    const approved = await d.ok(
      'parts.requisitionApprove',
      { requisitionId: requested.id, lines: [{ lineId: pumpLine!.id, approvedQty: 1, reason: '先换一个试机' }] },
      d.as.lead,
    );
    expect(approved).toMatchObject({ status: 'approved', decidedByName: 'lead-staff' });
    expect(approved.decidedAt).toMatch(/^\d{4}-/);
    expect(approved.lines.map((l) => l.approvedQty)).toEqual([1, 1]);
    expect(await d.call('parts.requisitionApprove', { requisitionId: requested.id }, d.as.lead)).toMatchObject({
      ok: false,
      error: { key: 'requisition_signed' },
    });

    // Partial issue: the pump now, the belt later.
    const first = await d.ok(
      'parts.requisitionIssue',
      { requisitionId: requested.id, lines: [{ lineId: pumpLine!.id, qty: 1 }] },
      d.as.clerk,
    );
    expect(first.requisition.status).toBe('partly_issued');
    expect(first.wentNegative).toEqual([]);
    const before = changeLog(d.file).length;
    expect(
      await d.call(
        'parts.requisitionIssue',
        { requisitionId: requested.id, lines: [{ lineId: pumpLine!.id, qty: 1 }] },
        d.as.clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'over_issue', field: 'lines.0.qty' },
    });
    expect(changeLog(d.file)).toHaveLength(before);
    const second = await d.ok(
      'parts.requisitionIssue',
      { requisitionId: requested.id, lines: [{ lineId: beltLine!.id, qty: 1 }] },
      d.as.clerk,
    );
    expect(second.requisition.status).toBe('issued');
    expect(second.requisition.lines.map((l) => [l.issuedQty, l.toIssueQty, l.heldQty])).toEqual([
      [1, 0, 1],
      [1, 0, 1],
    ]);

    // The belt was not needed: it comes back against the same form.
    expect(
      await d.call(
        'parts.requisitionReturn',
        { requisitionId: requested.id, reason: '未使用', lines: [{ lineId: beltLine!.id, qty: 2 }] },
        d.as.clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'over_return', field: 'lines.0.qty' },
    });
    const returned = await d.ok(
      'parts.requisitionReturn',
      { requisitionId: requested.id, reason: '未使用', lines: [{ lineId: beltLine!.id, qty: 1 }] },
      d.as.clerk,
    );
    expect(returned.lines[1]).toMatchObject({ issuedQty: 1, returnedQty: 1, heldQty: 0 });
    expect(returned.events.map((e) => [e.kind, e.staffName])).toEqual([
      ['requested', 'technician-staff'],
      ['approved', 'lead-staff'],
      ['issued', 'clerk-staff'],
      ['issued', 'clerk-staff'],
      ['returned', 'clerk-staff'],
    ]);

    const used = await d.ok('parts.forTicket', { ticketId: ticket.id }, d.as.counter);
    expect(used.lines.map((l) => [l.partNo, l.issuedQty, l.returnedQty, l.usedQty])).toEqual([
      ['WM-BELT-02', 1, 1, 0],
      ['WM-PUMP-01', 1, 0, 1],
    ]);
    expect(used.totalFen).toBe(8800);
    expect(used.requisitions).toEqual([{ id: requested.id, number: requested.number, status: 'issued' }]);
    expect((await d.ok('parts.get', { id: pump })).onHand).toBe(4);
    expect((await d.ok('parts.get', { id: belt })).onHand).toBe(4);
    // The issue and return movements are in the ledger, never touching the requisition's lines.
    expect(
      changeLog(d.file).filter(
        (c) => c.entity === 'stock_movement' && (c.fields.kind === 'issue' || c.fields.kind === 'return_from_job'),
      ),
    ).toHaveLength(3);
    // A requisition's movements are corrected by returns, not reversals.
    const history = await d.ok('parts.history', { partId: pump });
    expect(history.movements[0]).toMatchObject({ kind: 'issue', docNumber: requested.number });
    expect(
      await d.call('parts.reverse', { movementId: history.movements[0]!.id, reason: 'x' }, d.as.lead),
    ).toMatchObject({ ok: false, error: { key: 'movement_on_requisition' } });
  });

  it('records a rejection with its reason, and nothing can be issued on it', async () => {
    const d = await openPartsDesk();
    const ticket = await openRepairTicket(d);
    const form = await d.ok(
      'parts.requisitionCreate',
      { ticketId: ticket.id, lines: [{ partId: d.partId('RF-THERM-03'), qty: 1 }] },
      d.as.technician,
    );
    expect(await d.call('parts.requisitionReject', { requisitionId: form.id, reason: '' }, d.as.lead)).toMatchObject({
      ok: false,
      error: { key: 'reason_required' },
    });
    const rejected = await d.ok(
      'parts.requisitionReject',
      { requisitionId: form.id, reason: '故障判断有误，请先复检' },
      d.as.lead,
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectReason: '故障判断有误，请先复检',
      decidedByName: 'lead-staff',
    });
    expect(
      await d.call(
        'parts.requisitionIssue',
        { requisitionId: form.id, lines: [{ lineId: form.lines[0]!.id, qty: 1 }] },
        d.as.clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'requisition_not_approved' },
    });
    expect(await d.call('parts.requisitionApprove', { requisitionId: form.id }, d.as.lead)).toMatchObject({
      ok: false,
      error: { key: 'requisition_signed' },
    });
    expect((await d.ok('parts.requisitions', { filter: 'rejected' })).items.map((r) => r.id)).toEqual([form.id]);
    expect((await d.ok('parts.requisitions', { filter: 'open' })).items).toEqual([]);
  });

  it('refuses approvals above the request, and a line rejected without a reason', async () => {
    const d = await openPartsDesk();
    const ticket = await openRepairTicket(d);
    const form = await d.ok(
      'parts.requisitionCreate',
      { ticketId: ticket.id, lines: [{ partId: d.partId('AC-CAP-04'), qty: 2 }] },
      d.as.technician,
    );
    const line = form.lines[0]!.id;
    expect(
      await d.call(
        'parts.requisitionApprove',
        { requisitionId: form.id, lines: [{ lineId: line, approvedQty: 3 }] },
        d.as.lead,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'approve_over_request', field: 'lines.0.approvedQty' },
    });
    expect(
      await d.call(
        'parts.requisitionApprove',
        { requisitionId: form.id, lines: [{ lineId: line, approvedQty: 0 }] },
        d.as.lead,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'line_rejected_reason_required', field: 'lines.0.reason' },
    });
    expect(
      await d.call(
        'parts.requisitionApprove',
        { requisitionId: form.id, lines: [{ lineId: line, approvedQty: 1.5 }] },
        d.as.lead,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'qty_whole', field: 'lines.0.approvedQty' },
    });
    expect((await d.ok('parts.requisition', { id: form.id })).status).toBe('requested');
  });

  it('lets the counter issue the last unit twice: stock goes negative and is flagged, not blocked', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'AC-CAP-04': 1 }, '2026-01-02');
    const ticket = await openRepairTicket(d);
    const form = await d.ok(
      'parts.requisitionCreate',
      { ticketId: ticket.id, lines: [{ partId: d.partId('AC-CAP-04'), qty: 3 }] },
      d.as.technician,
    );
    await d.ok('parts.requisitionApprove', { requisitionId: form.id }, d.as.lead);
    const issued = await d.ok(
      'parts.requisitionIssue',
      { requisitionId: form.id, lines: [{ lineId: form.lines[0]!.id, qty: 3 }] },
      d.as.clerk,
    );
    expect(issued.wentNegative).toEqual([{ partNo: 'AC-CAP-04', onHand: -2 }]);
    expect((await d.ok('parts.get', { id: d.partId('AC-CAP-04') })).onHand).toBe(-2);
  });

  it('takes requests only from technicians and repair leads, for open repair tickets', async () => {
    const d = await openPartsDesk();
    const lines = [{ partId: d.partId('WM-PUMP-01'), qty: 1 }];
    const repair = await openRepairTicket(d);
    for (const who of [d.as.clerk, d.as.counter]) {
      expect(await d.call('parts.requisitionCreate', { ticketId: repair.id, lines }, who)).toMatchObject({
        ok: false,
        error: { code: 'permission_denied' },
      });
    }
    const complaint = await openRepairTicket(d, { type: 'complaint' });
    expect(await d.call('parts.requisitionCreate', { ticketId: complaint.id, lines }, d.as.technician)).toMatchObject({
      ok: false,
      error: { key: 'ticket_not_repair' },
    });
    expect(await d.call('parts.ticketLookup', { number: complaint.number }, d.as.technician)).toMatchObject({
      ok: false,
      error: { key: 'ticket_not_repair', field: 'number' },
    });
    const closed = await openRepairTicket(d, { voided: true });
    expect(await d.call('parts.requisitionCreate', { ticketId: closed.id, lines }, d.as.technician)).toMatchObject({
      ok: false,
      error: { key: 'ticket_closed' },
    });
    expect(await d.call('parts.ticketLookup', { number: 'S999-1-20260101-0001' }, d.as.technician)).toMatchObject({
      ok: false,
      error: { key: 'ticket_unknown' },
    });
    expect(
      await d.call(
        'parts.requisitionCreate',
        { ticketId: repair.id, lines: [{ partId: lines[0]!.partId, qty: -1 }] },
        d.as.technician,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'qty_positive', field: 'lines.0.qty' },
    });
    expect(count(d.file, 'requisition')).toBe(0);
  });
});
