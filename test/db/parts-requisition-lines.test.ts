import { describe, expect, it } from 'vitest';
import { changeLog, readTable } from '../support/inspect';
import { openPartsDesk, openRepairTicket, stockUp, type PartsDesk } from '../support/parts-desk';

/** A technician's request for a pump (2), a belt (3) and a thermostat (1). */
async function threeLines(d: PartsDesk) {
  const ticket = await openRepairTicket(d);
  const form = await d.ok(
    'parts.requisitionCreate',
    {
      ticketId: ticket.id,
      lines: [
        { partId: d.partId('WM-PUMP-01'), qty: 2 },
        { partId: d.partId('WM-BELT-02'), qty: 3 },
        { partId: d.partId('RF-THERM-03'), qty: 1 },
      ],
    },
    d.as.technician,
  );
  const [pump, belt, thermostat] = form.lines.map((l) => l.id) as [string, string, string];
  return { form, pump, belt, thermostat };
}

describe('the parts lead decides a requisition line by line', () => {
  it('approves one line, reduces one and rejects one: the form is approved, only the approved quantities issue', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 5, 'WM-BELT-02': 5, 'RF-THERM-03': 5 }, '2026-01-02');
    const { form, pump, belt, thermostat } = await threeLines(d);

    const signed = await d.ok(
      'parts.requisitionApprove',
      {
        requisitionId: form.id,
        lines: [
          { lineId: pump, approvedQty: 2 },
          { lineId: belt, approvedQty: 1, reason: '  先换一条，另两条库存留作备用  ' },
          { lineId: thermostat, approvedQty: 0, reason: '温控器未坏，复检后再申请' },
        ],
      },
      d.as.lead,
    );
    expect(signed.status).toBe('approved');
    expect(
      signed.lines.map((l) => [l.partNo, l.requestedQty, l.approvedQty, l.decision, l.decisionReason, l.toIssueQty]),
    ).toEqual([
      ['WM-PUMP-01', 2, 2, 'approved', '', 2],
      ['WM-BELT-02', 3, 1, 'reduced', '先换一条，另两条库存留作备用', 1],
      ['RF-THERM-03', 1, 0, 'rejected', '温控器未坏，复检后再申请', 0],
    ]);
    expect(signed.lines.every((l) => l.decidedByName === 'lead-staff' && l.decidedAt === signed.decidedAt)).toBe(true);

    // The event log keeps every line's decision.
    const event = readTable<{ kind: string; detail: string }>(
      d.file,
      "SELECT kind, detail FROM requisition_event WHERE requisition_id = ? AND kind = 'approved'",
      form.id,
    );
    expect(event).toHaveLength(1);
    expect(JSON.parse(event[0]!.detail).lines).toEqual([
      expect.objectContaining({ lineId: pump, requestedQty: 2, approvedQty: 2, decision: 'approved' }),
      expect.objectContaining({ lineId: belt, requestedQty: 3, approvedQty: 1, decision: 'reduced' }),
      expect.objectContaining({
        lineId: thermostat,
        approvedQty: 0,
        decision: 'rejected',
        decisionReason: '温控器未坏，复检后再申请',
      }),
    ]);
    // Each line's decision leaves the PC under one stamp.
    const lineChanges = changeLog(d.file).filter((c) => c.entity === 'requisition_line' && c.op === 'update');
    expect(lineChanges).toHaveLength(3);
    expect(Object.keys(lineChanges[1]!.fields).sort()).toEqual([
      'approvedQty',
      'decidedAt',
      'decidedBy',
      'decision',
      'decisionReason',
    ]);

    // Issuing more than approved is refused, the rejected line most of all; nothing is written.
    const before = changeLog(d.file).length;
    for (const [lineId, qty] of [
      [belt, 2],
      [thermostat, 1],
    ] as const) {
      expect(
        await d.call('parts.requisitionIssue', { requisitionId: form.id, lines: [{ lineId, qty }] }, d.as.clerk),
      ).toMatchObject({ ok: false, error: { key: 'over_issue', field: 'lines.0.qty' } });
    }
    expect(changeLog(d.file)).toHaveLength(before);

    const issued = await d.ok(
      'parts.requisitionIssue',
      {
        requisitionId: form.id,
        lines: [
          { lineId: pump, qty: 2 },
          { lineId: belt, qty: 1 },
        ],
      },
      d.as.clerk,
    );
    // The rejected line asks for nothing more: the form is issued in full.
    expect(issued.requisition.status).toBe('issued');
    expect(issued.requisition.lines.map((l) => l.issuedQty)).toEqual([2, 1, 0]);
    expect((await d.ok('parts.get', { id: d.partId('RF-THERM-03') })).onHand).toBe(5);
    expect((await d.ok('parts.get', { id: d.partId('WM-BELT-02') })).onHand).toBe(4);
  });

  it('rejects the form when every line is rejected, each with its reason', async () => {
    const d = await openPartsDesk();
    const { form, pump, belt, thermostat } = await threeLines(d);
    const rejected = await d.ok(
      'parts.requisitionApprove',
      {
        requisitionId: form.id,
        lines: [
          { lineId: pump, approvedQty: 0, reason: '型号不符' },
          { lineId: belt, approvedQty: 0, reason: '型号不符' },
          { lineId: thermostat, approvedQty: 0, reason: '先复检' },
        ],
      },
      d.as.lead,
    );
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '型号不符; 先复检' });
    expect(rejected.lines.map((l) => l.decision)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(rejected.events.map((e) => [e.kind, e.reason])).toEqual([
      ['requested', ''],
      ['rejected', '型号不符; 先复检'],
    ]);
    expect(
      await d.call('parts.requisitionIssue', { requisitionId: form.id, lines: [{ lineId: pump, qty: 1 }] }, d.as.clerk),
    ).toMatchObject({ ok: false, error: { key: 'requisition_not_approved' } });
  });

  it('rejecting the whole form rejects each line with the one reason', async () => {
    const d = await openPartsDesk();
    const { form } = await threeLines(d);
    const rejected = await d.ok('parts.requisitionReject', { requisitionId: form.id, reason: '工单已撤销' }, d.as.lead);
    expect(rejected.lines.map((l) => [l.decision, l.approvedQty, l.decisionReason])).toEqual([
      ['rejected', 0, '工单已撤销'],
      ['rejected', 0, '工单已撤销'],
      ['rejected', 0, '工单已撤销'],
    ]);
  });

  it('names the missing reason of a reduced or rejected line, and writes nothing', async () => {
    const d = await openPartsDesk();
    const { form, pump, belt, thermostat } = await threeLines(d);
    const before = changeLog(d.file).length;
    const cases = [
      [{ lineId: belt, approvedQty: 2 }, 'line_reduced_reason_required'],
      [{ lineId: belt, approvedQty: 2, reason: '   ' }, 'line_reduced_reason_required'],
      [{ lineId: thermostat, approvedQty: 0 }, 'line_rejected_reason_required'],
    ] as const;
    for (const [line, key] of cases) {
      expect(
        await d.call(
          'parts.requisitionApprove',
          { requisitionId: form.id, lines: [{ lineId: pump, approvedQty: 2 }, line] },
          d.as.lead,
        ),
      ).toMatchObject({ ok: false, error: { key, field: 'lines.1.reason' } });
    }
    // A reason of 10 MB is refused by the schema before anything is read.
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const oversized = await d.call(
      'parts.requisitionApprove',
      { requisitionId: form.id, lines: [{ lineId: belt, approvedQty: 1, reason: huge }] },
      d.as.lead,
    );
    expect(oversized).toMatchObject({ ok: false, error: { key: 'too_long', field: 'lines.0.reason' } });
    expect(JSON.stringify(oversized).length).toBeLessThan(2000);
    expect(changeLog(d.file)).toHaveLength(before);
    expect((await d.ok('parts.requisition', { id: form.id })).lines.map((l) => l.decision)).toEqual([null, null, null]);
  });

  it('lets only the parts lead (and admin) decide lines', async () => {
    const d = await openPartsDesk();
    const { form, belt } = await threeLines(d);
    const lines = [{ lineId: belt, approvedQty: 1, reason: '减量' }];
    for (const who of [d.as.technician, d.as.clerk, d.as.counter]) {
      expect(await d.call('parts.requisitionApprove', { requisitionId: form.id, lines }, who)).toMatchObject({
        ok: false,
        error: { code: 'permission_denied' },
      });
    }
    expect((await d.ok('parts.requisition', { id: form.id })).status).toBe('requested');
    expect((await d.ok('parts.requisitionApprove', { requisitionId: form.id, lines }, d.admin)).status).toBe(
      'approved',
    );
  });
});
