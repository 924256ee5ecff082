/**
 * The admin's diagnostics export: what the zip holds, that it holds no customer data (a
 * distinctive phone and name are seeded, then every file in the zip is searched for them), who
 * may export, where it goes, and the cap on log text.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodResult } from '../../../db/api';
import type { DeskResult } from '../../../db/contract';
import { openDesk } from '../../../db/desk';
import type { ClientState, Desk } from '../../../db/desk-types';
import { createLogger, logFolder } from '../../../db/log';
import { LOG_BYTES_CAP } from '../../../db/storage/diagnostics';
import { tempFile } from '../../support/temp-store';

const PHONE = '13955501234';
const NAME = '欧阳诊断';
const ADMIN_PIN = '2468';
const open: Desk[] = [];
afterEach(async () => {
  for (const desk of open.splice(0)) await desk.close();
});

async function deskWithLogs() {
  const file = tempFile();
  const logDir = logFolder(dirname(file));
  const logger = createLogger({ scope: 'store', logDir, stderr: false });
  const desk = await openDesk({
    file,
    appVersion: '0.9.0-test',
    host: 'browser',
    forcedLanguage: null,
    logger,
    logDir,
  });
  open.push(desk);
  const admin: ClientState = { sessionId: null };
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>, as: ClientState = admin) =>
    (await desk.dispatch(as, method, input)) as DeskResult<MethodResult<M>>;
  const ok = async <M extends MethodName>(method: M, input: MethodInput<M>, as: ClientState = admin) => {
    const result = await call(method, input, as);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  await ok('setup.createStore', {
    storeCode: 'S012',
    storeName: '南京西路店',
    counterNo: 2,
    adminName: '王经理',
    adminPin: ADMIN_PIN,
  });
  return { file, logDir, logger, desk, admin, call, ok };
}

function unzip(path: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(readFileSync(path))).map(([name, data]) => [name, strFromU8(data)]),
  );
}

describe('backup.exportDiagnostics', () => {
  it('writes a zip of versions, sync state, settings, health and logs into the backup folder, with no customer data', async () => {
    const t = await deskWithLogs();
    const customer = await t.ok('customers.create', { name: NAME, phones: [{ number: PHONE }] });
    const counter = await t.ok('staff.create', { name: '李娜', role: 'counter_staff', pin: '1111' });
    // A call that slips personal data into the log, as a careless error text would.
    t.logger.error(`customers.create failed for ${NAME} on ${PHONE}`, { name: NAME, phone: PHONE, pin: ADMIN_PIN });
    const pinHash = (
      t.desk.store!.sqlite.prepare('SELECT pin_hash AS h FROM staff WHERE id = ?').get(counter.id) as { h: string }
    ).h;
    await t.logger.close();

    const result = await t.ok('backup.exportDiagnostics', {});
    expect(result.folder).toBe(join(dirname(t.file), 'backups'));
    expect(result.file).toMatch(/counterdesk-diagnostics-\d{8}T\d{9}Z\.zip$/);
    expect(dirname(result.file)).toBe(result.folder);
    expect(result.logFiles).toBe(1);
    expect(result.logsCut).toBe(false);
    expect(readdirSync(result.folder).filter((name) => name.endsWith('.part'))).toEqual([]);

    const files = unzip(result.file);
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'about.json',
      'health.json',
      'logs/store.log',
      'settings.json',
      'sync.json',
    ]);
    const about = JSON.parse(files['about.json']!) as {
      app: { version: string };
      database: Record<string, unknown>;
      runtime: { node: string };
    };
    expect(about.app.version).toBe('0.9.0-test');
    expect(about.runtime.node).toBe(process.versions.node);
    expect(about.database['sqlite']).toMatch(/^3\.\d+/);
    expect(about.database['schemaInFile']).toBe(about.database['schemaOfApp']);
    const sync = JSON.parse(files['sync.json']!) as {
      counts: Record<string, number>;
      cursors: Record<string, unknown>;
    };
    expect(sync.counts['waiting']).toBeGreaterThan(0);
    expect(sync.counts['refused']).toBe(0);
    expect(sync.cursors).toHaveProperty('pull_cursor');
    const settings = JSON.parse(files['settings.json']!) as { store: { code: string }; staffByRole: unknown[] };
    expect(settings.store.code).toBe('S012');
    expect(settings.staffByRole).toContainEqual({ role: 'counter_staff', active: 1, n: 1 });
    const health = JSON.parse(files['health.json']!) as { quickCheck: { ok: boolean }; damage: unknown };
    expect(health.quickCheck.ok).toBe(true);
    expect(health.damage).toBeNull();
    expect(files['logs/store.log']).toContain('customers.create failed');

    // Every file, every spelling of the seeded data and the secrets.
    for (const [name, text] of Object.entries(files)) {
      for (const secret of [
        PHONE,
        '5550 1234',
        '555-01234',
        NAME,
        '李娜',
        '王经理',
        ADMIN_PIN,
        '1111',
        pinHash,
        customer.id,
      ])
        expect(text, `${name} holds ${secret}`).not.toContain(secret);
    }
  });

  it('is refused to everyone but an admin, and signed out', async () => {
    const t = await deskWithLogs();
    const counter = await t.ok('staff.create', { name: '李娜', role: 'counter_staff', pin: '1111' });
    const manager = await t.ok('staff.create', { name: '周经理', role: 'aftersales_manager', pin: '3333' });
    for (const [staff, pin] of [
      [counter, '1111'],
      [manager, '3333'],
    ] as const) {
      const client: ClientState = { sessionId: null };
      await t.ok('session.signIn', { staffId: staff.id, pin }, client);
      expect(await t.call('backup.exportDiagnostics', {}, client)).toMatchObject({
        ok: false,
        error: { code: 'permission_denied' },
      });
    }
    expect(await t.call('backup.exportDiagnostics', {}, { sessionId: null })).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
    expect(
      existsSync(join(dirname(t.file), 'backups')) &&
        readdirSync(join(dirname(t.file), 'backups')).some((n) => n.includes('diagnostics')),
    ).toBe(false);
  });

  it('goes into a folder the admin names, and refuses one that is relative, missing or too long', async () => {
    const t = await deskWithLogs();
    const usb = join(dirname(t.file), 'usb');
    mkdirSync(usb);
    const result = await t.ok('backup.exportDiagnostics', { folder: usb });
    expect(dirname(result.file)).toBe(usb);
    const again = await t.ok('backup.exportDiagnostics', { folder: usb });
    // Same millisecond or a clock set back: both files kept.
    expect(again.file).not.toBe(result.file);
    expect(await t.call('backup.exportDiagnostics', { folder: 'relative/dir' })).toMatchObject({
      ok: false,
      error: { code: 'validation', key: 'folder_not_absolute', field: 'folder' },
    });
    expect(await t.call('backup.exportDiagnostics', { folder: join(usb, 'gone') })).toMatchObject({
      ok: false,
      error: { code: 'validation', key: 'folder_missing', field: 'folder' },
    });
    expect(await t.call('backup.exportDiagnostics', { folder: `/${'x'.repeat(500)}` })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'folder' },
    });
    expect(readdirSync(usb)).toHaveLength(2);
  });

  it('takes the newest log text up to the cap, newest lines first', async () => {
    const t = await deskWithLogs();
    await t.logger.close();
    const line = (tag: string, i: number) => `{"level":"info","msg":"${tag} ${i} ${'p'.repeat(200)}"}\n`;
    const fill = (name: string, tag: string, bytes: number, mtime: number) => {
      const count = Math.ceil(bytes / line(tag, 0).length);
      writeFileSync(join(t.logDir, name), Array.from({ length: count }, (_, i) => line(tag, i)).join(''));
      const when = new Date(mtime);
      utimesSync(join(t.logDir, name), when, when);
    };
    const now = Date.now();
    fill('store.log', 'newest', 3 * 2 ** 20, now);
    fill('store.1.log', 'middle', 2 * 2 ** 20, now - 60_000);
    fill('store.2.log', 'oldest', 4 * 2 ** 20, now - 120_000);
    fill('main.log', 'main', 1 * 2 ** 20, now - 30_000);
    const result = await t.ok('backup.exportDiagnostics', {});
    expect(result.logsCut).toBe(true);
    expect(result.logBytes).toBeLessThanOrEqual(LOG_BYTES_CAP);
    expect(result.logBytes).toBeGreaterThan(LOG_BYTES_CAP - 2 ** 20);
    const files = unzip(result.file);
    expect(
      Object.keys(files)
        .filter((n) => n.startsWith('logs/'))
        .sort(),
    ).toEqual(['logs/main.log', 'logs/store.1.log', 'logs/store.2.log', 'logs/store.log']);
    // The cut file keeps its newest whole lines.
    const cut = files['logs/store.2.log']!;
    expect(cut.length).toBeGreaterThan(2 ** 20);
    expect(cut.startsWith('{"level"')).toBe(true);
    expect(cut).toContain(`oldest ${Math.ceil((4 * 2 ** 20) / line('oldest', 0).length) - 1} `);
    expect(cut).not.toContain('"oldest 0 ');
    expect(result.sizeBytes).toBeLessThan(2 ** 20);
  });
});
