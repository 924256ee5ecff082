/**
 * A colleague added on another PC of the store arrives by sync without a PIN (PINs never leave a
 * PC). Signing in as her here must say that an admin has to set her PIN on this PC — not "Wrong
 * PIN" — and must not count toward the PIN lockout; once the PIN is set here she signs in.
 */
import { describe, expect, it } from 'vitest';
import type { ClientState } from '../../db/desk-types';
import { applyRecords } from '../../db/sync/apply';
import { syncedEntities } from '../../db/synced-entities';
import type { FeedRecord } from '../../db/sync/protocol';
import { readTable } from '../support/inspect';
import { openTestDesk, setUpStore, type TestDesk } from '../support/temp-store';

/** PC 1's change-log rows for one staff member, as head office's feed would carry her to PC 2. */
function feedRecordFrom(pc1: TestDesk, staffId: string): FeedRecord {
  const rows = readTable<{ fields: string; hlc: string }>(
    pc1.file,
    "SELECT fields, hlc FROM change_log WHERE entity = 'staff' AND entity_id = ? ORDER BY seq",
    staffId,
  );
  const fields: Record<string, unknown> = {};
  const clocks: Record<string, string> = {};
  for (const row of rows) {
    for (const [field, value] of Object.entries(JSON.parse(row.fields) as Record<string, unknown>)) {
      fields[field] = value;
      clocks[field] = row.hlc;
    }
  }
  expect(Object.keys(fields)).not.toContain('pinHash');
  return {
    serverSeq: 1,
    txId: 'tx-from-pc1',
    entity: 'staff',
    entityId: staffId,
    state: { fields, clocks, deleted: null },
  };
}

async function colleagueSyncedFromPc1() {
  const pc1 = await openTestDesk();
  await setUpStore(pc1);
  const lina = await pc1.ok('staff.create', { name: '李娜', role: 'counter_staff', pin: '1357' });
  const pc2 = await openTestDesk();
  await setUpStore(pc2, { adminPin: '8642' });
  const store = pc2.desk.store!;
  store.sqlite.transaction(() =>
    applyRecords(store.statements, [feedRecordFrom(pc1, lina.id)], {
      rules: syncedEntities,
      hlc: store.hlc,
      serverTimeMs: Date.now(),
      nowIso: new Date().toISOString(),
    }),
  )();
  return { pc1, pc2, lina };
}

describe('signing in as a colleague synced from another PC', () => {
  it('she is on the sign-in list, but this PC holds no PIN for her', async () => {
    const { pc1, pc2, lina } = await colleagueSyncedFromPc1();
    expect((await pc2.ok('session.staffList', {})).map((s) => s.name)).toContain('李娜');
    const [row] = readTable<{ pin_hash: string }>(pc2.file, 'SELECT pin_hash FROM staff WHERE id = ?', lina.id);
    expect(row!.pin_hash).not.toMatch(/^scrypt\$/);
    await pc1.desk.close();
    await pc2.desk.close();
  });

  it('says an admin must set her PIN here (not "Wrong PIN"), and never locks her out for it', async () => {
    const { pc1, pc2, lina } = await colleagueSyncedFromPc1();
    const counter: ClientState = { sessionId: null };
    // Her own PIN from PC 1, then guesses: all answered the same way, none counted.
    for (const pin of ['1357', '0000', '1111', '2222', '3333', '4444', '5555']) {
      expect(await pc2.call('session.signIn', { staffId: lina.id, pin }, counter)).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'setup_needed', key: 'pin_not_set_here', field: 'pin' }) as unknown,
      });
    }
    // PC 2's admin (signed in on the default client) sets her PIN on the Staff page.
    await pc2.ok('staff.update', { id: lina.id, name: '李娜', role: 'counter_staff', active: true, pin: '2580' });
    // Seven refusals above counted nothing: the first try with the new PIN signs her in.
    expect((await pc2.ok('session.signIn', { staffId: lina.id, pin: '2580' }, counter)).name).toBe('李娜');
    await pc1.desk.close();
    await pc2.desk.close();
  });

  it('a wrong PIN of someone who has one here is still "Wrong PIN" and still counts', async () => {
    const { pc1, pc2 } = await colleagueSyncedFromPc1();
    const admin = (await pc2.ok('session.staffList', {})).find((s) => s.name === '王经理')!;
    const other: ClientState = { sessionId: null };
    for (let i = 0; i < 5; i++)
      expect(await pc2.call('session.signIn', { staffId: admin.id, pin: '0000' }, other)).toMatchObject({
        ok: false,
        error: { key: 'bad_pin' },
      });
    expect(await pc2.call('session.signIn', { staffId: admin.id, pin: '8642' }, other)).toMatchObject({
      ok: false,
      error: { code: 'pin_locked' },
    });
    await pc1.desk.close();
    await pc2.desk.close();
  });
});
