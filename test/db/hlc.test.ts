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

  it('reads the time without a stamp: never below a stamp issued, and later stamps never below it', () => {
    let wall = 50_000;
    const hlc = createHlc({ node: 'abc', now: () => wall });
    const first = hlc.send();
    wall = 10_000;
    expect(hlc.nowMs()).toBe(50_000);
    wall = 70_000;
    expect(hlc.nowMs()).toBe(70_000);
    wall = 60_000;
    expect(parseHlc(hlc.send()).millis).toBe(70_000);
    expect(hlc.last() > first).toBe(true);
    // The offset learned from head office counts as the wall clock.
    const offset = createHlc({ node: 'abc', now: () => 10_000, offsetMs: () => 5_000 });
    expect(offset.nowMs()).toBe(15_000);
  });

  it('keeps its high-water mark far ahead of the PC clock, and merges stamps it has already passed', () => {
    const year = 365 * 86_400_000;
    // A PC whose clock ran a year ahead, corrected: it carries on from its mark.
    const hlc = createHlc({
      node: 'aaa',
      now: () => 10_000,
      lastStamp: `${(10_000 + year).toString(16).padStart(12, '0')}-0002-aaa`,
    });
    expect(hlc.nowMs()).toBe(10_000 + year);
    // A stamp from elsewhere below that mark moves nothing, however far ahead of the wall clock.
    const echoed = `${(10_000 + year - 1).toString(16).padStart(12, '0')}-0000-bbb`;
    expect(parseHlc(hlc.recv(echoed))).toMatchObject({ millis: 10_000 + year, counter: 3 });
    // Beyond both the mark and head office's 5-minute clamp: refused, the clock is not dragged along.
    expect(() => hlc.recv(`${(10_000 + 2 * year).toString(16).padStart(12, '0')}-0000-bbb`)).toThrow(ClockDriftError);
    expect(hlc.nowMs()).toBe(10_000 + year);
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
