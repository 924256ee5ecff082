/**
 * A ticket of this counter that a pull kept aside (pending_unknown) still holds its number: the
 * next ticket taken here continues above it instead of giving the number out a second time.
 */
import { describe, expect, it } from 'vitest';
import { openTestDesk, setUpStore } from '../support/temp-store';

describe('ticket numbers and kept-aside tickets', () => {
  it('continues above the number of a kept-aside ticket of this counter, and ignores other counters’ numbers', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const customer = await t.ok('customers.create', { name: '吴芳', phones: [{ number: '13600001234' }] });
    const intake = {
      type: 'complaint',
      customerId: customer.id,
      channel: 'in_store',
      category: 'service_attitude',
      whatHappened: '排队太久',
      customerWants: '道歉',
    } as const;
    const first = await t.ok('tickets.create', intake);
    const prefix = first.number.slice(0, -4);
    const stem = prefix.split('-');
    const otherCounter = `${stem[0]}-${Number(stem[1]) + 1}-${stem[2]}-0042`;
    const keep = t.desk.store!.sqlite.prepare(
      "INSERT INTO pending_unknown (entity, entity_id, field, value, hlc, received_at, kind, reason) VALUES ('ticket', ?, 'number', ?, 'x', '2026-12-07T00:00:00.000Z', 'refused', 'incomplete')",
    );
    keep.run('kept-1', JSON.stringify(`${prefix}0007`));
    keep.run('kept-2', JSON.stringify(otherCounter));
    const next = await t.ok('tickets.create', intake);
    expect(next.number).toBe(`${prefix}0008`);
    await t.desk.close();
  });

  it('a parts document (stocktake) continues above a kept-aside one of this counter', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const first = await t.ok('parts.stocktakeStart', { note: '月度盘点' });
    const stem = first.number.slice(0, -4);
    t.desk
      .store!.sqlite.prepare(
        "INSERT INTO pending_unknown (entity, entity_id, field, value, hlc, received_at, kind, reason) VALUES ('stocktake', 'kept-st', 'number', ?, 'x', '2026-12-07T00:00:00.000Z', 'refused', 'incomplete')",
      )
      .run(JSON.stringify(`${stem}0011`));
    await t.ok('parts.stocktakeCancel', { stocktakeId: first.id, reason: '重新开始' });
    const next = await t.ok('parts.stocktakeStart', { note: '复盘' });
    expect(next.number).toBe(`${stem}0012`);
    await t.desk.close();
  });
});
