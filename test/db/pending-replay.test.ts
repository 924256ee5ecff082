/**
 * docs/SYNC.md F19 on the PC: values a pull kept aside in pending_unknown under an older schema are
 * replayed after the upgrade through the same merge as a pull (db/sync/pending-replay.ts): a newer
 * kept value lands, an older one loses to what the PC holds, what this version still does not know
 * stays kept, derived data (the search index) follows, and it happens once per schema.
 */
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../db/migrations/index';
import { formatHlc } from '../../db/sync/hlc';
import { replayPendingUnknown } from '../../db/sync/pending-replay';
import { setState } from '../../db/sync/state';
import { readTable } from '../support/inspect';
import { openTestDesk, setUpStore } from '../support/temp-store';

const NODE = 'f'.repeat(32);
const newer = (offsetMs = 1_000) => formatHlc({ millis: Date.now() + offsetMs, counter: 0, node: NODE });
const older = formatHlc({ millis: 1_600_000_000_000, counter: 0, node: NODE });

async function storeWithKeptValues() {
  const t = await openTestDesk();
  await setUpStore(t);
  const zhang = (await t.ok('customers.create', { name: '张三', phones: [{ number: '13912345678' }] })).id;
  const li = (await t.ok('customers.create', { name: '李四', phones: [{ number: '13812345678' }] })).id;
  const wang = (await t.ok('customers.create', { name: '王五', phones: [{ number: '13712345678' }] })).id;
  const sqlite = t.desk.store!.sqlite;
  const keep = sqlite.prepare(
    "INSERT INTO pending_unknown (entity, entity_id, field, value, hlc, received_at) VALUES (?, ?, ?, ?, ?, '2026-11-01T00:00:00.000Z')",
  );
  keep.run('customer', zhang, 'notes', JSON.stringify('新版本写的备注'), newer());
  keep.run('customer', zhang, 'name', JSON.stringify('张三（旧）'), older);
  keep.run('customer', zhang, 'loyaltyPoints', '120', newer());
  keep.run('customer', li, 'name', JSON.stringify('李思'), newer());
  keep.run('customer', wang, '~deleted', null, newer());
  keep.run('warranty_claim', 'claim-1', 'status', JSON.stringify('open'), newer());
  keep.run('customer', li, 'tier', 'not json', newer());
  // Kept while this PC ran the schema before this one.
  setState(t.desk.store!.statements, 'pending_replay_schema', SCHEMA_VERSION - 1);
  return { t, sqlite, zhang, li, wang };
}

const names = async (t: Awaited<ReturnType<typeof openTestDesk>>, query: string) =>
  (await t.ok('customers.search', { query })).items.map((c) => c.name).sort();

describe('values kept aside under an older schema', () => {
  it('are replayed through the merge once the PC runs a newer schema', async () => {
    const { t, zhang, li, wang } = await storeWithKeptValues();
    const result = await replayPendingUnknown(t.desk.store!, t.desk.sync!);
    // Four records: 张三 (three fields), 李四, 王五 (a tombstone), the claim; two of them kept aside again.
    expect(result).toEqual({ replayed: 4, keptAside: 2 });

    const customers = readTable<{ id: string; name: string; notes: string; deleted_at: string | null }>(
      t.file,
      'SELECT id, name, notes, deleted_at FROM customer ORDER BY name',
    );
    const byId = new Map(customers.map((c) => [c.id, c]));
    // The newer note lands; the older name loses to the counter's later one.
    expect(byId.get(zhang)).toMatchObject({ name: '张三', notes: '新版本写的备注' });
    expect(byId.get(li)!.name).toBe('李思');
    expect(byId.get(wang)!.deleted_at).not.toBeNull();
    // The search index follows the replayed name, as after a pull.
    expect(await names(t, '李思')).toEqual(['李思']);
    expect(await names(t, '李四')).toEqual([]);

    // Still unknown here (a column, a table) or unreadable: kept, nothing else.
    expect(readTable(t.file, 'SELECT entity, field, value FROM pending_unknown ORDER BY entity, field')).toEqual([
      { entity: 'customer', field: 'loyaltyPoints', value: '120' },
      { entity: 'customer', field: 'tier', value: 'not json' },
      { entity: 'warranty_claim', field: 'status', value: JSON.stringify('open') },
    ]);
    // Replayed values are remote values: nothing goes back into the outbox for them.
    expect(readTable(t.file, "SELECT count(*) AS n FROM change_log WHERE fields LIKE '%新版本写的备注%'")).toEqual([
      { n: 0 },
    ]);
    expect(readTable(t.file, "SELECT value FROM sync_state WHERE key = 'pending_replay_schema'")).toEqual([
      { value: String(SCHEMA_VERSION) },
    ]);

    // Once per schema: running again changes nothing.
    expect(await replayPendingUnknown(t.desk.store!, t.desk.sync!)).toEqual({ replayed: 0, keptAside: 0 });
    expect(readTable(t.file, 'SELECT count(*) AS n FROM pending_unknown')).toEqual([{ n: 3 }]);
    await t.desk.close();
  });

  it('does nothing on a PC that already replayed for this schema', async () => {
    const { t } = await storeWithKeptValues();
    setState(t.desk.store!.statements, 'pending_replay_schema', SCHEMA_VERSION);
    expect(await replayPendingUnknown(t.desk.store!, t.desk.sync!)).toEqual({ replayed: 0, keptAside: 0 });
    expect(readTable(t.file, 'SELECT count(*) AS n FROM pending_unknown')).toEqual([{ n: 7 }]);
    await t.desk.close();
  });
});
