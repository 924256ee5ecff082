/**
 * A full disk: SQLite answers SQLITE_FULL (here through `PRAGMA max_page_count`, so no real disk
 * has to fill up). The counter is told the disk is full and that nothing was saved; the log keeps
 * SQLite's own error, not the rollback's that may follow it; and nothing is half-written.
 */
import { describe, expect, it } from 'vitest';
import { isDiskFull } from '../../db/disk-full';
import { changeLog, count } from '../support/inspect';
import { openTestDesk, setUpStore } from '../support/temp-store';

describe('a full disk', () => {
  it('is recognised in SQLite codes, Node errors and wrapped causes, and nothing else', () => {
    const coded = (code: string) => Object.assign(new Error(code), { code });
    expect(isDiskFull(coded('SQLITE_FULL'))).toBe(true);
    expect(isDiskFull(coded('SQLITE_IOERR_SHMSIZE'))).toBe(true);
    expect(isDiskFull(coded('ENOSPC'))).toBe(true);
    expect(isDiskFull(new Error('wrapped', { cause: coded('SQLITE_FULL') }))).toBe(true);
    expect(isDiskFull(new AggregateError([new Error('x'), coded('ENOSPC')]))).toBe(true);
    for (const other of [
      coded('SQLITE_BUSY'),
      coded('SQLITE_CONSTRAINT_UNIQUE'),
      coded('EACCES'),
      new Error('database or disk is full?'),
      null,
      'SQLITE_FULL',
    ])
      expect(isDiskFull(other)).toBe(false);
  });

  it('answers disk_full, logs the cause, writes nothing, and works again once there is room', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    await t.ok('customers.create', { name: '张三', phones: [{ number: '13812345678' }] });
    const sqlite = t.desk.store!.sqlite;
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`);
    const customersBefore = count(t.file, 'customer');
    const changesBefore = changeLog(t.file).length;
    const errorsBefore = t.logger.entries.filter((e) => e.level === 'error').length;

    let answer: Awaited<ReturnType<typeof t.call<'customers.create'>>> | undefined;
    // Each customer takes new pages before long: the first call that needs one is refused.
    for (let i = 0; i < 200; i++) {
      answer = await t.call('customers.create', {
        name: `顾客${i}`,
        phones: [{ number: `1391234${String(i).padStart(4, '0')}` }],
        notes: '备注'.repeat(900),
      });
      if (!answer.ok) break;
    }
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'disk_full',
        key: 'disk_full',
        message: "The disk is full: nothing was saved. Free space on this PC's disk and try again.",
      },
    });
    const logged = t.logger.entries.filter((e) => e.level === 'error').slice(errorsBefore);
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0])).toMatch(/SQLITE_FULL|disk is full/);
    expect(JSON.stringify(logged[0])).not.toMatch(/rollback|no transaction/i);
    // What was saved before the refusal is there; the refused call left nothing behind.
    const savedCustomers = count(t.file, 'customer');
    expect(changeLog(t.file).filter((c) => c.entity === 'customer')).toHaveLength(savedCustomers);
    expect(changeLog(t.file).length - changesBefore).toBeGreaterThanOrEqual(savedCustomers - customersBefore);

    sqlite.pragma('max_page_count = 1073741823');
    const after = await t.ok('customers.create', { name: '李四', phones: [{ number: '13900001111' }] });
    expect((await t.ok('customers.get', { id: after.id })).name).toBe('李四');
  });
});
