/**
 * Clearance of slow stock (db/parts/clearance/): a job is charged the clearance price for a part
 * issued while it is on clearance, the catalogue price once the clearance ended (stock gone, or by
 * hand); who may set it; bad prices named, nothing written.
 */
import { describe, expect, it } from 'vitest';
import { count, readTable } from '../support/inspect';
import { openPartsDesk, openRepairTicket, stockUp, type PartsDesk } from '../support/parts-desk';

async function issue(d: PartsDesk, ticketId: string, partNo: string, qty: number) {
  const requested = await d.ok(
    'parts.requisitionCreate',
    { ticketId, note: '', lines: [{ partId: d.partId(partNo), qty }] },
    d.as.technician,
  );
  await d.ok('parts.requisitionApprove', { requisitionId: requested.id }, d.as.lead);
  await d.ok(
    'parts.requisitionIssue',
    { requisitionId: requested.id, lines: [{ lineId: requested.lines[0]!.id, qty }] },
    d.as.clerk,
  );
}

async function partLines(d: PartsDesk, ticketId: string) {
  const summary = await d.ok('charges.summary', { ticketId }, d.as.counter);
  return summary.lines.map((l) => [l.quantity, l.unitPriceFen]);
}

describe('clearance of slow stock', () => {
  it('charges the clearance price while it lasts and ends it when the stock is gone', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 3 }, '2026-01-02');
    const pump = d.partId('WM-PUMP-01');
    const started = await d.ok(
      'parts.clearanceStart',
      { partId: pump, priceFen: 5_000, reason: '型号淘汰' },
      d.as.lead,
    );
    expect(started).toMatchObject({ priceFen: 5_000, reason: '型号淘汰', startedByName: 'lead-staff' });
    expect((await d.ok('parts.get', { id: pump })).clearance).toMatchObject({ priceFen: 5_000 });
    const [slow] = (await d.ok('parts.slowMoving', { days: 1 }, d.as.lead)).items.filter((l) => l.partId === pump);
    expect(slow).toMatchObject({ priceFen: 8_800, clearance: { priceFen: 5_000 } });

    const first = await openRepairTicket(d);
    await issue(d, first.id, 'WM-PUMP-01', 2);
    expect(await partLines(d, first.id)).toEqual([[2, 5_000]]);

    // The last unit leaves the shelf at the clearance price, and the clearance ends with it.
    const second = await openRepairTicket(d);
    await issue(d, second.id, 'WM-PUMP-01', 1);
    expect(await partLines(d, second.id)).toEqual([[1, 5_000]]);
    expect((await d.ok('parts.get', { id: pump })).clearance).toBeNull();
    expect(readTable(d.file, 'SELECT end_kind, ended_by IS NOT NULL AS by FROM part_clearance')).toEqual([
      { end_kind: 'sold_out', by: 1 },
    ]);

    // New stock comes in: it sells at the catalogue price again.
    await stockUp(d, { 'WM-PUMP-01': 2 }, '2026-01-03');
    const third = await openRepairTicket(d);
    await issue(d, third.id, 'WM-PUMP-01', 1);
    expect(await partLines(d, third.id)).toEqual([[1, 8_800]]);
  });

  it('charges the catalogue price after the clearance is ended by hand', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-BELT-02': 5 }, '2026-01-02');
    const belt = d.partId('WM-BELT-02');
    await d.ok('parts.clearanceStart', { partId: belt, priceFen: 2_000, reason: '积压一年' }, d.as.lead);
    // A lower price replaces the first: both stay in the history, the newer one applies.
    await d.ok('parts.clearanceStart', { partId: belt, priceFen: 1_500, reason: '再降价' }, d.admin);
    const ticket = await openRepairTicket(d);
    await issue(d, ticket.id, 'WM-BELT-02', 1);
    expect(await partLines(d, ticket.id)).toEqual([[1, 1_500]]);

    expect(await d.ok('parts.clearanceEnd', { partId: belt, reason: '恢复原价' }, d.as.lead)).toEqual({ ended: 1 });
    const later = await openRepairTicket(d);
    await issue(d, later.id, 'WM-BELT-02', 1);
    expect(await partLines(d, later.id)).toEqual([[1, 3_000]]);
    // What was issued during the clearance keeps its price.
    expect(await partLines(d, ticket.id)).toEqual([[1, 1_500]]);
    expect(
      readTable(
        d.file,
        'SELECT price_fen, end_kind, end_reason FROM part_clearance ORDER BY started_at, price_fen DESC',
      ),
    ).toEqual([
      { price_fen: 2_000, end_kind: 'by_hand', end_reason: '再降价' },
      { price_fen: 1_500, end_kind: 'by_hand', end_reason: '恢复原价' },
    ]);
    expect(await d.call('parts.clearanceEnd', { partId: belt }, d.as.lead)).toMatchObject({
      ok: false,
      error: { key: 'clearance_none_open' },
    });
  });

  it('lets the parts lead and the manager set a clearance, nobody else', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-BELT-02': 5 }, '2026-01-02');
    const belt = d.partId('WM-BELT-02');
    const input = { partId: belt, priceFen: 2_000, reason: '积压' };
    for (const who of [d.as.clerk, d.as.technician, d.as.counter]) {
      expect(await d.call('parts.clearanceStart', input, who)).toMatchObject({
        ok: false,
        error: { code: 'permission_denied' },
      });
      expect(await d.call('parts.clearanceEnd', { partId: belt }, who)).toMatchObject({
        ok: false,
        error: { code: 'permission_denied' },
      });
    }
    const manager = await d.ok('staff.create', { name: '王经理', role: 'aftersales_manager', pin: '4321' });
    const window = { sessionId: null };
    await d.ok('session.signIn', { staffId: manager.id, pin: '4321' }, window);
    await d.ok('parts.clearanceStart', input, window);
    expect(count(d.file, 'part_clearance')).toBe(1);
  });

  it('names a price that is not reduced, a part without stock and bad amounts, writing nothing', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-BELT-02': 5 }, '2026-01-02');
    const before = count(d.file, 'change_log');
    const start = (input: Record<string, unknown>) =>
      d.call(
        'parts.clearanceStart',
        { partId: d.partId('WM-BELT-02'), priceFen: 1_000, reason: '积压', ...input } as never,
        d.as.lead,
      );
    expect(await start({ priceFen: 3_000 })).toMatchObject({
      ok: false,
      error: { key: 'clearance_not_reduced', field: 'priceFen' },
    });
    expect(await start({ partId: d.partId('AC-CAP-04') })).toMatchObject({
      ok: false,
      error: { key: 'clearance_no_stock' },
    });
    for (const priceFen of [-1, 10.5, 2_000_000_000])
      expect(await start({ priceFen })).toMatchObject({
        ok: false,
        error: { issues: [expect.objectContaining({ field: 'priceFen', key: 'money_invalid' })] },
      });
    expect(await start({ reason: '' })).toMatchObject({
      ok: false,
      error: { issues: [expect.objectContaining({ field: 'reason', key: 'reason_required' })] },
    });
    expect(await start({ reason: '长'.repeat(201) })).toMatchObject({
      ok: false,
      error: { issues: [expect.objectContaining({ field: 'reason', key: 'too_long' })] },
    });
    expect(count(d.file, 'change_log')).toBe(before);
    expect(count(d.file, 'part_clearance')).toBe(0);
  });
});
