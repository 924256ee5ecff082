import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { migrations, SCHEMA_VERSION } from '../../../db/migrations/index';
import type { DB } from '../../../db/schema';
import type { ClientState } from '../../../db/desk-types';
import { pageInfo, writeGarbage } from '../../support/damage';
import { readTable } from '../../support/inspect';
import { openTestDesk, setUpStore, type TestDesk } from '../../support/temp-store';

const extraFolders: string[] = [];
afterEach(() => {
  for (const folder of extraFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'counterdesk-backups-'));
  extraFolders.push(made);
  return made;
}

let phoneSeq = 0;
async function addCustomers(t: TestDesk, prefix: string, n: number, as?: ClientState): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    phoneSeq += 1;
    const c = await t.ok(
      'customers.create',
      { name: `${prefix}${i}`, phones: [{ number: `139${String(phoneSeq).padStart(8, '0')}` }] },
      as,
    );
    ids.push(c.id);
  }
  return ids;
}

/** Every table's rows in a fixed order, for comparing two files. */
function contents(file: string, skip: ReadonlyArray<string> = []): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    const out: Record<string, unknown[]> = {};
    for (const table of tables.filter((t) => !skip.includes(t))) {
      out[table] = (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][])
        .map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))
        .sort();
    }
    return out;
  } finally {
    db.close();
  }
}

