import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTestDesk, setUpStore } from '../support/temp-store';

/** Tickets and a follow-up call as the tickets area writes them, behind the desk's back: this tests the customer's history only. */
function insertTicket(
  file: string,
  t: { id: string; number: string; customerId: string; type: string; createdAt: string; rating?: number },
): void {
  const db = new Database(file);
  try {
    db.prepare(
      `INSERT INTO ticket (id, number, store_id, customer_id, type, priority, summary, form, created_at, updated_at, hlc, status, state_hlc)
       VALUES (?, ?, 'store', ?, ?, 'normal', '冰箱不制冷', '{}', ?, ?, '0', 'closed', '0')`,
    ).run(t.id, t.number, t.customerId, t.type, t.createdAt, t.createdAt);
    if (t.rating !== undefined) {
      db.prepare(
        `INSERT INTO ticket_event (id, ticket_id, action, at, data, hlc) VALUES (?, ?, 'follow_up_satisfied', ?, ?, '1')`,
      ).run(`${t.id}-fu`, t.id, t.createdAt, JSON.stringify({ rating: t.rating }));
    }
  } finally {
    db.close();
  }
}

describe('the customer’s history', () => {
  it('lists every ticket of any type newest first, with its follow-up rating, the merged duplicate’s tickets included', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const keep = await t.ok('customers.create', { name: '张三', phones: [{ number: '13812345678' }] });
    const dup = await t.ok('customers.create', {
      name: '张三',
      phones: [{ number: '13812345678' }],
      confirmDuplicate: true,
    });
    insertTicket(t.file, {
      id: 't1',
      number: 'S012-2-20261101-0001',
      customerId: keep.id,
      type: 'repair',
      createdAt: '2026-11-01T02:00:00.000Z',
      rating: 5,
    });
    insertTicket(t.file, {
      id: 't2',
      number: 'S012-2-20261110-0003',
      customerId: dup.id,
      type: 'complaint',
      createdAt: '2026-11-10T02:00:00.000Z',
    });
    insertTicket(t.file, {
      id: 't3',
      number: 'S012-1-20261120-0002',
      customerId: keep.id,
      type: 'consultation',
      createdAt: '2026-11-20T02:00:00.000Z',
    });

    await t.ok('customers.merge', { fromId: dup.id, intoId: keep.id });
    const history = await t.ok('customers.history', { id: keep.id });
    expect(history.tickets.map((x) => [x.number, x.type])).toEqual([
      ['S012-1-20261120-0002', 'consultation'],
      ['S012-2-20261110-0003', 'complaint'],
      ['S012-2-20261101-0001', 'repair'],
    ]);
    expect(history.tickets.at(-1)!.followUp).toEqual({
      at: '2026-11-01T02:00:00.000Z',
      outcome: 'follow_up_satisfied',
      rating: 5,
    });
    expect(history.tickets[0]!.followUp).toBeNull();
    // The duplicate's ticket number still leads to the surviving customer.
    expect((await t.ok('customers.search', { query: 'S012-2-20261110' })).tickets.map((x) => x.customerId)).toEqual([
      dup.id,
    ]);
    expect((await t.ok('customers.get', { id: dup.id })).id).toBe(keep.id);
  });
});
