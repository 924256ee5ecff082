import { describe, expect, it } from 'vitest';
import { refuseStep, statusesAllowing, stepFrom, type DocumentMachine } from '../../db/document-machine';
import type { Actor } from '../../db/handler';
import { DOCUMENT_MACHINES } from '../../db/parts/machines';
import { receiptMachine } from '../../db/parts/receiving/machine';
import { requisitionMachine, type RequisitionAction } from '../../db/parts/requisitions/machine';
import { stocktakeMachine } from '../../db/parts/stocktake/machine';
import type { RequisitionStatus } from '../../db/parts/tables';
import type { Role } from '../../db/staff/roles';
import { changeLog } from '../support/inspect';
import { openPartsDesk, openRepairTicket, stockUp, type PartsDesk } from '../support/parts-desk';

const admin: Actor = { staffId: 'admin-1', name: 'admin', role: 'admin', sessionId: 's' };
const as = (role: Role, staffId = `${role}-1`): Actor => ({ staffId, name: role, role, sessionId: 's' });

/** Every status → action → where it leads, as a table (null: refused). */
function transitions<S extends string, A extends string>(
  machine: DocumentMachine<S, A>,
): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    machine.statuses.map((status) => [
      status,
      Object.fromEntries(machine.actions.map((action) => [action, stepFrom(machine, status, action)?.to ?? null])),
    ]),
  );
}

/**
 * What each (status, action) pair of a requisition answers, as the handlers answered before the
 * machine: 'ok' moves the form; a key is the refusal (code conflict); 'over_issue' is a fully
 * issued form asked for more, which the quantity check refuses, not the status.
 */
const REQUISITION_ANSWERS: Record<RequisitionStatus, Record<RequisitionAction, string>> = {
  requested: { approve: 'ok', reject: 'ok', cancel: 'ok', issue: 'requisition_not_approved' },
  approved: { approve: 'requisition_signed', reject: 'requisition_signed', cancel: 'ok', issue: 'ok' },
  partly_issued: {
    approve: 'requisition_signed',
    reject: 'requisition_signed',
    cancel: 'requisition_cancel_issued',
    issue: 'ok',
  },
  issued: {
    approve: 'requisition_signed',
    reject: 'requisition_signed',
    cancel: 'requisition_cancel_issued',
    issue: 'over_issue',
  },
  rejected: {
    approve: 'requisition_signed',
    reject: 'requisition_signed',
    cancel: 'requisition_cancel_closed',
    issue: 'requisition_not_approved',
  },
  cancelled: {
    approve: 'requisition_cancelled',
    reject: 'requisition_cancelled',
    cancel: 'requisition_cancel_closed',
    issue: 'requisition_cancelled',
  },
};

