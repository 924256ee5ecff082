/**
 * Signing in to the console, what a session cookie and a CSRF token are good for, the per-account
 * lockout, roles checked in the server, staff accounts and the audit log — driven through
 * `inject` against the real PostgreSQL.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_PERMISSIONS, CONSOLE_ROLES, can } from '../../../headoffice/console/roles';
import { createStaff, IDLE_MS, LOCK_MS, MAX_FAILURES } from '../../../headoffice/console/sessions';
import { consoleApp, consoleDatabase, cookiesOf, signIn, signInAs, type ConsoleTestDb } from './support';

let test: ConsoleTestDb;
let app: FastifyInstance;
let nowMs = Date.parse('2026-12-01T09:00:00Z');

beforeAll(async () => {
  test = await consoleDatabase('hq_console_session');
  app = await consoleApp(test.db, () => nowMs);
});
afterAll(async () => {
  await app.close();
  await test.drop();
});

async function csrfHeaders() {
  const csrf = await app.inject({ method: 'GET', url: '/console/api/session/csrf' });
  return { cookie: cookiesOf(csrf), 'x-csrf-token': csrf.json<{ csrfToken: string }>().csrfToken };
}

describe('signing in', () => {
  it('a right password opens a session in an HttpOnly, SameSite=Strict cookie; the hash is argon2id', async () => {
    await createStaff(test.db, {
      username: 'wang.li',
      displayName: '王力',
      role: 'quality',
      password: 'correct horse 1',
    });
    const row = await test.db
      .selectFrom('hqStaff')
      .select('passwordHash')
      .where('username', '=', 'wang.li')
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const headers = await csrfHeaders();
    const answer = await app.inject({
      method: 'POST',
      url: '/console/api/session',
      headers,
      payload: { username: 'Wang.Li', password: 'correct horse 1' },
    });
    expect(answer.statusCode).toBe(200);
    const session = answer.cookies.find((c) => c.name === 'cd_console')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console' });
    expect(answer.json()).toMatchObject({
      staff: { username: 'wang.li', role: 'quality' },
      permissions: expect.arrayContaining(['reports.read']),
    });
    const me = await app.inject({
      method: 'GET',
      url: '/console/api/session',
      headers: { cookie: `${headers.cookie}; cd_console=${session.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ staff: { displayName: '王力' } });
    // Head office keeps only a hash of the token.
    const stored = await test.db.selectFrom('hqSession').select('tokenHash').execute();
    expect(stored.map((s) => s.tokenHash)).not.toContain(session.value);
  });

  it('a wrong password and an unknown name get the same answer', async () => {
    const headers = await csrfHeaders();
    const wrong = await app.inject({
      method: 'POST',
      url: '/console/api/session',
      headers,
      payload: { username: 'wang.li', password: 'nope nope nope' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/console/api/session',
      headers,
      payload: { username: 'nobody', password: 'nope nope nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ error: 'bad_credentials' });
  });

  it('a sign-in without the CSRF token is refused before the password is checked', async () => {
    const answer = await app.inject({
      method: 'POST',
      url: '/console/api/session',
      payload: { username: 'wang.li', password: 'correct horse 1' },
    });
    expect(answer.statusCode).toBe(403);
    expect(answer.json()).toMatchObject({ error: 'csrf' });
  });

  it(`${MAX_FAILURES} wrong passwords lock the name for ${LOCK_MS / 60_000} minutes, even for the right password; then it opens`, async () => {
    await createStaff(test.db, {
      username: 'zhao.min',
      displayName: '赵敏',
      role: 'auditor',
      password: 'the right one 1',
    });
    const headers = await csrfHeaders();
    for (let i = 0; i < MAX_FAILURES; i += 1)
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/console/api/session',
            headers,
            payload: { username: 'zhao.min', password: `guess ${i} guess` },
          })
        ).statusCode,
      ).toBe(401);
    const locked = await app.inject({
      method: 'POST',
      url: '/console/api/session',
      headers,
      payload: { username: 'zhao.min', password: 'the right one 1' },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: 'locked' });
    // Another name from the same address is not locked.
    expect((await signInAs(app, 'wang.li', 'correct horse 1')).staff.username).toBe('wang.li');
    nowMs += LOCK_MS + 1000;
    expect((await signInAs(app, 'zhao.min', 'the right one 1')).staff.role).toBe('auditor');
  });

  it('a session ends after 30 idle minutes, and at sign-out', async () => {
    const signed = await signIn(app, test.db, 'auditor');
    expect((await app.inject({ method: 'GET', url: '/console/api/audit', headers: signed.headers })).statusCode).toBe(
      200,
    );
    nowMs += IDLE_MS + 1000;
    const idle = await app.inject({ method: 'GET', url: '/console/api/audit', headers: signed.headers });
    expect(idle.statusCode).toBe(401);
    expect(idle.json()).toMatchObject({ error: 'signed_out' });

    const again = await signIn(app, test.db, 'auditor');
    expect(
      (await app.inject({ method: 'DELETE', url: '/console/api/session', headers: again.headers })).statusCode,
    ).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/console/api/session', headers: again.headers })).statusCode).toBe(
      401,
    );
  });

  it('more than the per-address limit of sign-ins a minute are refused with 429, whatever the names', async () => {
    const limited = await consoleApp(test.db, () => nowMs, 3);
    try {
      const csrf = await limited.inject({ method: 'GET', url: '/console/api/session/csrf' });
      const headers = { cookie: cookiesOf(csrf), 'x-csrf-token': csrf.json<{ csrfToken: string }>().csrfToken };
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1)
        statuses.push(
          (
            await limited.inject({
              method: 'POST',
              url: '/console/api/session',
              headers,
              payload: { username: `guess${i}`, password: 'guess guess' },
            })
          ).statusCode,
        );
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('a forged or oversized cookie is simply signed out', async () => {
    for (const cookie of ['cd_console=forged', `cd_console=${'x'.repeat(5000)}`]) {
      const answer = await app.inject({ method: 'GET', url: '/console/api/session', headers: { cookie } });
      expect(answer.statusCode).toBe(401);
    }
  });
});

describe('roles are checked in the server', () => {
  it('the roles table: only the administrator manages accounts; the auditor changes nothing', () => {
    for (const permission of CONSOLE_PERMISSIONS) {
      expect(can('admin', permission)).toBe(true);
      expect(can('auditor', permission)).toBe(permission.endsWith('.read'));
    }
    expect(CONSOLE_ROLES.filter((role) => can(role, 'staff.manage'))).toEqual(['admin']);
  });

  it('a non-administrator cannot list or create accounts; signed out is 401', async () => {
    for (const role of ['quality', 'catalogue', 'auditor'] as const) {
      const signed = await signIn(app, test.db, role);
      const list = await app.inject({ method: 'GET', url: '/console/api/staff', headers: signed.headers });
      expect(list.statusCode, role).toBe(403);
      expect(list.json()).toMatchObject({ error: 'forbidden' });
      const create = await app.inject({
        method: 'POST',
        url: '/console/api/staff',
        headers: signed.headers,
        payload: { username: `sneaky${role}`, displayName: 'x', role: 'admin', password: 'a long password' },
      });
      expect(create.statusCode, role).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/console/api/staff' })).statusCode).toBe(401);
    const rows = await test.db.selectFrom('hqStaff').select('username').where('username', 'like', 'sneaky%').execute();
    expect(rows).toEqual([]);
  });

  it('a write with the session cookie but without the CSRF token is refused', async () => {
    const admin = await signIn(app, test.db, 'admin');
    const answer = await app.inject({
      method: 'POST',
      url: '/console/api/staff',
      headers: { cookie: admin.headers.cookie },
      payload: { username: 'csrf.victim', displayName: 'x', role: 'admin', password: 'a long password' },
    });
    expect(answer.statusCode).toBe(403);
    expect(answer.json()).toMatchObject({ error: 'csrf' });
  });
});

describe('staff accounts and the audit log', () => {
  it('an administrator creates, changes and disables accounts; each change is audited with before and after', async () => {
    const admin = await signIn(app, test.db, 'admin');
    const created = await app.inject({
      method: 'POST',
      url: '/console/api/staff',
      headers: admin.headers,
      payload: { username: 'li.na', displayName: '李娜', role: 'catalogue', password: 'initial password' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const liNa = await signInAs(app, 'li.na', 'initial password');

    const changed = await app.inject({
      method: 'PATCH',
      url: `/console/api/staff/${id}`,
      headers: admin.headers,
      payload: { role: 'quality' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'quality', disabled: false });
    // A change of role ends the account's sessions.
    expect((await app.inject({ method: 'GET', url: '/console/api/session', headers: liNa.headers })).statusCode).toBe(
      401,
    );

    const disabled = await app.inject({
      method: 'PATCH',
      url: `/console/api/staff/${id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(disabled.json()).toMatchObject({ disabled: true });
    const refused = await app.inject({
      method: 'POST',
      url: '/console/api/session',
      headers: await csrfHeaders(),
      payload: { username: 'li.na', password: 'initial password' },
    });
    expect(refused.statusCode).toBe(401);

    const audit = await app.inject({ method: 'GET', url: '/console/api/audit?target=li.na', headers: admin.headers });
    const rows = audit.json<{ rows: Array<{ action: string; username: string; before: unknown; after: unknown }> }>()
      .rows;
    expect(rows.map((r) => r.action)).toEqual(['staff.update', 'staff.update', 'session.sign_in', 'staff.create']);
    expect(rows[1]).toMatchObject({
      username: admin.staff.username,
      before: { role: 'catalogue' },
      after: { role: 'quality' },
    });
    expect(rows[0]).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
    expect(JSON.stringify(rows)).not.toMatch(/argon2|initial password/);
  });

  it('bad input names the problem and creates nothing', async () => {
    const admin = await signIn(app, test.db, 'admin');
    for (const [payload, field] of [
      [{ username: 'x', displayName: 'a', role: 'admin', password: 'a long password' }, 'username'],
      [{ username: 'short.pw', displayName: 'a', role: 'admin', password: 'short' }, 'password'],
      [{ username: 'bad.role', displayName: 'a', role: 'root', password: 'a long password' }, 'role'],
      [
        { username: 'long.name', displayName: 'a'.repeat(10_000), role: 'admin', password: 'a long password' },
        'displayName',
      ],
    ] as const) {
      const answer = await app.inject({ method: 'POST', url: '/console/api/staff', headers: admin.headers, payload });
      expect(answer.statusCode).toBe(400);
      expect(answer.json<{ message: string }>().message).toContain(field);
    }
    const taken = await app.inject({
      method: 'POST',
      url: '/console/api/staff',
      headers: admin.headers,
      payload: { username: 'wang.li', displayName: 'x', role: 'admin', password: 'a long password' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: 'username_taken' });
  });

  it('the last active administrator cannot be demoted or disabled', async () => {
    const other = await consoleDatabase('hq_console_last_admin');
    const db = other.db;
    const lone = await consoleApp(db, () => nowMs);
    try {
      const admin = await signIn(lone, db, 'admin');
      for (const payload of [{ role: 'auditor' }, { disabled: true }]) {
        const answer = await lone.inject({
          method: 'PATCH',
          url: `/console/api/staff/${admin.staff.id}`,
          headers: admin.headers,
          payload,
        });
        expect(answer.statusCode).toBe(409);
        expect(answer.json()).toMatchObject({ error: 'last_admin' });
      }
    } finally {
      await lone.close();
      await other.drop();
    }
  });

  it('a password change signs out the account elsewhere and needs the current password', async () => {
    const first = await signIn(app, test.db, 'catalogue');
    const second = await signInAs(app, first.staff.username, first.password);
    const wrong = await app.inject({
      method: 'POST',
      url: '/console/api/session/password',
      headers: first.headers,
      payload: { current: 'not it at all', next: 'a brand new password' },
    });
    expect(wrong.statusCode).toBe(400);
    const ok = await app.inject({
      method: 'POST',
      url: '/console/api/session/password',
      headers: first.headers,
      payload: { current: first.password, next: 'a brand new password' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/console/api/session', headers: first.headers })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ method: 'GET', url: '/console/api/session', headers: second.headers })).statusCode).toBe(
      401,
    );
    expect((await signInAs(app, first.staff.username, 'a brand new password')).staff.id).toBe(first.staff.id);
  });
});
