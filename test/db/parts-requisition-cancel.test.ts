import { describe, expect, it } from 'vitest';
import type { ClientState } from '../../db/desk-types';
import { changeLog, readTable } from '../support/inspect';
import { openPartsDesk, openRepairTicket, stockUp, type PartsDesk } from '../support/parts-desk';

async function requestPump(d: PartsDesk, qty = 2, who: ClientState = d.as.technician) {
  const ticket = await openRepairTicket(d);
  return d.ok(
    'parts.requisitionCreate',
    { ticketId: ticket.id, lines: [{ partId: d.partId('WM-PUMP-01'), qty }] },
    who,
  );
}

describe('cancelling a requisition (取消领用单)', () => {
  it('lets the technician withdraw his request: an append-only event, gone from the to-issue list and from demand, shown on the ticket', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 4 }, '2026-01-02');
    const requisition = await requestPump(d, 2);
    await d.ok('parts.requisitionApprove', { requisitionId: requisition.id }, d.as.lead);
    // Approved and not issued: the reorder list counts it as demand (4 on hand - 2 spoken for ≤ level 3).
    const demandBefore = (await d.ok('parts.reorderList', {}, d.as.clerk)).items.find((i) => i.partNo === 'WM-PUMP-01');
    expect(demandBefore?.demand).toBe(2);

    // A reason is required.
    expect(
      await d.call('parts.requisitionCancel', { requisitionId: requisition.id, reason: ' ' }, d.as.technician),
    ).toMatchObject({ ok: false, error: { code: 'validation', field: 'reason' } });
    const logBefore = changeLog(d.file).length;
    const cancelled = await d.ok(
      'parts.requisitionCancel',
      { requisitionId: requisition.id, reason: '客户改为换机' },
      d.as.technician,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '客户改为换机' });
    expect(cancelled.events.map((e) => [e.kind, e.staffName, e.reason])).toEqual([
      ['requested', 'technician-staff', ''],
      ['approved', 'lead-staff', ''],
      ['cancelled', 'technician-staff', '客户改为换机'],
    ]);

    // One header update and one appended event, recorded for sync in the same transaction.
    const written = changeLog(d.file).slice(logBefore);
    expect(written.map((c) => [c.entity, c.op])).toEqual([
      ['requisition', 'update'],
      ['requisition_event', 'append'],
    ]);
    expect(written[0]!.fields).toMatchObject({ status: 'cancelled' });
    expect(written[1]!.fields).toMatchObject({
      kind: 'cancelled',
      reason: '客户改为换机',
      requisitionId: requisition.id,
    });

    // Gone from the clerk's open list and from demand; listed under its own filter; the ticket shows it.
    expect((await d.ok('parts.requisitions', { filter: 'open' }, d.as.clerk)).items.map((r) => r.id)).not.toContain(
      requisition.id,
    );
    expect((await d.ok('parts.requisitions', { filter: 'cancelled' }, d.as.clerk)).items.map((r) => r.id)).toEqual([
      requisition.id,
    ]);
    expect(
      (await d.ok('parts.reorderList', {}, d.as.clerk)).items.find((i) => i.partNo === 'WM-PUMP-01'),
    ).toBeUndefined();
    expect((await d.ok('parts.forTicket', { ticketId: requisition.ticket.id }, d.as.counter)).requisitions).toEqual([
      { id: requisition.id, number: requisition.number, status: 'cancelled' },
    ]);
    // The printed form (配件领用单) carries the status too (print.requisition → 已取消 / Cancelled).
    expect((await d.ok('print.requisition', { requisitionId: requisition.id }, d.as.clerk)).requisition.status).toBe(
      'cancelled',
    );

    // A cancelled form is closed: no issue, no signature, no second cancel, and nothing written trying.
    const logAfter = changeLog(d.file).length;
    const line = cancelled.lines[0]!.id;
    expect(
      await d.call(
        'parts.requisitionIssue',
        { requisitionId: requisition.id, lines: [{ lineId: line, qty: 1 }] },
        d.as.clerk,
      ),
    ).toMatchObject({ ok: false, error: { key: 'requisition_cancelled' } });
    expect(
      await d.call('parts.requisitionReject', { requisitionId: requisition.id, reason: 'x' }, d.as.lead),
    ).toMatchObject({ ok: false, error: { key: 'requisition_cancelled' } });
    expect(
      await d.call('parts.requisitionCancel', { requisitionId: requisition.id, reason: '再取消' }, d.as.technician),
    ).toMatchObject({ ok: false, error: { key: 'requisition_cancel_closed' } });
    expect(changeLog(d.file)).toHaveLength(logAfter);
  });

  it('refuses a requisition with parts already issued, pointing to a return instead, and writes nothing', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 5 }, '2026-01-02');
    const requisition = await requestPump(d, 2);
    await d.ok('parts.requisitionApprove', { requisitionId: requisition.id }, d.as.lead);
    await d.ok(
      'parts.requisitionIssue',
      { requisitionId: requisition.id, lines: [{ lineId: requisition.lines[0]!.id, qty: 1 }] },
      d.as.clerk,
    );
    const before = changeLog(d.file).length;
    const refused = await d.call(
      'parts.requisitionCancel',
      { requisitionId: requisition.id, reason: '不需要了' },
      d.as.lead,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'requisition_cancel_issued', field: 'requisitionId' },
    });
    expect(refused.ok ? '' : refused.error.message).toMatch(/return the unused parts/);
    expect(changeLog(d.file)).toHaveLength(before);
    expect(
      readTable<{ status: string }>(d.file, 'SELECT status FROM requisition WHERE id = ?', requisition.id)[0]!.status,
    ).toBe('partly_issued');
    expect(readTable(d.file, "SELECT id FROM requisition_event WHERE kind = 'cancelled'")).toEqual([]);
    // Rejected forms are already closed.
    const other = await requestPump(d, 1);
    await d.ok('parts.requisitionReject', { requisitionId: other.id, reason: '库存不足' }, d.as.lead);
    expect(
      await d.call('parts.requisitionCancel', { requisitionId: other.id, reason: '撤回' }, d.as.technician),
    ).toMatchObject({ ok: false, error: { key: 'requisition_cancel_closed' } });
  });

  it('lets only the requester, the parts lead or the admin cancel, checked in the main process', async () => {
    const d = await openPartsDesk();
    const colleague = await d.ok('staff.create', { name: 'other-technician', role: 'technician', pin: '5678' });
    const otherWindow: ClientState = { sessionId: null };
    await d.ok('session.signIn', { staffId: colleague.id, pin: '5678' }, otherWindow);

    const mine = await requestPump(d, 1);
    const before = changeLog(d.file).length;
    // Another technician and the clerk (who can read parts) are turned away by the handler.
    expect(
      await d.call('parts.requisitionCancel', { requisitionId: mine.id, reason: '不是我的' }, otherWindow),
    ).toMatchObject({ ok: false, error: { code: 'permission_denied', key: 'requisition_cancel_not_yours' } });
    expect(
      await d.call('parts.requisitionCancel', { requisitionId: mine.id, reason: '不是我的' }, d.as.clerk),
    ).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(changeLog(d.file)).toHaveLength(before);
    // Not signed in: the dispatcher refuses before the handler runs.
    expect(
      await d.call('parts.requisitionCancel', { requisitionId: mine.id, reason: 'x' }, { sessionId: null }),
    ).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });

    // The lead may cancel anyone's (still unsigned) request, the admin too.
    expect(
      await d.ok('parts.requisitionCancel', { requisitionId: mine.id, reason: '重复申领' }, d.as.lead),
    ).toMatchObject({ status: 'cancelled' });
    const second = await requestPump(d, 1);
    expect(
      await d.ok('parts.requisitionCancel', { requisitionId: second.id, reason: '录入错误' }, d.admin),
    ).toMatchObject({ status: 'cancelled' });
    // And the other technician may cancel his own.
    const his = await requestPump(d, 1, otherWindow);
    expect(
      await d.ok('parts.requisitionCancel', { requisitionId: his.id, reason: '已自带配件' }, otherWindow),
    ).toMatchObject({ status: 'cancelled' });
  });
});