describe('document machines as data', () => {
  it('lets a requisition be issued only after the parts lead signed it, and closes rejected and cancelled forms (docs/DOMAIN.md §7)', () => {
    expect(requisitionMachine.initial).toBe('requested');
    expect(transitions(requisitionMachine)).toEqual({
      // Signing line by line rejects the form when every line was rejected.
      requested: { approve: ['approved', 'rejected'], reject: 'rejected', cancel: 'cancelled', issue: null },
      approved: { approve: null, reject: null, cancel: 'cancelled', issue: ['partly_issued', 'issued'] },
      partly_issued: { approve: null, reject: null, cancel: null, issue: ['partly_issued', 'issued'] },
      issued: { approve: null, reject: null, cancel: null, issue: ['partly_issued', 'issued'] },
      rejected: { approve: null, reject: null, cancel: null, issue: null },
      cancelled: { approve: null, reject: null, cancel: null, issue: null },
    });
    expect(statusesAllowing(requisitionMachine, 'issue')).toEqual(['approved', 'partly_issued', 'issued']);
    expect(requisitionMachine.who.approve.permission).toBe('parts.approve');
    expect(requisitionMachine.who.reject.permission).toBe('parts.approve');
    expect(requisitionMachine.who.issue.permission).toBe('parts.issue');
  });

  it('keeps a goods receipt open for lines and inspection until it is closed, and a stocktake counting until posted or cancelled', () => {
    expect(receiptMachine.initial).toBe('open');
    expect(transitions(receiptMachine)).toEqual({
      open: { add_line: 'same', inspect: 'same', close: 'closed' },
      closed: { add_line: null, inspect: null, close: null },
    });
    expect(stocktakeMachine.initial).toBe('counting');
    expect(transitions(stocktakeMachine)).toEqual({
      counting: { count: 'same', scan: 'same', post: 'posted', cancel: 'cancelled' },
      posted: { count: null, scan: null, post: null, cancel: null },
      cancelled: { count: null, scan: null, post: null, cancel: null },
    });
    // Differences are posted by the parts lead's signature, counted by the clerks.
    expect(stocktakeMachine.who.post.permission).toBe('parts.approve');
    expect(stocktakeMachine.who.count.permission).toBe('parts.count');
  });

  it('refuses every pair a machine does not list, with a conflict and the key the handlers always gave', () => {
    for (const [status, answers] of Object.entries(REQUISITION_ANSWERS) as Array<
      [RequisitionStatus, Record<RequisitionAction, string>]
    >) {
      for (const [action, answer] of Object.entries(answers) as Array<[RequisitionAction, string]>) {
        const refusal = refuseStep(requisitionMachine, { status, openedBy: null }, action, admin);
        expect([status, action, refusal]).toEqual([
          status,
          action,
          answer === 'ok' || answer === 'over_issue' ? null : { code: 'conflict', key: answer },
        ]);
      }
    }
    for (const action of receiptMachine.actions)
      expect(refuseStep(receiptMachine, { status: 'closed', openedBy: null }, action, admin)).toEqual({
        code: 'conflict',
        key: 'receipt_closed',
      });
    for (const status of ['posted', 'cancelled'] as const) {
      for (const action of stocktakeMachine.actions)
        expect(refuseStep(stocktakeMachine, { status, openedBy: null }, action, admin)).toEqual({
          code: 'conflict',
          key: 'stocktake_closed',
        });
    }
  });

  it('checks who before the status: the opener may withdraw his own request, nobody else without the permission', () => {
    const mine = { status: 'requested', openedBy: 'technician-1' } as const;
    expect(refuseStep(requisitionMachine, mine, 'cancel', as('technician'))).toBeNull();
    expect(refuseStep(requisitionMachine, mine, 'cancel', as('technician', 'technician-2'))).toEqual({
      code: 'permission_denied',
      key: 'requisition_cancel_not_yours',
    });
    expect(
      refuseStep(requisitionMachine, { ...mine, status: 'cancelled' }, 'cancel', as('technician', 'technician-2')),
    ).toEqual({ code: 'permission_denied', key: 'requisition_cancel_not_yours' });
    expect(refuseStep(requisitionMachine, mine, 'cancel', as('parts_lead'))).toBeNull();
    // Opening a form is no signature: the technician cannot approve his own request.
    expect(refuseStep(requisitionMachine, mine, 'approve', as('technician'))).toEqual({
      code: 'permission_denied',
      key: 'permission_denied',
    });
    expect(refuseStep(requisitionMachine, mine, 'approve', null)).toEqual({
      code: 'permission_denied',
      key: 'permission_denied',
    });
    expect(
      refuseStep(stocktakeMachine, { status: 'counting', openedBy: 'parts_clerk-1' }, 'post', as('parts_clerk')),
    ).toEqual({ code: 'permission_denied', key: 'permission_denied' });
  });

  it('declares every machine completely: each status is listed, each step lands on a status of the machine, each action has who and a refusal', () => {
    for (const machine of Object.values(DOCUMENT_MACHINES) as Array<DocumentMachine<string, string>>) {
      expect(Object.keys(machine.steps).sort()).toEqual([...machine.statuses].sort());
      expect(machine.statuses).toContain(machine.initial);
      for (const byAction of Object.values(machine.steps)) {
        for (const [action, step] of Object.entries(byAction)) {
          expect(machine.actions).toContain(action);
          for (const to of step === undefined || step.to === 'same'
            ? []
            : typeof step.to === 'string'
              ? [step.to]
              : step.to)
            expect(machine.statuses).toContain(to);
        }
      }
      expect(Object.keys(machine.who).sort()).toEqual([...machine.actions].sort());
      expect(Object.keys(machine.refusals).sort()).toEqual([...machine.actions].sort());
    }
  });
});

/** A fresh form of two pumps in the given status, reached through the desk as the counter would. */
async function requisitionIn(d: PartsDesk, status: RequisitionStatus): Promise<{ id: string; lineId: string }> {
  const ticket = await openRepairTicket(d);
  const form = await d.ok(
    'parts.requisitionCreate',
    { ticketId: ticket.id, lines: [{ partId: d.partId('WM-PUMP-01'), qty: 2 }] },
    d.as.technician,
  );
  const lineId = form.lines[0]!.id;
  if (status === 'rejected')
    await d.ok('parts.requisitionReject', { requisitionId: form.id, reason: '库存不足' }, d.as.lead);
  if (status === 'cancelled')
    await d.ok('parts.requisitionCancel', { requisitionId: form.id, reason: '客户改为换机' }, d.as.technician);
  if (status === 'approved' || status === 'partly_issued' || status === 'issued')
    await d.ok('parts.requisitionApprove', { requisitionId: form.id }, d.as.lead);
  if (status === 'partly_issued' || status === 'issued')
    await d.ok(
      'parts.requisitionIssue',
      { requisitionId: form.id, lines: [{ lineId, qty: status === 'issued' ? 2 : 1 }] },
      d.as.clerk,
    );
  expect((await d.ok('parts.requisition', { id: form.id }, d.as.clerk)).status).toBe(status);
  return { id: form.id, lineId };
}

