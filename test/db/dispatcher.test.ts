import { describe, expect, it } from 'vitest';
import type { ClientState } from '../../db/desk-types';
import { changeLog, count } from '../support/inspect';
import { openTestDesk, setUpStore } from '../support/temp-store';

describe('the dispatcher', () => {
  it('refuses malformed input with field errors before anything reaches the database', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const rowsBefore = changeLog(t.file).length;
    const bad = await t.call('customers.create', { name: '  ', phones: [{ number: '1381234' }, { number: 'abc' }] });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('validation');
    expect(bad.error.issues).toEqual(
      expect.arrayContaining([
        { field: 'name', key: 'required', message: 'This field is required' },
        expect.objectContaining({ field: 'phones.0.number', key: 'phone_invalid' }),
        expect.objectContaining({ field: 'phones.1.number', key: 'phone_invalid' }),
      ]),
    );
    expect(bad.error.message).toMatch(/required|phone/i);
    const repeated = await t.call('customers.create', {
      name: '张三',
      phones: [{ number: '13812345678' }, { number: '+86 138-1234-5678' }],
    });
    expect(repeated).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'phones.1.number', key: 'phone_repeated' },
    });
    // A hand-made call with the wrong types gets a plain validation error, not a crash.
    const wrongTypes = await t.desk.dispatch(t.client, 'customers.create', { name: 42, phones: 'x' });
    expect(wrongTypes).toMatchObject({ ok: false, error: { code: 'validation', field: 'name', key: 'required' } });
    expect(wrongTypes.ok === false && wrongTypes.error.issues?.some((i) => i.field === 'phones')).toBe(true);
    expect(await t.desk.dispatch(t.client, 'customers.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(count(t.file, 'customer')).toBe(0);
    expect(changeLog(t.file)).toHaveLength(rowsBefore);
  });

  it('checks the permission of the signed-in staff member on every call', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    await t.ok('staff.create', { name: '赵师傅', role: 'technician', pin: '1111' });
    await t.ok('staff.create', { name: '钱小姐', role: 'counter_staff', pin: '2222' });
    const staff = await t.ok('session.staffList', {});
    const technician: ClientState = { sessionId: null };
    const counter: ClientState = { sessionId: null };
    const anonymous: ClientState = { sessionId: null };
    await t.ok('session.signIn', { staffId: staff.find((s) => s.name === '赵师傅')!.id, pin: '1111' }, technician);
    await t.ok('session.signIn', { staffId: staff.find((s) => s.name === '钱小姐')!.id, pin: '2222' }, counter);

    expect(await t.call('customers.search', { query: '张' }, anonymous)).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
    expect(
      await t.call('customers.create', { name: '张三', phones: [{ number: '13812345678' }] }, technician),
    ).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    expect(await t.call('staff.create', { name: 'x', role: 'admin', pin: '9999' }, counter)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    // Counter staff may register a customer but not raise their tier.
    expect(
      await t.call('customers.create', { name: '孙七', tier: 'vip', phones: [{ number: '13812345670' }] }, counter),
    ).toMatchObject({
      ok: false,
      error: { code: 'permission_denied', field: 'tier' },
    });
    const created = await t.ok('customers.create', { name: '张三', phones: [{ number: '13812345678' }] }, counter);
    expect((await t.ok('customers.get', { id: created.id }, technician)).name).toBe('张三');
    expect(count(t.file, 'customer')).toBe(1);
  });

  it('signs in by PIN, locks out after five wrong PINs, and ends idle sessions', async () => {
    let now = Date.parse('2026-11-25T09:00:00Z');
    // Six minutes really pass: the PC clock and the timer the lockout is counted on both move.
    const t = await openTestDesk({ now: () => now, ticks: () => now });
    const admin = await setUpStore(t);
    const other: ClientState = { sessionId: null };
    expect(await t.call('session.signIn', { staffId: admin.id, pin: '0000' }, other)).toMatchObject({
      ok: false,
      error: { code: 'bad_pin', field: 'pin' },
    });
    for (let i = 0; i < 4; i++) await t.call('session.signIn', { staffId: admin.id, pin: '0000' }, other);
    expect(await t.call('session.signIn', { staffId: admin.id, pin: '2468' }, other)).toMatchObject({
      ok: false,
      error: { code: 'pin_locked' },
    });
    now += 6 * 60_000;
    // The default client's session has been idle for 6 minutes (> the 5-minute default) and is locked.
    expect(await t.call('customers.search', { query: '张' })).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
    expect((await t.ok('session.status', {})).staff).toBeNull();
    expect((await t.ok('session.signIn', { staffId: admin.id, pin: '2468' }, other)).role).toBe('admin');
    expect((await t.ok('session.status', {}, other)).staff?.name).toBe('王经理');
  });

  it('will not deactivate the last admin, and a deactivated member is signed out', async () => {
    const t = await openTestDesk();
    const admin = await setUpStore(t);
    expect(
      await t.call('staff.update', { id: admin.id, name: admin.name, role: 'admin', active: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'last_admin' },
    });
    const clerk = await t.ok('staff.create', { name: '周', role: 'counter_staff', pin: '3333' });
    const clerkClient: ClientState = { sessionId: null };
    await t.ok('session.signIn', { staffId: clerk.id, pin: '3333' }, clerkClient);
    await t.ok('staff.update', { id: clerk.id, name: '周', role: 'counter_staff', active: false });
    expect(await t.call('customers.search', { query: '1' }, clerkClient)).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
    expect(await t.call('session.signIn', { staffId: clerk.id, pin: '3333' }, clerkClient)).toMatchObject({
      ok: false,
      error: { key: 'staff_inactive' },
    });
  });

  it('refuses a second setup', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    expect(
      await t.call('setup.createStore', {
        storeCode: 'S013',
        storeName: 'x',
        counterNo: 1,
        adminName: 'y',
        adminPin: '1234',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'setup_done' },
    });
    expect(count(t.file, 'store')).toBe(1);
  });

  it('announces <area>.changed after a committed mutation only', async () => {
    const t = await openTestDesk();
    const events: string[] = [];
    t.desk.onEvent((e) => events.push(e));
    await setUpStore(t);
    await t.call('customers.create', { name: '', phones: [] });
    await t.ok('customers.create', { name: '张三', phones: [{ number: '13812345678' }] });
    await t.ok('customers.search', { query: '张' });
    expect(events).toEqual(['setup.changed', 'session.changed', 'customers.changed']);
  });
});

describe('counter search', () => {
  it('finds customers by any part of a phone number or name, with phones masked', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    await t.ok('customers.create', { name: '张三', phones: [{ number: '13812345678' }] });
    await t.ok('customers.create', { name: '张三丰', phones: [{ number: '021 6234 5678' }] });
    await t.ok('customers.create', { name: '李四', phones: [{ number: '13900001111' }] });
    const byFragment = await t.ok('customers.search', { query: '5678' });
    expect(byFragment.items.map((c) => c.name).sort()).toEqual(['张三', '张三丰']);
    expect(byFragment.items.find((c) => c.name === '张三')!.maskedPhones).toEqual(['138****5678']);
    expect((await t.ok('customers.search', { query: '139 0000' })).items.map((c) => c.name)).toEqual(['李四']);
    expect((await t.ok('customers.search', { query: '三丰' })).items.map((c) => c.name)).toEqual(['张三丰']);
    expect((await t.ok('customers.search', { query: '%' })).items).toEqual([]);
  });
});
