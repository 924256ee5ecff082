/**
 * Charges and payments through the real dispatcher (db/charges/methods.ts): labour, discounts,
 * deposits, payments and refunds, the balance, who may do what, and amounts that are refused.
 */
import { describe, expect, it } from 'vitest';
import { changeLog } from '../../support/inspect';
import { openTicketDesk, sh, type TicketDesk } from '../tickets-fixture';
import { repairTicket } from './fixture';

async function labour(d: TicketDesk, ticketId: string, unitPriceFen: number, quantity = 1, covered = false) {
  return d.ok('counter', 'charges.addLabour', {
    ticketId,
    description: '更换压缩机工时',
    quantity,
    unitPriceFen,
    covered,
  });
}

describe('charges on a repair', () => {
  it('takes a deposit, adds labour, takes the balance and shows nothing due', async () => {
    const d = await openTicketDesk();
    const ticket = await repairTicket(d);
    let charges = await d.ok('counter', 'charges.take', {
      ticketId: ticket.id,
      kind: 'deposit',
      method: 'cash',
      amountFen: 10_000,
    });
    // A deposit before any charge: the customer is owed it back until work is charged.
    expect(charges).toMatchObject({ chargesFen: 0, paidFen: 10_000, balanceFen: -10_000, balanceDueFen: 0 });
    charges = await labour(d, ticket.id, 8_000, 2);
    expect(charges).toMatchObject({
      chargesFen: 16_000,
      balanceFen: 6_000,
      balanceDueFen: 6_000,
      underWarranty: false,
    });
    expect(charges.lineViews[0]).toMatchObject({
      kind: 'labour',
      quantity: 2,
      unitPriceFen: 8_000,
      amountFen: 16_000,
      createdByName: '李娜',
    });
    charges = await d.ok('counter', 'charges.take', {
      ticketId: ticket.id,
      kind: 'payment',
      method: 'wechat',
      amountFen: 6_000,
    });
    expect(charges).toMatchObject({ paidFen: 16_000, balanceFen: 0, balanceDueFen: 0 });
    expect(charges.paymentViews.map((p) => [p.kind, p.method, p.amountFen, p.deviceId, p.takenByName])).toEqual([
      ['deposit', 'cash', 10_000, 'S012-2', '李娜'],
      ['payment', 'wechat', 6_000, 'S012-2', '李娜'],
    ]);
    expect(await d.ok('technician', 'charges.summary', { ticketId: ticket.id })).toMatchObject({ balanceFen: 0 });
  });

  it('writes one change-log row per line and payment, and a void as an update of the void fields only', async () => {
    const d = await openTicketDesk();
    const ticket = await repairTicket(d);
    const before = changeLog(d.file).length;
    const charges = await labour(d, ticket.id, 5_000);
    await d.ok('counter', 'charges.take', { ticketId: ticket.id, kind: 'deposit', method: 'alipay', amountFen: 2_000 });
    await d.ok('counter', 'charges.voidLine', { lineId: charges.lineViews[0]!.id, reason: '录错' });
    const rows = changeLog(d.file).slice(before);
    expect(rows.map((r) => [r.entity, r.op])).toEqual([
      ['charge_line', 'insert'],
      ['payment', 'append'],
      ['charge_line', 'update'],
    ]);
    expect(Object.keys(rows[2]!.fields as object).sort()).toEqual(['voidReason', 'voidedAt', 'voidedBy']);
  });

  it('gives discounts with a reason, never below zero, and only to those allowed', async () => {
    const d = await openTicketDesk();
    const ticket = await repairTicket(d);
    await labour(d, ticket.id, 10_000);
    expect(
      await d.refused('counter', 'charges.addDiscount', { ticketId: ticket.id, amountFen: 1_000, reason: '老客户' }),
    ).toMatchObject({
      code: 'permission_denied',
    });
    expect(
      await d.refused('cs_lead', 'charges.addDiscount', { ticketId: ticket.id, amountFen: 10_001, reason: '老客户' }),
    ).toMatchObject({
      key: 'charge_discount_below_zero',
      field: 'amountFen',
    });
    expect(
      await d.refused('cs_lead', 'charges.addDiscount', { ticketId: ticket.id, amountFen: 1_000, reason: '  ' }),
    ).toMatchObject({
      key: 'charge_reason_required',
    });
    const charges = await d.ok('cs_lead', 'charges.addDiscount', {
      ticketId: ticket.id,
      amountFen: 10_000,
      reason: '老客户',
    });
    expect(charges).toMatchObject({ chargesFen: 0, balanceFen: 0 });
    expect(charges.lineViews[1]).toMatchObject({ kind: 'discount', amountFen: -10_000, reason: '老客户' });
    // Voiding the labour now would leave the discount larger than the charges.
    const labourLine = charges.lineViews[0]!;
    expect(await d.refused('counter', 'charges.voidLine', { lineId: labourLine.id, reason: '不收' })).toMatchObject({
      key: 'charge_void_below_zero',
    });
    await d.ok('counter', 'charges.voidLine', { lineId: charges.lineViews[1]!.id, reason: '取消折扣' });
    const after = await d.ok('counter', 'charges.voidLine', { lineId: labourLine.id, reason: '不收' });
    expect(after).toMatchObject({ lines: [], chargesFen: 0 });
    expect(await d.refused('counter', 'charges.voidLine', { lineId: labourLine.id, reason: '再次' })).toMatchObject({
      key: 'charge_line_voided',
    });
  });

  it('refunds a payment the way it was paid, never more than is left of it', async () => {
    const d = await openTicketDesk();
    const ticket = await repairTicket(d);
    await labour(d, ticket.id, 30_000);
    const paid = await d.ok('counter', 'charges.take', {
      ticketId: ticket.id,
      kind: 'payment',
      method: 'card',
      amountFen: 30_000,
    });
    const paymentId = paid.paymentViews[0]!.id;
    expect(await d.refused('counter', 'charges.refund', { paymentId, amountFen: 100, reason: '多收' })).toMatchObject({
      code: 'permission_denied',
    });
    expect(
      await d.refused('manager', 'charges.refund', { paymentId, amountFen: 30_001, reason: '多收' }),
    ).toMatchObject({
      key: 'charge_refund_over_paid',
    });
    let charges = await d.ok('manager', 'charges.refund', { paymentId, amountFen: 20_000, reason: '部分退款' });
    expect(charges).toMatchObject({ paidFen: 10_000, balanceFen: 20_000 });
    expect(charges.paymentViews[0]).toMatchObject({ refundableFen: 10_000 });
    expect(charges.paymentViews[1]).toMatchObject({
      kind: 'refund',
      method: 'card',
      refundOf: paymentId,
      reason: '部分退款',
    });
    expect(
      await d.refused('manager', 'charges.refund', { paymentId, amountFen: 10_001, reason: '再退' }),
    ).toMatchObject({
      key: 'charge_refund_over_paid',
    });
    expect(
      await d.refused('manager', 'charges.refund', {
        paymentId: charges.paymentViews[1]!.id,
        amountFen: 1,
        reason: '再退',
      }),
    ).toMatchObject({ key: 'charge_refund_of_refund' });
    charges = await d.ok('cs_lead', 'charges.refund', { paymentId, amountFen: 10_000, reason: '全部退回' });
    expect(charges).toMatchObject({ paidFen: 0, balanceFen: 30_000 });
    expect(charges.paymentViews[0]).toMatchObject({ refundableFen: 0 });
  });

  it('refuses a payment beyond the balance due (a deposit takes money ahead)', async () => {
    const d = await openTicketDesk();
    const ticket = await repairTicket(d);
    await labour(d, ticket.id, 5_000);
    expect(
      await d.refused('counter', 'charges.take', {
        ticketId: ticket.id,
        kind: 'payment',
        method: 'cash',
        amountFen: 5_001,
      }),
    ).toMatchObject({ key: 'charge_payment_over_balance', field: 'amountFen' });
    await d.ok('counter', 'charges.take', { ticketId: ticket.id, kind: 'deposit', method: 'cash', amountFen: 9_000 });
  });

  it('refuses negative, fractional, oversized and non-numeric amounts by name, and writes nothing', async () => {
    const d = await openTicketDesk();
    const ticket = await repairTicket(d);
    const before = changeLog(d.file).length;
    const take = (amountFen: unknown) =>
      d.refused('counter', 'charges.take', {
        ticketId: ticket.id,
        kind: 'deposit',
        method: 'cash',
        amountFen: amountFen as number,
      });
    expect(await take(-100)).toMatchObject({ code: 'validation', field: 'amountFen', key: 'charge_amount_positive' });
    expect(await take(0)).toMatchObject({ key: 'charge_amount_positive' });
    expect(await take(12.5)).toMatchObject({ key: 'charge_amount_invalid' });
    expect(await take(1_000_000_001)).toMatchObject({ key: 'charge_amount_too_large' });
    expect(await take('100')).toMatchObject({ key: 'charge_amount_invalid' });
    expect(await take(Number.NaN)).toMatchObject({ code: 'validation', field: 'amountFen' });
    expect(
      await d.refused('counter', 'charges.take', {
        ticketId: ticket.id,
        kind: 'deposit',
        method: 'bitcoin' as 'cash',
        amountFen: 100,
      }),
    ).toMatchObject({ key: 'charge_method_invalid' });
    expect(
      await d.refused('counter', 'charges.addLabour', {
        ticketId: ticket.id,
        description: '工时',
        quantity: 1.5,
        unitPriceFen: 100,
      }),
    ).toMatchObject({ key: 'charge_qty_invalid', field: 'quantity' });
    expect(
      await d.refused('counter', 'charges.addLabour', {
        ticketId: ticket.id,
        description: 'x'.repeat(201),
        quantity: 1,
        unitPriceFen: 100,
      }),
    ).toMatchObject({ key: 'too_long', field: 'description' });
    // Each bounded on its own, the product of quantity and price is bounded too.
    expect(
      await d.refused('counter', 'charges.addLabour', {
        ticketId: ticket.id,
        description: '工时',
        quantity: 999,
        unitPriceFen: 1_000_000_000,
      }),
    ).toMatchObject({ key: 'charge_amount_too_large' });
    expect(changeLog(d.file).length).toBe(before);
  });

  it('lets only counter roles take money: technicians and the parts group are refused in the dispatcher', async () => {
    const d = await openTicketDesk();
    const ticket = await repairTicket(d);
    for (const who of ['technician', 'parts_clerk'] as const) {
      expect(
        await d.refused(who, 'charges.addLabour', {
          ticketId: ticket.id,
          description: '工时',
          quantity: 1,
          unitPriceFen: 100,
        }),
      ).toMatchObject({
        code: 'permission_denied',
      });
      expect(
        await d.refused(who, 'charges.take', { ticketId: ticket.id, kind: 'deposit', method: 'cash', amountFen: 100 }),
      ).toMatchObject({ code: 'permission_denied' });
      expect(await d.refused(who, 'charges.takings', { date: '2026-11-23' })).toMatchObject({
        code: 'permission_denied',
      });
    }
    for (const who of ['counter', 'repair_lead', 'cs_lead', 'manager', 'admin'] as const)
      await d.ok(who, 'charges.take', { ticketId: ticket.id, kind: 'deposit', method: 'cash', amountFen: 100 });
  });

  it('charges only repairs and after-sales requests', async () => {
    const d = await openTicketDesk();
    const customer = await d.customer('钱女士');
    const consultation = await d.ok('counter', 'tickets.create', {
      type: 'consultation',
      customerId: customer.id,
      channel: 'phone',
      question: '空调清洗多少钱？',
      answer: '柜台报价 120 元',
    });
    expect(
      await d.refused('counter', 'charges.take', {
        ticketId: consultation.id,
        kind: 'deposit',
        method: 'cash',
        amountFen: 100,
      }),
    ).toMatchObject({ key: 'charge_ticket_type' });
  });

  it("counts a day's takings per method, counter PC and staff member on the store's own day", async () => {
    const d = await openTicketDesk(sh('2026-11-22 23:40'));
    const ticket = await repairTicket(d);
    await labour(d, ticket.id, 100_000);
    // 23:50 in Shanghai is still the 22nd there, though 15:50 UTC.
    d.setTime(sh('2026-11-22 23:50'));
    await d.ok('counter', 'charges.take', { ticketId: ticket.id, kind: 'deposit', method: 'cash', amountFen: 1_000 });
    d.setTime(sh('2026-11-23 09:10'));
    await d.ok('counter', 'charges.take', { ticketId: ticket.id, kind: 'deposit', method: 'cash', amountFen: 20_000 });
    d.setTime(sh('2026-11-23 10:00'));
    const paid = await d.ok('cs_lead', 'charges.take', {
      ticketId: ticket.id,
      kind: 'payment',
      method: 'wechat',
      amountFen: 50_000,
    });
    d.setTime(sh('2026-11-23 23:59'));
    await d.ok('cs_lead', 'charges.refund', {
      paymentId: paid.paymentViews.at(-1)!.id,
      amountFen: 5_000,
      reason: '多收',
    });
    d.setTime(sh('2026-11-24 00:01'));
    await d.ok('counter', 'charges.take', { ticketId: ticket.id, kind: 'payment', method: 'alipay', amountFen: 3_000 });

    const day = await d.ok('counter', 'charges.takings', { date: '2026-11-23' });
    expect(day).toMatchObject({ date: '2026-11-23', timeZone: 'Asia/Shanghai', thisDevice: 'S012-2' });
    expect(day.total).toEqual({
      byMethod: { cash: 20_000, wechat: 45_000, alipay: 0, card: 0, account: 0 },
      receivedFen: 70_000,
      refundedFen: 5_000,
      netFen: 65_000,
      count: 3,
    });
    expect(day.byDevice).toEqual([expect.objectContaining({ deviceId: 'S012-2', netFen: 65_000 })]);
    expect(day.byStaff.map((s) => [s.name, s.receivedFen, s.refundedFen, s.netFen])).toEqual([
      ['张敏', 50_000, 5_000, 45_000],
      ['李娜', 20_000, 0, 20_000],
    ]);
    expect(day.payments.map((p) => [p.kind, p.amountFen, p.ticketNumber])).toEqual([
      ['deposit', 20_000, ticket.number],
      ['payment', 50_000, ticket.number],
      ['refund', 5_000, ticket.number],
    ]);
    expect((await d.ok('counter', 'charges.takings', { date: '2026-11-22' })).total.netFen).toBe(1_000);
    expect(await d.refused('counter', 'charges.takings', { date: '2026-13-01' })).toMatchObject({ field: 'date' });

    // The PC's clock set back to the morning of the 23rd: the payment cannot slip into a closed day.
    d.setTime(sh('2026-11-23 08:00'));
    await d.ok('counter', 'charges.take', { ticketId: ticket.id, kind: 'deposit', method: 'card', amountFen: 700 });
    expect((await d.ok('counter', 'charges.takings', { date: '2026-11-23' })).total.netFen).toBe(65_000);
    expect((await d.ok('counter', 'charges.takings', { date: '2026-11-24' })).total.byMethod).toMatchObject({
      alipay: 3_000,
      card: 700,
    });
  });
});
