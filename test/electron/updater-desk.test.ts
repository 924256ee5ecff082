/**
 * The desk's side of updates: `setUpdateStatus` keeps the updater's report for `app.updateStatus`
 * and tells the pages (`sync.changed`); `updateGate` says whether a sync runs and when this PC may
 * install; the install window is the manager's to set, checked and stored on this PC only.
 */
import { afterEach, expect, test } from 'vitest';
import type { DeskEvent } from '../../db/contract';
import { count } from '../support/inspect';
import { openTestDesk, setUpStore, type TestDesk } from '../support/temp-store';

let t: TestDesk | null = null;
afterEach(async () => {
  await t?.desk.close();
  t = null;
});

test('app.updateStatus is off until the updater reports; a report reaches the page with sync.changed', async () => {
  t = await openTestDesk({ appVersion: '1.4.0' });
  await setUpStore(t);
  expect(await t.ok('app.updateStatus', {})).toMatchObject({ current: '1.4.0', state: 'off', available: null });
  const events: DeskEvent[] = [];
  t.desk.onEvent((event) => events.push(event));
  t.desk.setUpdateStatus!({
    current: 'forged',
    state: 'downloading',
    available: '1.5.0',
    percent: 40,
    checkedAt: '2026-12-07T10:00:00.000Z',
    error: null,
  });
  expect(events).toEqual(['sync.changed']);
  // The running version is the desk's own, whatever the report says.
  expect(await t.ok('app.updateStatus', {})).toMatchObject({ current: '1.4.0', state: 'downloading', percent: 40 });
  await t.ok('session.signOut', { reason: 'manual' });
  expect(await t.call('app.updateStatus', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
});

test('the install window: set by the manager, validated, local to this PC, read by updateGate', async () => {
  t = await openTestDesk();
  await setUpStore(t);
  expect(await t.desk.updateGate!()).toEqual({ syncing: false, installWindow: null, server: null });
  const changesBefore = count(t.file, 'change_log');
  expect(await t.ok('store.setInstallWindow', { window: { from: '22:30', to: '05:00' } })).toEqual({
    from: '22:30',
    to: '05:00',
  });
  expect(await t.ok('store.installWindow', {})).toEqual({ from: '22:30', to: '05:00' });
  expect((await t.desk.updateGate!()).installWindow).toEqual({ from: '22:30', to: '05:00' });
  expect(count(t.file, 'change_log')).toBe(changesBefore);

  for (const window of [
    { from: '03:00', to: '03:00' },
    { from: '25:00', to: '03:00' },
    { from: '3pm', to: '04:00' },
  ])
    expect(await t.call('store.setInstallWindow', { window })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  expect(await t.ok('store.installWindow', {})).toEqual({ from: '22:30', to: '05:00' });

  expect(await t.ok('store.setInstallWindow', { window: null })).toBeNull();
  expect((await t.desk.updateGate!()).installWindow).toBeNull();
});

test('a counter clerk may read the window but not change it', async () => {
  t = await openTestDesk();
  await setUpStore(t);
  await t.ok('staff.create', { name: '李娜', role: 'counter_staff', pin: '1111' });
  await t.ok('session.signOut', { reason: 'manual' });
  const staff = await t.ok('session.staffList', {});
  const clerk = staff.find((member) => member.name === '李娜')!;
  await t.ok('session.signIn', { staffId: clerk.id, pin: '1111' });
  expect(await t.ok('store.installWindow', {})).toBeNull();
  expect(await t.call('store.setInstallWindow', { window: { from: '01:00', to: '02:00' } })).toMatchObject({
    ok: false,
    error: { code: 'permission_denied' },
  });
});
