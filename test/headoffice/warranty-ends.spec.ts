/**
 * Head office's copies of warranty ends stored by the old rule (one day short) are moved on a day by
 * migration 0018, so a PC set up afterwards receives the inclusive end in its first sync; an end
 * that fits neither rule stays as typed.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  repairedWarrantyEnd,
  repairWarrantyEnds,
} from '../../headoffice/db/migrations/0018-warranty-ends-and-sms-templates';
import { openCounter, type TestCounter } from '../sync/support/counter';
import { startTestHeadOffice, type TestHeadOffice } from '../sync/support/hq';

let hq: TestHeadOffice;
const counters: TestCounter[] = [];

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012');
});

afterAll(async () => {
  for (const counter of counters) await counter.close();
  await hq?.close();
});

/** What an older counter pushed: the end one day earlier, in head office's state and feed rows. */
async function storeOldRuleEnd(productId: string, end: string) {
  for (const table of ['entity_state', 'change_feed'] as const)
    await sql`UPDATE ${sql.table(table)}
      SET state = jsonb_set(state::jsonb, '{fields,warrantyEnd}', to_jsonb(${end}::text))::json
      WHERE entity = 'product' AND entity_id = ${productId}`.execute(hq.db);
}

const localEnd = (counter: TestCounter, id: string) =>
  (counter.store.sqlite.prepare('SELECT warranty_end FROM product WHERE id = ?').get(id) as { warranty_end: string })
    .warranty_end;

describe('warranty ends held by head office', () => {
  it('a new PC’s first sync receives the inclusive end once head office’s rows are repaired', async () => {
    const first = await openCounter(hq, { counterNo: 1 });
    counters.push(first);
    const customer = await first.ok('customers.create', { name: '赵六', phones: [{ number: '13600001234' }] });
    const add = (purchaseDate: string, category: string) =>
      first.ok('customers.addProduct', { customerId: customer.id, category, brand: '海信', model: 'X', purchaseDate });
    const tv = await add('2025-09-18', 'tv');
    const monthEnd = await add('2025-01-31', 'tv');
    const typed = await add('2025-03-10', 'tv');
    expect(tv.warrantyEnd).toBe('2026-09-18');
    expect(monthEnd.warrantyEnd).toBe('2026-01-31');
    await first.sync();
    await storeOldRuleEnd(tv.id, '2026-09-17');
    await storeOldRuleEnd(monthEnd.id, '2026-01-30');
    await storeOldRuleEnd(typed.id, '2026-02-20');

    // Before the repair a new PC is handed the short end: what the migration is for.
    const before = await openCounter(hq, { counterNo: 2 });
    counters.push(before);
    await before.sync();
    expect(localEnd(before, tv.id)).toBe('2026-09-17');

    await repairWarrantyEnds(hq.db);
    const after = await openCounter(hq, { counterNo: 3 });
    counters.push(after);
    await after.sync();
    expect(localEnd(after, tv.id)).toBe('2026-09-18');
    expect(localEnd(after, monthEnd.id)).toBe('2026-01-31');
    expect(localEnd(after, typed.id)).toBe('2026-02-20');

    // The feed rows too: a PC pulling the history gets the same end as the snapshot.
    const feed = await sql<{ end: string }>`SELECT state->'fields'->>'warrantyEnd' AS end FROM change_feed
      WHERE entity = 'product' AND entity_id = ${tv.id}`.execute(hq.db);
    expect(feed.rows.map((r) => r.end)).toEqual(feed.rows.map(() => '2026-09-18'));
  });
});

describe('repairedWarrantyEnd', () => {
  it('moves only an end one day before a whole number of months', () => {
    expect(repairedWarrantyEnd('2025-09-18', '2026-09-17')).toBe('2026-09-18');
    expect(repairedWarrantyEnd('2025-01-31', '2025-02-27')).toBe('2025-02-28');
    expect(repairedWarrantyEnd('2024-02-29', '2025-02-27')).toBe('2025-02-28');
    expect(repairedWarrantyEnd('2022-11-01', '2025-10-31')).toBe('2025-11-01');
    // Already inclusive, typed, or not dates: left.
    expect(repairedWarrantyEnd('2025-09-18', '2026-09-18')).toBeNull();
    expect(repairedWarrantyEnd('2025-01-31', '2025-02-28')).toBeNull();
    expect(repairedWarrantyEnd('2025-03-10', '2026-02-20')).toBeNull();
    expect(repairedWarrantyEnd('2025-02-30', '2026-02-28')).toBeNull();
    expect(repairedWarrantyEnd('2025-09-18', null)).toBeNull();
    expect(repairedWarrantyEnd('2025-09-18', '2025-09-17')).toBeNull();
  });
});
