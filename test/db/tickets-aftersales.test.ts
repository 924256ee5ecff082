/**
 * After-sales service (售后服务, docs/DOMAIN.md §4): request with proof of purchase → verify → plan
 * (replace / repair / refund) → the customer confirms → carry it out → done → follow up.
 */
import { describe, expect, it } from 'vitest';
import type { StepInput, TicketDetail } from '../../db/api';
import { changeLog } from '../support/inspect';
import { openTicketDesk, sh, type TicketDesk, type Who } from './tickets-fixture';

function act(d: TicketDesk, who: Who, ticket: TicketDetail, step: StepInput): Promise<TicketDetail> {
  return d.ok(who, 'tickets.act', { ticketId: ticket.id, version: ticket.version, step });
}

async function request(
  d: TicketDesk,
  purchaseDate: string,
  productId?: string,
  customerId?: string,
): Promise<TicketDetail> {
  const owner = customerId ?? (await d.customer('孙先生')).id;
  return d.ok('counter', 'tickets.create', {
    type: 'aftersales',
    customerId: owner,
    ...(productId ? { productId } : {}),
    channel: 'in_store',
    receiptNo: 'NO.20261102-778',
    purchaseDate,
    model: 'XQG100-14',
    serial: 'SN7781234',
    fault: '洗衣机脱水时剧烈震动并报 E4',
    wants: 'replace',
  });
}

