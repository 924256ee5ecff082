/**
 * Sign-in sessions and the PIN lockout against the clock: a session active within the idle time is
 * never ended (although last_seen_at is written only once a minute), and five wrong PINs lock a
 * staff member out for five minutes of real time — through a restart, and whichever way the PC
 * clock moves — but never for hours.
 */
import { describe, expect, it } from 'vitest';
import type { ClientState } from '../../db/desk-types';
import { readTable } from '../support/inspect';
import { openTestDesk, setUpStore, tempFile, type TestDesk } from '../support/temp-store';

const T0 = Date.parse('2026-11-25T09:00:00Z');
const MINUTE = 60_000;
const IDLE = 5 * MINUTE;

describe('a signed-in session', () => {
  it('is not ended while active within the idle time, though its last write was a minute earlier', async () => {
    let now = T0;
    const t = await openTestDesk({ now: () => now });
    await setUpStore(t);
    // Written at sign-in (T0); activity 59 s later is not written (at most one write a minute).
    now = T0 + 59_000;
    await t.ok('customers.search', { query: '张' });
    expect(readTable<{ last_seen_at: string }>(t.file, 'SELECT last_seen_at FROM session')[0]!.last_seen_at).toBe(
      new Date(T0).toISOString(),
    );
    // Idle time less a second after that activity: still signed in.
    now = T0 + 59_000 + IDLE - 1_000;
    expect(await t.call('customers.search', { query: '张' })).toMatchObject({ ok: true });
    // Idle time and a second after the last activity: locked.
    now += IDLE + 1_000;
    expect(await t.call('customers.search', { query: '张' })).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
  });

  it('survives the PC clock going back, and still locks after the idle time counted from there', async () => {
    let now = T0;
    const t = await openTestDesk({ now: () => now });
    await setUpStore(t);
    now = T0 - 3 * 60 * MINUTE;
    expect(await t.call('customers.search', { query: '张' })).toMatchObject({ ok: true });
    now += IDLE - 1_000;
    expect(await t.call('customers.search', { query: '张' })).toMatchObject({ ok: true });
    now += IDLE + 1_000;
    expect(await t.call('customers.search', { query: '张' })).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
  });
});

async function lockedOutDesk() {
  const clock = { now: T0, ticks: 1_000_000 };
  const file = tempFile();
  const open = () => openTestDesk({ file, now: () => clock.now, ticks: () => clock.ticks });
  let t: TestDesk = await open();
  const admin = await setUpStore(t, { adminPin: '2468' });
  const counter = await t.ok('staff.create', { name: '李娜', role: 'counter_staff', pin: '1111' });
  const window: ClientState = { sessionId: null };
  const signIn = (pin: string) => t.call('session.signIn', { staffId: counter.id, pin }, window);
  for (let i = 0; i < 5; i += 1) expect(await signIn('0000')).toMatchObject({ ok: false, error: { code: 'bad_pin' } });
  expect(await signIn('1111')).toMatchObject({ ok: false, error: { code: 'pin_locked' } });
  return {
    clock,
    admin,
    signIn,
    /** Close and reopen the store, the clock and the timer moved to what `to` says (a new process: a new timer). */
    async restart(to: { now: number; ticks?: number }) {
      await t.desk.close();
      clock.now = to.now;
      clock.ticks = to.ticks ?? 5;
      t = await open();
      window.sessionId = null;
    },
    desk: () => t,
  };
}

describe('the PIN lockout', { timeout: 20_000 }, () => {
  it('holds through a restart until five minutes have passed', async () => {
    const d = await lockedOutDesk();
    await d.restart({ now: T0 + MINUTE });
    expect(await d.signIn('1111')).toMatchObject({ ok: false, error: { code: 'pin_locked' } });
    d.clock.now += 3 * MINUTE;
    d.clock.ticks += 3 * MINUTE;
    expect(await d.signIn('1111')).toMatchObject({ ok: false, error: { code: 'pin_locked' } });
    d.clock.now += MINUTE + 1_000;
    d.clock.ticks += MINUTE + 1_000;
    expect(await d.signIn('1111')).toMatchObject({ ok: true });
    // A right PIN clears the count: one wrong PIN later is not a lockout.
    expect(await d.signIn('0000')).toMatchObject({ ok: false, error: { code: 'bad_pin' } });
    expect(await d.signIn('1111')).toMatchObject({ ok: true });
  });

  it('counts wrong PINs across a restart', async () => {
    const d = await lockedOutDesk();
    d.clock.now += 6 * MINUTE;
    d.clock.ticks += 6 * MINUTE;
    for (let i = 0; i < 3; i += 1)
      expect(await d.signIn('0000')).toMatchObject({ ok: false, error: { code: 'bad_pin' } });
    await d.restart({ now: d.clock.now + MINUTE });
    for (let i = 0; i < 2; i += 1)
      expect(await d.signIn('0000')).toMatchObject({ ok: false, error: { code: 'bad_pin' } });
    expect(await d.signIn('1111')).toMatchObject({ ok: false, error: { code: 'pin_locked' } });
  });

  it('is not made hours long by setting the PC clock back, before or after a restart', async () => {
    const d = await lockedOutDesk();
    d.clock.now -= 2 * 60 * MINUTE;
    d.clock.ticks += 5 * MINUTE + 1_000;
    expect(await d.signIn('1111')).toMatchObject({ ok: true });

    const e = await lockedOutDesk();
    await e.restart({ now: T0 - 2 * 60 * MINUTE });
    expect(await e.signIn('1111')).toMatchObject({ ok: false, error: { code: 'pin_locked' } });
    e.clock.ticks += 5 * MINUTE + 1_000;
    expect(await e.signIn('1111')).toMatchObject({ ok: true });
  });

  it('does not vanish when the PC clock is moved forward while the app runs', async () => {
    const d = await lockedOutDesk();
    d.clock.now += 24 * 60 * MINUTE;
    d.clock.ticks += MINUTE;
    expect(await d.signIn('1111')).toMatchObject({ ok: false, error: { code: 'pin_locked' } });
  });

  it('stays on this PC: nothing of it enters the change log', async () => {
    const d = await lockedOutDesk();
    const { file } = d.desk();
    expect(
      readTable<{ failures: number; locked_at: string }>(file, 'SELECT failures, locked_at FROM pin_lockout'),
    ).toEqual([{ failures: 0, locked_at: new Date(T0).toISOString() }]);
    expect(
      readTable(
        file,
        "SELECT seq FROM change_log WHERE entity LIKE '%pin%' OR fields LIKE '%locked%' OR fields LIKE '%failures%'",
      ),
    ).toEqual([]);
  });
});
