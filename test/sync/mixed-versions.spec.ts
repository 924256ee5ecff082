/**
 * docs/SYNC.md F19, the part the PC owns: a newer Counterdesk at the same store writes a column this PC's
 * version does not have; the value reaches this PC through head office and is kept aside
 * (pending_unknown), not dropped; after this PC is upgraded to a schema with that column, its next
 * sync replays the value into the record (db/sync/pending-replay.ts) without re-syncing anything
 * else and without sending it back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { SCHEMA_VERSION } from '../../db/migrations/index';
import { recordChange } from '../../db/sync/change-log';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { expectInvariants } from './support/oracle';

let hq: TestHeadOffice;
let newer: TestCounter;
let older: TestCounter;
const folder = mkdtempSync(join(tmpdir(), 'counterdesk-versions-'));
const olderFile = join(folder, 'older.sqlite');

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S031');
  newer = await openCounter(hq, { storeCode: 'S031', counterNo: 1 });
  older = await openCounter(hq, { storeCode: 'S031', counterNo: 2, file: olderFile });
});

afterAll(async () => {
  await newer?.close();
  await older?.close();
  await hq?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The migration a later version would bring: customers get loyalty points. */
const addLoyaltyColumn = (sqlite: Database.Database) =>
  sqlite.prepare('ALTER TABLE customer ADD COLUMN loyalty_points INTEGER').run();

describe('a PC one version behind', () => {
  it('keeps a newer column’s value aside, and replays it into the record after its upgrade', async () => {
    addLoyaltyColumn(newer.store.sqlite);
    const customer = await newer.ok('customers.create', { name: '赵六', phones: [{ number: '13612345678' }] });
    // The newer version's own write of its new column, logged as any change.
    await newer.store.db.transaction().execute(async (trx) => {
      const tx = {
        trx,
        txId: newId(),
        staffId: null,
        nowIso: new Date().toISOString(),
        stamp: () => newer.store.hlc.send(),
      };
      const hlc = tx.stamp();
      await trx.updateTable('customer').set({ hlc }).where('id', '=', customer.id).execute();
      newer.store.sqlite.prepare('UPDATE customer SET loyalty_points = 120 WHERE id = ?').run(customer.id);
      await recordChange(tx, {
        entity: 'customer',
        entityId: customer.id,
        op: 'update',
        hlc,
        fields: { loyaltyPoints: 120 },
      });
    });
    await newer.sync();
    await older.sync();

    // The older PC has the customer, and the value it cannot store yet is kept, not dropped.
    expect(readTable(olderFile, 'SELECT name FROM customer WHERE id = ?', customer.id)).toEqual([{ name: '赵六' }]);
    expect(readTable(olderFile, 'SELECT entity, entity_id, field, value FROM pending_unknown')).toEqual([
      { entity: 'customer', entity_id: customer.id, field: 'loyaltyPoints', value: '120' },
    ]);
    const cursorBefore = readTable<{ value: string }>(
      olderFile,
      "SELECT value FROM sync_state WHERE key = 'pull_cursor'",
    )[0]!.value;
    const changesBefore = readTable<{ n: number }>(olderFile, 'SELECT count(*) AS n FROM change_log')[0]!.n;

    // The upgrade: the app closes, the new version migrates the file and starts again.
    await older.close();
    const file = new Database(olderFile);
    addLoyaltyColumn(file);
    // The marker the previous version left: it replayed for its own schema, not this one.
    file.prepare("UPDATE sync_state SET value = ? WHERE key = 'pending_replay_schema'").run(String(SCHEMA_VERSION - 1));
    file.close();
    older = await openCounter(hq, { storeCode: 'S031', counterNo: 2, file: olderFile, setUp: false, enroll: false });
    await older.sync();

    expect(readTable(olderFile, 'SELECT loyalty_points FROM customer WHERE id = ?', customer.id)).toEqual([
      { loyalty_points: 120 },
    ]);
    expect(readTable(olderFile, 'SELECT count(*) AS n FROM pending_unknown')).toEqual([{ n: 0 }]);
    // No resync and nothing sent back: the cursor did not go back and the outbox did not grow.
    expect(
      readTable<{ value: string }>(olderFile, "SELECT value FROM sync_state WHERE key = 'pull_cursor'")[0]!.value,
    ).toBe(cursorBefore);
    expect(readTable<{ n: number }>(olderFile, 'SELECT count(*) AS n FROM change_log')[0]!.n).toBe(changesBefore);
    expect(older.logger.entries.some((e) => e.message === 'kept-aside values replayed')).toBe(true);
    await newer.sync();
    await expectInvariants(hq, [newer, older]);
  });
});