describe('an after-sales request', () => {
  it('is verified, planned, declined by the customer, re-planned, confirmed, carried out (waiting for parts) and followed up', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    let ticket = await request(d, '2026-11-20');
    expect(ticket).toMatchObject({
      status: 'requested',
      warranty: 'return_window',
      form: { receiptNo: 'NO.20261102-778', wants: 'replace' },
    });

    ticket = await act(d, 'counter', ticket, { action: 'verify', findings: '小票与型号、序列号一致，故障复现' });
    // Only leads decide the plan.
    expect(
      await d.refused('counter', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'decide_plan', plan: 'repair', details: 'x' },
      }),
    ).toMatchObject({
      key: 'ticket_role_not_allowed',
    });
    ticket = await act(d, 'manager', ticket, { action: 'decide_plan', plan: 'repair', details: '更换减震器' });
    ticket = await act(d, 'counter', ticket, { action: 'customer_declines', reason: '七天内要求换新' });
    expect(ticket.status).toBe('verified');
    ticket = await act(d, 'manager', ticket, { action: 'decide_plan', plan: 'replace', details: '换同型号新机' });
    ticket = await act(d, 'counter', ticket, { action: 'customer_confirms' });
    ticket = await act(d, 'repair_lead', ticket, { action: 'start_work' });
    ticket = await act(d, 'repair_lead', ticket, { action: 'wait_parts', note: '新机调货中' });
    // While waiting only resuming (and reassigning, escalating, voiding) is possible.
    expect(ticket.allowedSteps).toEqual(expect.arrayContaining(['resume']));
    expect(ticket.allowedSteps).not.toContain('mark_done');
    expect(
      await d.refused('repair_lead', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'mark_done', result: 'x' },
      }),
    ).toMatchObject({ key: 'ticket_paused' });
    ticket = await act(d, 'repair_lead', ticket, { action: 'resume' });
    ticket = await act(d, 'repair_lead', ticket, { action: 'mark_done', result: '新机已送达并安装' });
    expect(ticket).toMatchObject({ status: 'follow_up', followUpDue: '2026-11-26' });

    ticket = await d.ok('counter', 'tickets.recordFollowUp', {
      ticketId: ticket.id,
      version: ticket.version,
      reached: false,
      comments: '无人接听',
    });
    expect(ticket).toMatchObject({ status: 'follow_up', followUpDue: '2026-11-24' });
    ticket = await d.ok('counter', 'tickets.recordFollowUp', {
      ticketId: ticket.id,
      version: ticket.version,
      reached: true,
      rating: 5,
      problemSolved: true,
      productWorks: 'works_well',
      comments: '很满意',
    });
    expect(ticket.status).toBe('closed');
    expect(ticket.timeline.filter((e) => e.action.startsWith('follow_up')).map((e) => e.action)).toEqual([
      'follow_up_unreached',
      'follow_up_satisfied',
    ]);
  });

  it('can be declined by the manager, with the reason', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    let ticket = await request(d, '2024-01-10');
    expect(ticket.warranty).toBe('expired');
    expect(
      await d.refused('counter', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'decline', reason: '过保' },
      }),
    ).toMatchObject({ code: 'permission_denied' });
    ticket = await act(d, 'manager', ticket, { action: 'decline', reason: '已过三包期，建议付费维修' });
    expect(ticket).toMatchObject({ status: 'declined', allowedSteps: [] });
    expect(
      await d.refused('manager', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'verify', findings: 'x' },
      }),
    ).toMatchObject({ key: 'ticket_final' });
  });

  it('computes the warranty from the registered product and refuses a product of another customer', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const owner = await d.customer('周女士');
    const product = await d.ok('admin', 'customers.addProduct', {
      customerId: owner.id,
      category: 'washer',
      brand: '海尔',
      model: 'XQG100-14',
      serial: 'SN7781234',
      purchaseDate: '2026-03-01',
      receiptNo: 'R1',
    });
    const ticket = await request(d, '2026-03-01', product.id, owner.id);
    expect(ticket).toMatchObject({
      warranty: 'in_warranty',
      product: { id: product.id, label: '海尔 XQG100-14', warrantyEnd: '2027-03-01' },
    });

    const stranger = await d.customer('路人甲');
    const wrong = await d.refused('counter', 'tickets.create', {
      type: 'aftersales',
      customerId: stranger.id,
      productId: product.id,
      channel: 'phone',
      receiptNo: 'R1',
      purchaseDate: '2026-03-01',
      model: 'XQG100-14',
      fault: '不转',
    });
    expect(wrong).toMatchObject({ code: 'validation', key: 'ticket_product_unknown', field: 'productId' });
  });

  it('needs the proof of purchase, and a purchase date that is not in the future', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const customer = await d.customer();
    const missing = await d.refused('counter', 'tickets.create', {
      type: 'aftersales',
      customerId: customer.id,
      channel: 'phone',
      receiptNo: '',
      purchaseDate: '2026-11-01',
      model: '',
      fault: '坏了',
    });
    expect(missing.issues?.map((i) => [i.field, i.key])).toEqual([
      ['receiptNo', 'required'],
      ['model', 'required'],
    ]);
    const future = await d.refused('counter', 'tickets.create', {
      type: 'aftersales',
      customerId: customer.id,
      channel: 'phone',
      receiptNo: 'R',
      purchaseDate: '2026-12-01',
      model: 'M',
      fault: '坏了',
    });
    expect(future).toMatchObject({ key: 'purchase_date_future', field: 'purchaseDate' });
    const badDate = await d.refused('counter', 'tickets.create', {
      type: 'aftersales',
      customerId: customer.id,
      channel: 'phone',
      receiptNo: 'R',
      purchaseDate: '2026-02-30',
      model: 'M',
      fault: '坏了',
    });
    expect(badDate).toMatchObject({ key: 'date_invalid', field: 'purchaseDate' });
  });

  it('logs the header once and each step as an appended event; derived state is never sent', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const ticket = await request(d, '2026-11-20');
    await act(d, 'counter', ticket, { action: 'verify', findings: '属实' });
    const rows = changeLog(d.file).filter((c) => c.entity.startsWith('ticket'));
    expect(rows.map((r) => [r.entity, r.op])).toEqual([
      ['ticket', 'insert'],
      ['ticket_event', 'append'],
      ['ticket_event', 'append'],
    ]);
    expect(Object.keys(rows[0]!.fields)).not.toContain('status');
    expect(rows[2]!.fields).toMatchObject({
      ticketId: ticket.id,
      action: 'verify',
      fromStatus: 'requested',
      toStatus: 'verified',
      data: JSON.stringify({ findings: '属实' }),
    });
  });
});