async function take(d: PartsDesk, action: RequisitionAction, form: { id: string; lineId: string }) {
  switch (action) {
    case 'approve':
      return d.call('parts.requisitionApprove', { requisitionId: form.id }, d.as.lead);
    case 'reject':
      return d.call('parts.requisitionReject', { requisitionId: form.id, reason: '不予批准' }, d.as.lead);
    case 'cancel':
      return d.call('parts.requisitionCancel', { requisitionId: form.id, reason: '不需要了' }, d.as.lead);
    case 'issue':
      return d.call(
        'parts.requisitionIssue',
        { requisitionId: form.id, lines: [{ lineId: form.lineId, qty: 1 }] },
        d.as.clerk,
      );
  }
}

describe('document machines through the desk', () => {
  it('answers every (status, action) pair of a requisition as the table says, writing nothing when it refuses', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 50 }, '2026-01-02');
    for (const [status, answers] of Object.entries(REQUISITION_ANSWERS) as Array<
      [RequisitionStatus, Record<RequisitionAction, string>]
    >) {
      for (const [action, answer] of Object.entries(answers) as Array<[RequisitionAction, string]>) {
        const form = await requisitionIn(d, status);
        const before = changeLog(d.file).length;
        const result = await take(d, action, form);
        if (answer === 'ok') {
          expect([status, action, result.ok]).toEqual([status, action, true]);
          continue;
        }
        const code = answer === 'over_issue' ? 'validation' : 'conflict';
        expect([status, action, result]).toMatchObject([status, action, { ok: false, error: { code, key: answer } }]);
        expect(changeLog(d.file)).toHaveLength(before);
      }
    }
  });

  it('refuses everything on a closed receipt and on a posted or cancelled stocktake, writing nothing', async () => {
    const d = await openPartsDesk();
    const receipt = await stockUp(d, { 'WM-PUMP-01': 3 }, '2026-01-02');
    const before = changeLog(d.file).length;
    const receiptCalls = [
      await d.call(
        'parts.receiptAddLine',
        { receiptId: receipt.id, partId: d.partId('WM-BELT-02'), deliveredQty: 1, unitCostFen: 100 },
        d.as.clerk,
      ),
      await d.call(
        'parts.receiptInspect',
        { receiptId: receipt.id, lineId: receipt.lines[0]!.id, acceptedQty: 3, rejectedQty: 0 },
        d.as.clerk,
      ),
      await d.call('parts.receiptClose', { receiptId: receipt.id }, d.as.clerk),
    ];
    for (const result of receiptCalls)
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'conflict', key: 'receipt_closed', field: 'receiptId' },
      });
    expect(changeLog(d.file)).toHaveLength(before);

    const posted = await d.ok('parts.stocktakeStart', { binPrefix: '' }, d.as.clerk);
    for (const line of posted.lines)
      await d.ok(
        'parts.stocktakeCount',
        { stocktakeId: posted.id, lineId: line.id, countedQty: line.bookQty! },
        d.as.clerk,
      );
    await d.ok('parts.stocktakePost', { stocktakeId: posted.id }, d.as.lead);
    const cancelled = await d.ok('parts.stocktakeStart', {}, d.as.clerk);
    await d.ok('parts.stocktakeCancel', { stocktakeId: cancelled.id, reason: '重新盘点' }, d.as.lead);
    const afterSheets = changeLog(d.file).length;
    for (const sheet of [posted, cancelled]) {
      const line = sheet.lines[0]!;
      const results = [
        await d.call('parts.stocktakeCount', { stocktakeId: sheet.id, lineId: line.id, countedQty: 1 }, d.as.clerk),
        await d.call('parts.stocktakeScan', { stocktakeId: sheet.id, partNo: line.partNo, qty: 1 }, d.as.clerk),
        await d.call('parts.stocktakePost', { stocktakeId: sheet.id }, d.as.lead),
        await d.call('parts.stocktakeCancel', { stocktakeId: sheet.id, reason: '再取消' }, d.as.lead),
      ];
      for (const result of results)
        expect(result).toMatchObject({
          ok: false,
          error: { code: 'conflict', key: 'stocktake_closed', field: 'stocktakeId' },
        });
    }
    expect(changeLog(d.file)).toHaveLength(afterSheets);
  });
});
