/**
 * A requisition signed line by line on two counter PCs of a store while each is offline: each
 * line's decision (quantity, decision, reason, who) travels under one stamp, so after both sync
 * every PC and head office hold the later signature whole, the form's status agrees with its
 * lines, and the event log keeps both signatures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { expectInvariants } from './support/oracle';
import { hqPart } from './support/parts';

let hq: TestHeadOffice;
let a: TestCounter;
let b: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S041');
  a = await openCounter(hq, { storeCode: 'S041', counterNo: 1 });
  b = await openCounter(hq, { storeCode: 'S041', counterNo: 2 });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await hq?.close();
});

describe('requisition lines signed on two PCs', () => {
  it('merge: the later signature wins each line whole, and the status follows it everywhere', async () => {
    const pump = hqPart('WM-PUMP-01', 8_800);
    const belt = hqPart('WM-BELT-02', 3_000);
    await hq.write([pump, belt]);
    await a.sync();
    const customer = await a.ok('customers.create', { name: '吴先生', phones: [{ number: '13900002222' }] });
    const ticket = await a.ok('tickets.create', {
      type: 'repair',
      customerId: customer.id,
      location: 'in_store',
      fault: '洗衣机不排水',
      condition: '外观完好',
    });
    const form = await a.ok('parts.requisitionCreate', {
      ticketId: ticket.id,
      lines: [
        { partId: pump.entityId, qty: 2 },
        { partId: belt.entityId, qty: 3 },
      ],
    });
    const [pumpLine, beltLine] = form.lines.map((l) => l.id) as [string, string];
    await a.sync();
    await b.sync();
    expect((await b.ok('parts.requisition', { id: form.id })).status).toBe('requested');

    // Offline: A's lead approves everything; a moment later B's lead reduces the pump and rejects the belt.
    await a.ok('parts.requisitionApprove', { requisitionId: form.id });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await b.ok('parts.requisitionApprove', {
      requisitionId: form.id,
      lines: [
        { lineId: pumpLine, approvedQty: 1, reason: '先换一个' },
        { lineId: beltLine, approvedQty: 0, reason: '皮带完好' },
      ],
    });
    for (const counter of [a, b, a, b]) await counter.sync();

    for (const counter of [a, b]) {
      const view = await counter.ok('parts.requisition', { id: form.id });
      expect(view.status).toBe('approved');
      expect(view.lines.map((l) => [l.approvedQty, l.decision, l.decisionReason, l.toIssueQty])).toEqual([
        [1, 'reduced', '先换一个', 1],
        [0, 'rejected', '皮带完好', 0],
      ]);
      expect(view.lines.every((l) => l.decidedByName === '管理员2')).toBe(true);
      expect(view.events.map((e) => [e.kind, e.staffName])).toEqual([
        ['requested', '管理员1'],
        ['approved', '管理员1'],
        ['approved', '管理员2'],
      ]);
      // What B approved is all that can be issued, on either PC.
      expect(
        await counter.call('parts.requisitionIssue', {
          requisitionId: form.id,
          lines: [{ lineId: beltLine, qty: 1 }],
        }),
      ).toMatchObject({ ok: false, error: { key: 'over_issue' } });
    }
    expect(readTable(b.file, 'SELECT decision, decision_reason FROM requisition_line ORDER BY position')).toEqual(
      readTable(a.file, 'SELECT decision, decision_reason FROM requisition_line ORDER BY position'),
    );

    await expectInvariants(hq, [a, b]);
  });

  it('a rejection on one PC and an approval on the other: the later one decides status and lines together', async () => {
    const pump = hqPart('AC-CAP-04', 4_000);
    await hq.write([pump]);
    await a.sync();
    const customer = await a.ok('customers.create', { name: '郑女士', phones: [{ number: '13900003333' }] });
    const ticket = await a.ok('tickets.create', {
      type: 'repair',
      customerId: customer.id,
      location: 'in_store',
      fault: '空调不启动',
      condition: '外观完好',
    });
    const form = await a.ok('parts.requisitionCreate', {
      ticketId: ticket.id,
      lines: [{ partId: pump.entityId, qty: 1 }],
    });
    await a.sync();
    await b.sync();
    await b.ok('parts.requisitionApprove', { requisitionId: form.id });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await a.ok('parts.requisitionReject', { requisitionId: form.id, reason: '电容未坏' });
    for (const counter of [b, a, b, a]) await counter.sync();
    for (const counter of [a, b]) {
      const view = await counter.ok('parts.requisition', { id: form.id });
      expect([view.status, view.rejectReason]).toEqual(['rejected', '电容未坏']);
      expect(view.lines.map((l) => [l.approvedQty, l.decision, l.decisionReason])).toEqual([
        [0, 'rejected', '电容未坏'],
      ]);
    }
    await expectInvariants(hq, [a, b]);
  });
});
