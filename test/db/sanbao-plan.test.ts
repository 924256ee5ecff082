/**
 * The after-sales plan under the 三包 windows (db/tickets/plan-window.ts): a refund outside the
 * return window or an exchange outside the exchange window needs `aftersales.outsideWindow` and a
 * reason; a purchase date that is not known counts as outside; the decision records the window,
 * the purchase date and the reason; a refusal writes nothing.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { StepInput, TicketDetail } from '../../db/api';
import { ROLE_PERMISSIONS, ROLES } from '../../db/staff/roles';
import { openTicketDesk, sh, type TicketDesk, type Who } from './tickets-fixture';

// Requests are taken on 2026-11-23 (Shanghai): bought 11-16 is the 7-day window's last day,
// bought 11-08 the 15-day window's.
const TAKEN = sh('2026-11-23 10:00');

function act(d: TicketDesk, who: Who, ticket: TicketDetail, step: StepInput): Promise<TicketDetail> {
  return d.ok(who, 'tickets.act', { ticketId: ticket.id, version: ticket.version, step });
}

async function verified(
  d: TicketDesk,
  purchaseDate: string,
  product?: { id: string; customerId: string },
): Promise<TicketDetail> {
  const customer = product ? { id: product.customerId } : await d.customer('孙先生');
  const ticket = await d.ok('counter', 'tickets.create', {
    type: 'aftersales',
    customerId: customer.id,
    ...(product ? { productId: product.id } : {}),
    channel: 'in_store',
    receiptNo: 'NO.20261102-778',
    purchaseDate,
    model: 'XQG100-14',
    serial: 'SN7781234',
    fault: '洗衣机脱水时剧烈震动并报 E4',
    wants: 'refund',
  });
  return act(d, 'counter', ticket, { action: 'verify', findings: '故障复现' });
}

const decide = (plan: 'refund' | 'replace' | 'repair', overrideReason?: string): StepInput => ({
  action: 'decide_plan',
  plan,
  details: '按三包处理',
  ...(overrideReason !== undefined ? { overrideReason } : {}),
});

function planEvent(d: TicketDesk, ticketId: string): Record<string, unknown> {
  const db = new Database(d.file, { readonly: true });
  try {
    const row = db
      .prepare(`SELECT data FROM ticket_event WHERE ticket_id = ? AND action = 'decide_plan' ORDER BY hlc DESC LIMIT 1`)
      .get(ticketId) as { data: string };
    return JSON.parse(row.data) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

async function refusedStep(d: TicketDesk, who: Who, ticket: TicketDetail, step: StepInput) {
  const error = await d.refused(who, 'tickets.act', { ticketId: ticket.id, version: ticket.version, step });
  // Nothing was written: the ticket is as it was.
  const after = await d.ok(who, 'tickets.get', { id: ticket.id });
  expect(after).toMatchObject({ status: 'verified', version: ticket.version });
  expect(after.timeline).toHaveLength(ticket.timeline.length);
  return error;
}

describe('a refund or exchange decided under the 三包 windows', () => {
  it('may be decided outside its window only by after-sales managers and the admin', () => {
    expect(ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('aftersales.outsideWindow'))).toEqual([
      'aftersales_manager',
      'admin',
    ]);
  });

  it('is decided by a lead inside its window, and the event records the window', async () => {
    const d = await openTicketDesk(TAKEN);
    const refund = await verified(d, '2026-11-16');
    expect(refund.sanbao).toMatchObject({ status: 'return_window', returnUntil: '2026-11-23', daysLeft: 0 });
    await act(d, 'cs_lead', refund, decide('refund'));
    expect(planEvent(d, refund.id)).toEqual({
      plan: 'refund',
      details: '按三包处理',
      window: {
        kind: 'return',
        days: 7,
        purchaseDate: '2026-11-16',
        until: '2026-11-23',
        judgedOn: '2026-11-23',
        inside: true,
      },
    });
    const exchange = await verified(d, '2026-11-08');
    await act(d, 'cs_lead', exchange, decide('replace'));
    expect(planEvent(d, exchange.id)).toMatchObject({
      window: { kind: 'exchange', until: '2026-11-23', inside: true },
    });
    // A repair is not a 三包 window's remedy: nothing recorded, nothing asked.
    const repair = await verified(d, '2020-01-01');
    await act(d, 'cs_lead', repair, decide('repair'));
    expect(planEvent(d, repair.id)).toEqual({ plan: 'repair', details: '按三包处理' });
  });

  it('the day after a window: a lead is refused, a manager without a reason is refused, with one it is recorded', async () => {
    const d = await openTicketDesk(TAKEN);
    const ticket = await verified(d, '2026-11-15');
    expect(ticket.sanbao).toMatchObject({ status: 'exchange_window', returnUntil: '2026-11-22' });
    expect(await refusedStep(d, 'cs_lead', ticket, decide('refund', '顾客坚持'))).toMatchObject({
      code: 'permission_denied',
      key: 'plan_outside_return_manager',
    });
    expect(await refusedStep(d, 'manager', ticket, decide('refund'))).toMatchObject({
      code: 'validation',
      key: 'plan_outside_return_reason',
      field: 'step.overrideReason',
    });
    expect(await refusedStep(d, 'manager', ticket, decide('refund', '   '))).toMatchObject({
      key: 'plan_outside_return_reason',
    });
    // An exchange is still inside its window for anyone who may decide.
    const exchanged = await verified(d, '2026-11-15');
    await act(d, 'cs_lead', exchanged, decide('replace'));

    const done = await act(d, 'manager', ticket, decide('refund', '质量问题反复维修未果，经理特批退货'));
    expect(done.status).toBe('plan_decided');
    expect(planEvent(d, ticket.id)).toMatchObject({
      plan: 'refund',
      overrideReason: '质量问题反复维修未果，经理特批退货',
      window: { kind: 'return', days: 7, purchaseDate: '2026-11-15', until: '2026-11-22', inside: false },
    });
    const entry = done.timeline.find((e) => e.action === 'decide_plan');
    expect(entry?.data).toMatchObject({ overrideReason: '质量问题反复维修未果，经理特批退货' });
  });

  it('an exchange the day after the exchange window needs the manager; the admin may too', async () => {
    const d = await openTicketDesk(TAKEN);
    const ticket = await verified(d, '2026-11-07');
    expect(ticket.sanbao?.status).toBe('in_warranty');
    expect(await refusedStep(d, 'cs_lead', ticket, decide('replace', '顾客要求'))).toMatchObject({
      key: 'plan_outside_exchange_manager',
    });
    expect(await refusedStep(d, 'manager', ticket, decide('replace'))).toMatchObject({
      key: 'plan_outside_exchange_reason',
    });
    await act(d, 'admin', ticket, decide('replace', '同型号缺货改换新机'));
    expect(planEvent(d, ticket.id)).toMatchObject({ window: { kind: 'exchange', until: '2026-11-22', inside: false } });
  });

  it('treats a request without a purchase date (taken before the date was required) as outside, and says so', async () => {
    const d = await openTicketDesk(TAKEN);
    const taken = await verified(d, '2026-11-20');
    const db = new Database(d.file);
    db.prepare(`UPDATE ticket SET form = json_set(form, '$.purchaseDate', '') WHERE id = ?`).run(taken.id);
    db.close();
    const ticket = await d.ok('cs_lead', 'tickets.get', { id: taken.id });
    expect(ticket.sanbao?.status).toBe('unknown');
    expect(await refusedStep(d, 'cs_lead', ticket, decide('refund', 'x'))).toMatchObject({
      key: 'plan_purchase_unknown_manager',
    });
    expect(await refusedStep(d, 'manager', ticket, decide('replace'))).toMatchObject({
      key: 'plan_purchase_unknown_reason',
    });
    await act(d, 'manager', ticket, decide('replace', '发票日期待补，先行换货'));
    expect(planEvent(d, ticket.id)).toMatchObject({ window: { purchaseDate: null, until: null, inside: false } });
  });

  it('uses the category’s own window, and keeps the request’s day when the clock is later set back', async () => {
    const d = await openTicketDesk(TAKEN);
    const db = new Database(d.file);
    db.prepare(`UPDATE product_category SET return_days = 30 WHERE code = 'fridge'`).run();
    db.close();
    const customer = await d.customer('钱女士');
    const product = await d.ok('admin', 'customers.addProduct', {
      customerId: customer.id,
      category: 'fridge',
      brand: '海尔',
      model: 'BCD-470',
      purchaseDate: '2026-10-25',
    });
    const ticket = await verified(d, '2026-10-25', { id: product.id, customerId: customer.id });
    expect(ticket.sanbao).toMatchObject({ status: 'return_window', returnUntil: '2026-11-24', daysLeft: 1 });
    // The PC's clock goes back a month: the request was still taken on 11-23.
    d.setTime(sh('2026-10-20 10:00'));
    await act(d, 'cs_lead', ticket, decide('refund'));
    expect(planEvent(d, ticket.id)).toMatchObject({ window: { days: 30, until: '2026-11-24', inside: true } });
  });

  it('refuses an oversized reason by name, writing nothing', async () => {
    const d = await openTicketDesk(TAKEN);
    const ticket = await verified(d, '2026-11-01');
    expect(await refusedStep(d, 'manager', ticket, decide('refund', '因'.repeat(501)))).toMatchObject({
      code: 'validation',
      key: 'too_long',
    });
  });
});
