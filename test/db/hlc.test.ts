import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ClockDriftError, createHlc, parseHlc } from '../../db/sync/hlc';
import { openTestDesk, setUpStore } from '../support/temp-store';

describe('hybrid logical clock', () => {
  it('never goes backwards when the wall clock does', () => {
    const times = [1_000_000, 1_000_500, 400_000, 400_000, 1_000_500, 2_000_000];
    let i = 0;
    const hlc = createHlc({ node: 'abc', now: () => times[Math.min(i++, times.length - 1)]! });
    const stamps = times.map(() => hlc.send());
    for (let k = 1; k < stamps.length; k++) expect(stamps[k]! > stamps[k - 1]!).toBe(true);
    expect(parseHlc(stamps[2]!)).toMatchObject({ millis: 1_000_500, counter: 1 });
    expect(parseHlc(stamps[5]!)).toMatchObject({ millis: 2_000_000, counter: 0 });
  });

  it('carries on from the last persisted stamp after a restart with the clock set back', () => {
    const first = createHlc({ node: 'abc', now: () => 5_000_000 });
    const last = first.send();
    const restarted = createHlc({ node: 'abc', now: () => 1_000, lastStamp: last });
    expect(restarted.send() > last).toBe(true);
  });

  it('merges a remote stamp ahead of it and refuses one far in the future', () => {
    const hlc = createHlc({ node: 'aaa', now: () => 10_000 });
    const local = hlc.send();
    const merged = hlc.recv('000000004e20-0003-bbb'); // 20,000 ms
    expect(merged > local).toBe(true);
    expect(parseHlc(merged)).toMatchObject({ millis: 20_000, counter: 4, node: 'aaa' });
    expect(hlc.send() > merged).toBe(true);
    expect(() => hlc.recv(`${(10_000 + 6 * 60_000).toString(16).padStart(12, '0')}-0000-bbb`)).toThrow(ClockDriftError);
  });

  it('orders the change log by clock even when the PC clock jumps back an hour', async () => {
    let now = Date.parse('2026-11-25T10:00:00Z');
    const t = await openTestDesk({ now: () => now });
    await setUpStore(t);
    await t.ok('customers.create', { name: '张三', phones: [{ number: '13812345678' }] });
    now -= 3_600_000;
    await t.ok('customers.create', { name: '李四', phones: [{ number: '13912345678' }] });
    const db = new Database(t.file, { readonly: true });
    const hlcs = db.prepare('SELECT hlc FROM change_log ORDER BY seq').pluck().all() as string[];
    db.close();
    expect(hlcs.length).toBeGreaterThan(3);
    for (let k = 1; k < hlcs.length; k++) expect(hlcs[k]! > hlcs[k - 1]!).toBe(true);
  });
});