describe('backups of the counter store', () => {
  it('a backup taken while the counter and another connection write is consistent and has every customer committed before it began', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    // Some bulk so the copy takes a while: 20 MB in a side table, written by another connection.
    const other = new Database(t.file);
    other.pragma('busy_timeout = 5000');
    other.exec(`CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)`);
    const fill = other.prepare(`INSERT INTO filler (body) VALUES (randomblob(4000))`);
    other.transaction(() => {
      for (let i = 0; i < 5_000; i += 1) fill.run();
    })();
    const before = await addCustomers(t, '先', 30);

    let writing = true;
    let written = 0;
    const during: Promise<void> = (async () => {
      while (writing) {
        await addCustomers(t, '中', 1);
        other.prepare(`INSERT INTO filler (body) VALUES (randomblob(4000))`).run();
        written += 1;
        // Calls reach the desk as separate events (IPC, HTTP); without a turn of the event loop
        // the worker's answer could never be heard.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const entry = await t.ok('backup.create', {});
    writing = false;
    await during;
    other.close();
    expect(written).toBeGreaterThan(0);

    expect(entry).toMatchObject({ kind: 'manual', status: 'verified', problem: null });
    const copy = new Database(join(entry.folder, entry.name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('foreign_key_check')).toEqual([]);
    const ids = new Set(copy.prepare(`SELECT id FROM customer`).pluck().all() as string[]);
    for (const id of before) expect(ids.has(id)).toBe(true);
    // Whole transactions only: every customer in the copy has its phone.
    expect(
      copy
        .prepare(
          `SELECT count(*) FROM customer c WHERE NOT EXISTS (SELECT 1 FROM customer_phone p WHERE p.customer_id = c.id)`,
        )
        .pluck()
        .get(),
    ).toBe(0);
    copy.close();
    // Default folder: backups/ beside the database.
    expect(entry.folder).toBe(join(dirname(t.file), 'backups'));
    await t.desk.close();
  }, 60_000);

  it('restore gives back exactly the data of the backup’s moment, keeps sync_state, and takes a pre-restore backup first', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    await addCustomers(t, '甲', 5);
    const entry = await t.ok('backup.create', {});
    const atBackup = contents(join(entry.folder, entry.name), ['session']);

    const later = await addCustomers(t, '乙', 3);
    await t.ok('store.update', {
      name: '改名店',
      counterNo: 3,
      opensAt: '08:00',
      closesAt: '20:00',
      workingDays: [1, 2, 3, 4, 5],
      idleLockMinutes: 10,
    });
    // A call that arrives while the file is being swapped waits, then answers from the restored file.
    let duringSwap: Promise<unknown> | null = null;
    const unhook = t.desk.onReplace!({
      before: async () => {
        duringSwap = t.ok('customers.search', { query: '乙' });
      },
      after: async () => {},
    });
    const restored = await t.ok('backup.restore', { name: entry.name });
    unhook();
    expect(restored.name).toBe(entry.name);
    expect(await duringSwap).toMatchObject({ items: [] });

    // The desk answers from the restored file at once.
    const after = contents(t.file, ['session']);
    expect(after).toEqual(atBackup);
    expect(
      readTable(t.file, `SELECT id FROM customer WHERE id IN (${later.map(() => '?').join(',')})`, ...later),
    ).toEqual([]);
    expect(after['sync_state']!.length).toBeGreaterThan(0);
    const list = await t.ok('backup.list', {});
    expect(list.filter((b) => b.kind === 'pre-restore')).toHaveLength(1);
    // No stray -wal from the replaced file, and no file left aside when it was not damaged.
    expect(readdirSync(dirname(t.file)).filter((n) => n.includes('replaced') || n.includes('damaged'))).toEqual([]);
    // The store takes writes again, on the restored file.
    const store = await t.ok('store.get', {});
    expect(store.name).toBe('南京西路店');
    await addCustomers(t, '丙', 1);
    await t.desk.close();
  });

  it('a backup that fails its check is listed as failed, never offered, and cannot be restored', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    await addCustomers(t, '丁', 40);
    const good = await t.ok('backup.create', {});
    const bad = await t.ok('backup.create', {});
    const badFile = join(bad.folder, bad.name);
    const { pageSize, pageCount } = pageInfo(badFile);
    writeGarbage(badFile, Math.max(2, Math.floor(pageCount / 2)), pageSize);

    const list = await t.ok('backup.list', {});
    expect(list.find((b) => b.name === bad.name)).toMatchObject({ status: 'failed' });
    expect(list.find((b) => b.name === good.name)).toMatchObject({ status: 'verified' });
    const refused = await t.call('backup.restore', { name: bad.name });
    expect(refused).toMatchObject({ ok: false, error: { key: 'backup_failed_verification' } });
    // Verified again and found damaged: the verdict now says so even if the dates were touched back.
    expect((await t.ok('backup.list', {})).find((b) => b.name === bad.name)).toMatchObject({ status: 'failed' });
    expect(await t.ok('customers.search', { query: '丁1' })).toBeTruthy();
    await t.desk.close();
  });

  it('an unreachable backup folder gives a warning and the backup goes to the default folder', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const usb = folder();
    expect(await t.ok('backup.setFolder', { folder: usb })).toMatchObject({
      folder: usb,
      inUse: usb,
      folderWarning: null,
    });
    const onUsb = await t.ok('backup.create', {});
    expect(onUsb.folder).toBe(usb);

    rmSync(usb, { recursive: true, force: true });
    const settings = await t.ok('backup.settings', {});
    expect(settings).toMatchObject({
      folder: usb,
      inUse: join(dirname(t.file), 'backups'),
      folderWarning: { folder: usb, problem: 'folder_missing' },
    });
    expect((await t.ok('backup.status', {})).folderWarning).toEqual({ folder: usb, problem: 'folder_missing' });
    const fallback = await t.ok('backup.create', {});
    expect(fallback).toMatchObject({ status: 'verified', folder: join(dirname(t.file), 'backups') });
    expect((await t.ok('backup.list', {})).map((b) => b.name)).toContain(fallback.name);
    expect(existsSync(usb)).toBe(false);
    await t.desk.close();
  });

  it('the folder must be an absolute path that exists and may be written; only an admin may set it or restore', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    expect(await t.call('backup.setFolder', { folder: 'backups/usb' })).toMatchObject({
      ok: false,
      error: { key: 'folder_not_absolute', field: 'folder' },
    });
    expect(await t.call('backup.setFolder', { folder: '/nonexistent/counterdesk/usb' })).toMatchObject({
      ok: false,
      error: { key: 'folder_missing' },
    });
    expect(await t.call('backup.setFolder', { folder: '/x'.repeat(300) })).toMatchObject({
      ok: false,
      error: { code: 'validation', key: 'too_long' },
    });
    await t.ok('staff.create', { name: '李娜', role: 'cs_lead', pin: '1111' });
    const lead = (await t.ok('session.staffList', {})).find((s) => s.name === '李娜')!;
    const leadClient: ClientState = { sessionId: null };
    await t.ok('session.signIn', { staffId: lead.id, pin: '1111' }, leadClient);
    const entry = await t.ok('backup.create', {});
    for (const [method, input] of [
      ['backup.list', {}],
      ['backup.create', {}],
      ['backup.restore', { name: entry.name }],
      ['backup.setFolder', { folder: null }],
    ] as const) {
      expect(await t.desk.dispatch(leadClient, method, input), method).toMatchObject({
        ok: false,
        error: { code: 'permission_denied' },
      });
    }
    // A name that is not a backup's (a path) is refused before it reaches the file system.
    expect(await t.call('backup.restore', { name: '../counterdesk.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    await t.desk.close();
  });

  it('the damaged-database screen restores the newest good backup with an admin PIN; the damaged file is kept aside', async () => {
    const t = await openTestDesk();
    const admin = await setUpStore(t);
    await addCustomers(t, '戊', 60);
    const entry = await t.ok('backup.create', {});
    await t.desk.close();
    const { pageSize, pageCount } = pageInfo(t.file);
    writeGarbage(t.file, Math.floor(pageCount / 2), pageSize);

    const damaged = await openTestDesk({ file: t.file });
    const status = await damaged.ok('backup.status', {});
    expect(status.offered.map((b) => b.name)).toEqual([entry.name]);
    expect(
      await damaged.call('backup.restoreDamaged', { name: entry.name, staffId: admin.id, pin: '0000' }),
    ).toMatchObject({ ok: false, error: { code: 'bad_pin' } });
    // A signed-out caller cannot use the admin's restore.
    expect(await damaged.call('backup.restore', { name: entry.name })).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
    await damaged.ok('backup.restoreDamaged', { name: entry.name, staffId: admin.id, pin: '2468' });

    expect((await damaged.ok('backup.status', {})).damaged).toBeNull();
    expect(
      readdirSync(dirname(t.file)).filter((n) => /^counterdesk\.damaged-\d{8}T\d{9}Z\.sqlite$/.test(n)),
    ).toHaveLength(1);
    expect(readTable(t.file, `SELECT count(*) AS n FROM customer`)).toEqual([{ n: 60 }]);
    await damaged.ok('session.signIn', { staffId: admin.id, pin: '2468' });
    await addCustomers(damaged, '己', 1);
    // Not damaged any more: the PIN route is closed again.
    expect(
      await damaged.call('backup.restoreDamaged', { name: entry.name, staffId: admin.id, pin: '2468' }),
    ).toMatchObject({ ok: false, error: { key: 'database_not_damaged' } });
    await damaged.desk.close();
  });
});

describe('automatic backups', () => {
  it('takes no daily backup of a store not yet set up, and the first one once it is', async () => {
    const t = await openTestDesk();
    await t.desk.storage!.dailyBackupIfDue();
    // A copy of the empty database would be offered for restore and take the PC back to its setup.
    expect(t.desk.storage!.list()).toEqual([]);
    await setUpStore(t);
    await t.desk.storage!.dailyBackupIfDue();
    expect(t.desk.storage!.list().filter((b) => b.kind === 'daily' && b.status === 'verified')).toHaveLength(1);
    await t.desk.close();
  });

  it('a daily backup is taken when the newest is a day old or missing, not twice a day', async () => {
    let now = Date.parse('2026-12-01T02:00:00Z');
    const t = await openTestDesk({ now: () => now });
    await setUpStore(t);
    await t.desk.storage!.dailyBackupIfDue();
    now += 5 * 60 * 60_000;
    await t.desk.storage!.dailyBackupIfDue();
    // The clock jumps by hours, past the idle lock: read the service directly.
    expect(t.desk.storage!.list().filter((b) => b.kind === 'daily')).toHaveLength(1);
    now += 20 * 60 * 60_000;
    await t.desk.storage!.dailyBackupIfDue();
    const daily = t.desk.storage!.list().filter((b) => b.kind === 'daily');
    expect(daily.map((b) => b.createdAt)).toEqual(['2026-12-02T03:00:00.000Z', '2026-12-01T02:00:00.000Z']);
    expect(daily.every((b) => b.status === 'verified')).toBe(true);
    expect((await t.ok('backup.status', {})).lastBackupFailed).toBe(false);
    // A clock set back a day does not stop the next one from being taken when due again.
    now -= 3 * 24 * 60 * 60_000;
    await t.desk.storage!.dailyBackupIfDue();
    expect(t.desk.storage!.list().filter((b) => b.kind === 'daily')).toHaveLength(3);
    await t.desk.close();
  });

  it('a store with pending migrations is backed up first; the copy has the old schema', async () => {
    const file = join(folder(), 'counterdesk.sqlite');
    const sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrate(db, { file, appVersion: '0.0.9', migrations: migrations.slice(0, -1) });
    await db.destroy();

    const t = await openTestDesk({ file });
    const copies =
      (await t.ok('setup.createStore', {
        storeCode: 'S012',
        storeName: '南京西路店',
        counterNo: 2,
        adminName: '王经理',
        adminPin: '2468',
      }),
      await t.ok('backup.list', {}));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ kind: 'pre-migration', status: 'verified' });
    expect(readTable(join(copies[0]!.folder, copies[0]!.name), 'PRAGMA user_version')).toEqual([
      { user_version: SCHEMA_VERSION - 1 },
    ]);
    await t.desk.close();
    // A new, empty file has nothing to lose: no backup before its first migrations.
    const fresh = await openTestDesk();
    expect(fresh.desk.storage!.list()).toEqual([]);
    await fresh.desk.close();
  });
});
