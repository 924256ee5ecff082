import { describe, expect, it } from 'vitest';
import { suggestedQty } from '../../db/parts/reports/queries';
import { openTestDesk } from '../support/temp-store';
import { openPartsDesk, openRepairTicket, stockUp } from '../support/parts-desk';
import { DEMO_EXPECTED, DEMO_PARTS } from '../support/seed-parts';
import { seedStore } from '../support/seed';

const DAY = 86_400_000;

describe('parts reports', () => {
  it('suggests whole reorder quantities that lift the stock position above the level', () => {
    expect(suggestedQty(4, 3, 10)).toBe(0);
    expect(suggestedQty(3, 3, 10)).toBe(10);
    expect(suggestedQty(-8, 3, 10)).toBe(20);
    expect(suggestedQty(0, 2, 0)).toBe(3);
  });

  it('lists parts at or below their reorder level, counting approved demand, with a purchase amount', async () => {
    const d = await openPartsDesk();
    // Pump: level 3, 4 in stock but 2 approved for a repair → position 2 → order 10.
    // Belt: level 5, 6 in stock → fine. Thermostat: level 2, none → order 6. Remote: no level.
    await stockUp(d, { 'WM-PUMP-01': 4, 'WM-BELT-02': 6 }, '2026-01-02');
    const ticket = await openRepairTicket(d);
    const form = await d.ok(
      'parts.requisitionCreate',
      { ticketId: ticket.id, lines: [{ partId: d.partId('WM-PUMP-01'), qty: 2 }] },
      d.as.technician,
    );
    await d.ok('parts.requisitionApprove', { requisitionId: form.id }, d.as.lead);

    const list = await d.ok('parts.reorderList', {}, d.as.clerk);
    expect(list.items.map((l) => [l.partNo, l.onHand, l.demand, l.suggestedQty, l.amountFen])).toEqual([
      ['AC-CAP-04', 0, 0, 10, 10 * 1500],
      ['RF-THERM-03', 0, 0, 6, 6 * 2800],
      ['WM-PUMP-01', 4, 2, 10, 10 * 4500],
    ]);
    // Grouped by the preferred supplier, so the list splits into purchase orders.
    expect(list.items.map((l) => l.supplierName)).toEqual([
      '宁波海天制冷配件厂',
      '苏州恒达电器配件有限公司',
      '苏州恒达电器配件有限公司',
    ]);
    expect(list.totalFen).toBe(6 * 2800 + 10 * 1500 + 10 * 4500);
    expect(await d.call('parts.reorderList', {}, d.as.technician)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    expect(await d.ok('parts.alerts', {}, d.as.technician)).toEqual({
      negative: 0,
      reorder: 3,
      toApprove: 0,
      toIssue: 1,
    });

    // Retiring a part takes it off the list.
    const therm = await d.ok('parts.get', { id: d.partId('RF-THERM-03') });
    await d.ok('parts.update', {
      ...therm,
      supplierIds: therm.suppliers.map((s) => s.id),
      models: [...therm.models],
      retired: true,
    });
    expect((await d.ok('parts.reorderList', {})).items.map((l) => l.partNo)).toEqual(['AC-CAP-04', 'WM-PUMP-01']);
  });

  it('reports slow stock: no issue in N days, by the value tied up', async () => {
    let now = Date.parse('2026-03-01T02:00:00.000Z');
    const d = await openPartsDesk({ now: () => now });
    // Delivered on 1 March: pumps, capacitors. A belt delivery keyed in late, dated 1 October last year.
    await stockUp(d, { 'WM-PUMP-01': 5, 'AC-CAP-04': 4 }, '2026-03-01');
    await stockUp(d, { 'WM-BELT-02': 10 }, '2025-10-01');
    now += 100 * DAY;
    await d.signInAgain();
    const ticket = await openRepairTicket(d);
    const form = await d.ok(
      'parts.requisitionCreate',
      { ticketId: ticket.id, lines: [{ partId: d.partId('WM-PUMP-01'), qty: 1 }] },
      d.as.technician,
    );
    await d.ok('parts.requisitionApprove', { requisitionId: form.id }, d.as.lead);
    await d.ok(
      'parts.requisitionIssue',
      { requisitionId: form.id, lines: [{ lineId: form.lines[0]!.id, qty: 1 }] },
      d.as.clerk,
    );
    now += 20 * DAY;
    await d.signInAgain();

    const slow = await d.ok('parts.slowMoving', { days: 90 }, d.as.lead);
    expect(slow.items.map((l) => [l.partNo, l.onHand, l.idleDays, l.valueFen])).toEqual([
      // 151 days from 1 October to 1 March, then 120 more; valued at the catalogue cost.
      ['WM-BELT-02', 10, 271, 10 * 1200],
      ['AC-CAP-04', 4, 120, 4 * 1500],
    ]);
    expect(slow.items[0]).toMatchObject({ lastIssueAt: null, inStockSince: '2025-10-01' });
    expect(slow.totalFen).toBe(18_000);
    // Over a shorter window the pump, issued 20 days ago, is slow too.
    expect((await d.ok('parts.slowMoving', { days: 10 })).items.map((l) => l.partNo)).toContain('WM-PUMP-01');
    expect(await d.call('parts.slowMoving', { days: 0 })).toMatchObject({ ok: false, error: { key: 'days_range' } });
  });

  it('does not suggest reordering what the slow-moving report says never moves, unless it is reserved', async () => {
    let now = Date.parse('2026-03-01T02:00:00.000Z');
    const d = await openPartsDesk({ now: () => now });
    // Capacitors (level 4): 3 delivered on 1 March and never issued. Pumps (level 3): 2 delivered then too.
    await stockUp(d, { 'AC-CAP-04': 3, 'WM-PUMP-01': 2 }, '2026-03-01');
    const partNos = async () => (await d.ok('parts.reorderList', {}, d.as.clerk)).items.map((l) => l.partNo);
    // Fresh stock is not idle yet: both are at or below their level.
    expect(await partNos()).toEqual(['AC-CAP-04', 'WM-BELT-02', 'RF-THERM-03', 'WM-PUMP-01']);

    // 100 days later a pump is issued to a repair; the capacitors still lie untouched.
    now += 100 * DAY;
    await d.signInAgain();
    const ticket = await openRepairTicket(d);
    const pump = await d.ok(
      'parts.requisitionCreate',
      { ticketId: ticket.id, lines: [{ partId: d.partId('WM-PUMP-01'), qty: 1 }] },
      d.as.technician,
    );
    await d.ok('parts.requisitionApprove', { requisitionId: pump.id }, d.as.lead);
    await d.ok(
      'parts.requisitionIssue',
      { requisitionId: pump.id, lines: [{ lineId: pump.lines[0]!.id, qty: 1 }] },
      d.as.clerk,
    );
    const slow = await d.ok('parts.slowMoving', {}, d.as.lead);
    expect(slow.items.map((l) => l.partNo)).toEqual(['AC-CAP-04']);
    // The idle capacitors are not suggested (nor counted in the badge); the belt and thermostat, never stocked, still are.
    expect(await partNos()).toEqual(['WM-BELT-02', 'RF-THERM-03', 'WM-PUMP-01']);
    expect((await d.ok('parts.alerts', {}, d.as.lead)).reorder).toBe(3);

    // A repair reserves two capacitors: now they are wanted, and the list suggests them again.
    const caps = await d.ok(
      'parts.requisitionCreate',
      { ticketId: ticket.id, lines: [{ partId: d.partId('AC-CAP-04'), qty: 2 }] },
      d.as.technician,
    );
    await d.ok('parts.requisitionApprove', { requisitionId: caps.id }, d.as.lead);
    expect(await partNos()).toEqual(['AC-CAP-04', 'WM-BELT-02', 'RF-THERM-03', 'WM-PUMP-01']);
  });

  it('flags stock below zero for the parts lead', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'AC-CAP-04': 1 }, '2026-01-02');
    await d.ok('parts.adjust', { partId: d.partId('AC-CAP-04'), qty: -3, reason: '两台电脑离线同时发料' }, d.as.lead);
    expect((await d.ok('parts.negativeStock', {}, d.as.lead)).items).toEqual([
      expect.objectContaining({ partNo: 'AC-CAP-04', locationCode: 'MAIN', onHand: -2 }),
    ]);
    expect((await d.ok('parts.alerts', {}, d.as.lead)).negative).toBe(1);
  });

  it('shows the right parts on the demo data', async () => {
    const t = await openTestDesk();
    await seedStore(t.desk, { customers: 0 });
    const staff = await t.ok('session.staffList', {});
    await t.ok('session.signIn', { staffId: staff.find((s) => s.role === 'parts_lead')!.id, pin: '5555' });
    expect((await t.ok('parts.reorderList', {})).items.map((l) => l.partNo)).toEqual(DEMO_EXPECTED.reorder);
    expect((await t.ok('parts.slowMoving', { days: 90 })).items.map((l) => l.partNo)).toEqual(DEMO_EXPECTED.slowMoving);
    const { items } = await t.ok('parts.list', {});
    expect(items).toHaveLength(DEMO_PARTS.length);
    expect(items.find((p) => p.partNo === 'AC-FILTER-12')!.onHand).toBe(40);
    expect((await t.ok('parts.supplierReturns', {})).items.map((r) => r.lines.map((l) => [l.partNo, l.qty]))).toEqual([
      [['AC-FILTER-12', 5]],
    ]);
    // A repair used a pump and a belt; a second form waits for the lead's signature.
    expect(items.find((p) => p.partNo === 'WM-PUMP-01')!.onHand).toBe(1);
    expect(await t.ok('parts.alerts', {})).toMatchObject({
      toApprove: 1,
      toIssue: 0,
      negative: 0,
      reorder: DEMO_EXPECTED.reorder.length,
    });
  });
});
