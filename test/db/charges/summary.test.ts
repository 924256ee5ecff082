/**
 * The charge summary's arithmetic (db/charges/summary.ts): covered lines cost the customer nothing
 * and count as what the warranty pays, discounts lower the charges, refunds lower what was paid,
 * and voided lines drop out. Integer fen throughout.
 */
import { describe, expect, it } from 'vitest';
import { loadChargeSummary, summarizeCharges, type ChargeSummaryLine } from '../../../db/charges/summary';
import { openTicketDesk } from '../tickets-fixture';
import { repairTicket } from './fixture';

const line = (
  over: Partial<ChargeSummaryLine> & Pick<ChargeSummaryLine, 'id' | 'kind' | 'amountFen'>,
): ChargeSummaryLine => ({
  description: over.kind,
  partId: null,
  quantity: 1,
  unitPriceFen: Math.max(0, over.amountFen),
  covered: false,
  reason: '',
  ...over,
});

describe('the charge summary', () => {
  it('adds labour and parts, leaves covered lines at zero, subtracts discounts and refunds', () => {
    const summary = summarizeCharges(
      [
        line({ id: 'l1', kind: 'labour', quantity: 2, unitPriceFen: 8_000, amountFen: 16_000 }),
        // Under warranty: the customer pays nothing, the warranty pays 2 × 45.50.
        line({
          id: 'p1',
          kind: 'part',
          partId: 'part-1',
          quantity: 2,
          unitPriceFen: 4_550,
          covered: true,
          amountFen: 0,
        }),
        line({ id: 'p2', kind: 'part', partId: 'part-2', quantity: 3, unitPriceFen: 1_999, amountFen: 5_997 }),
        line({ id: 'd1', kind: 'discount', unitPriceFen: 0, amountFen: -1_997, reason: '老客户' }),
      ],
      [
        {
          id: 'a',
          kind: 'deposit',
          method: 'cash',
          amountFen: 5_000,
          refundOf: null,
          reason: '',
          takenAt: '2026-11-23T02:00:00.000Z',
        },
        {
          id: 'b',
          kind: 'payment',
          method: 'wechat',
          amountFen: 20_000,
          refundOf: null,
          reason: '',
          takenAt: '2026-11-23T03:00:00.000Z',
        },
        {
          id: 'c',
          kind: 'refund',
          method: 'wechat',
          amountFen: 3_000,
          refundOf: 'b',
          reason: '多收',
          takenAt: '2026-11-23T04:00:00.000Z',
        },
      ],
    );
    expect(summary.chargesFen).toBe(16_000 + 0 + 5_997 - 1_997);
    expect(summary.coveredFen).toBe(9_100);
    expect(summary.paidFen).toBe(5_000 + 20_000 - 3_000);
    expect(summary.balanceFen).toBe(20_000 - 22_000);
  });

  it('is all zero for a ticket with nothing on it', () => {
    expect(summarizeCharges([], [])).toEqual({
      lines: [],
      payments: [],
      chargesFen: 0,
      coveredFen: 0,
      paidFen: 0,
      balanceFen: 0,
    });
  });

  it("reads a ticket's lines without the voided ones, and its payments in the order they were taken", async () => {
    const d = await openTicketDesk();
    const ticket = await repairTicket(d);
    const db = d.desk.store!.db;
    const base = {
      ticketId: ticket.id,
      partId: null,
      sourceId: null,
      reason: '',
      createdBy: null,
      voidedAt: null,
      voidedBy: null,
      voidReason: '',
    };
    await db
      .insertInto('chargeLine')
      .values([
        {
          ...base,
          id: 'l2',
          kind: 'labour',
          description: '复检',
          quantity: 1,
          unitPriceFen: 3_000,
          covered: 0,
          amountFen: 3_000,
          createdAt: '2026-11-23T01:02:00.000Z',
          hlc: 'b',
        },
        {
          ...base,
          id: 'l1',
          kind: 'labour',
          description: '检测',
          quantity: 1,
          unitPriceFen: 5_000,
          covered: 0,
          amountFen: 5_000,
          createdAt: '2026-11-23T01:01:00.000Z',
          hlc: 'a',
        },
        {
          ...base,
          id: 'l3',
          kind: 'labour',
          description: '作废',
          quantity: 1,
          unitPriceFen: 9_000,
          covered: 0,
          amountFen: 9_000,
          createdAt: '2026-11-23T01:03:00.000Z',
          hlc: 'c',
          voidedAt: '2026-11-23T01:04:00.000Z',
          voidReason: '录错',
        },
      ])
      .execute();
    const pay = {
      ticketId: ticket.id,
      method: 'cash' as const,
      refundOf: null,
      reason: '',
      takenBy: null,
      deviceId: 'S012-2',
    };
    await db
      .insertInto('payment')
      .values([
        { ...pay, id: 'p2', kind: 'payment', amountFen: 4_000, takenAt: '2026-11-23T02:00:00.000Z', hlc: 'e' },
        { ...pay, id: 'p1', kind: 'deposit', amountFen: 2_000, takenAt: '2026-11-23T01:30:00.000Z', hlc: 'd' },
      ])
      .execute();
    const summary = await loadChargeSummary(db, ticket.id);
    expect(summary.lines.map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(summary.lines[0]).toMatchObject({ covered: false, amountFen: 5_000 });
    expect(summary.payments.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(summary).toMatchObject({ chargesFen: 8_000, coveredFen: 0, paidFen: 6_000, balanceFen: 2_000 });
  });

  it('refuses a fractional amount in storage', async () => {
    const d = await openTicketDesk();
    const ticket = await repairTicket(d);
    const insert = d.desk.store!.db.insertInto('payment').values({
      id: 'x',
      ticketId: ticket.id,
      kind: 'payment',
      method: 'cash',
      amountFen: 10.5,
      refundOf: null,
      reason: '',
      takenBy: null,
      deviceId: 'S012-2',
      takenAt: '2026-11-23T01:30:00.000Z',
      hlc: 'a',
    });
    await expect(insert.execute()).rejects.toThrow(/CHECK constraint/);
  });
});
