import { describe, expect, it } from 'vitest';
import { settleSession, type ClientState } from '../../db/desk-types';
import { openTestDesk, setUpStore } from '../support/temp-store';

describe('a window whose calls overlap a sign-in', () => {
  it('keeps the new sign-in when calls sent under the replaced session come back after it', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    await t.ok('staff.create', { name: '李娜', role: 'counter_staff', pin: '1357' });
    const clerk = (await t.ok('session.staffList', {})).find((s) => s.name === '李娜')!;

    // The sign-in is sent first; the page's re-reads go out while it runs, under the admin's
    // session, and find it ended ("replaced") once they reach the store.
    let signedIn = false;
    const signIn = t.desk.dispatch(t.client, 'session.signIn', { staffId: clerk.id, pin: '1357' }).then((result) => {
      signedIn = true;
      return result;
    });
    const reads: Array<Promise<unknown>> = [];
    while (!signedIn) {
      reads.push(t.desk.dispatch(t.client, 'session.status', {}));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await signIn).toMatchObject({ ok: true });
    await Promise.all(reads);
    expect(reads.length).toBeGreaterThan(1);

    const status = await t.ok('session.status', {});
    expect(status.staff?.name).toBe('李娜');
  });

  it('settles a sign-out or a lost session only onto the session the call was sent with', () => {
    const window: ClientState = { sessionId: 'B' };
    settleSession(window, 'A', null);
    expect(window.sessionId).toBe('B');
    settleSession(window, 'B', null);
    expect(window.sessionId).toBeNull();
    settleSession(window, null, 'C');
    expect(window.sessionId).toBe('C');
    settleSession(window, 'A', 'D');
    expect(window.sessionId).toBe('D');
  });
});
