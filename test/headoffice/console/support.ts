/**
 * For console route tests: a head-office database of its own on the sync run's PostgreSQL, the app
 * driven through `inject`, and signed-in staff of any role with the headers a browser would send
 * (the session cookie, the CSRF cookie and its token).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildHeadOffice } from '../../../headoffice/app';
import type { ConsoleStaff } from '../../../headoffice/console/contract/session';
import type { ConsoleRole } from '../../../headoffice/console/roles';
import { createStaff } from '../../../headoffice/console/sessions';
import { connectHq, migrateHq, type HqDatabase } from '../../../headoffice/db/open';
import { dropDatabase, ensureDatabase } from '../../../headoffice/db/postgres';

export type ConsoleTestDb = { db: HqDatabase; drop(): Promise<void> };

export async function consoleDatabase(prefix = 'hq_console'): Promise<ConsoleTestDb> {
  const adminUrl = inject('pgAdminUrl');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  const db = connectHq(adminUrl.replace(/\/postgres$/, `/${name}`));
  await migrateHq(db);
  return {
    db,
    async drop() {
      await db.destroy();
      await dropDatabase(adminUrl, name).catch(() => {});
    },
  };
}

/** Tests sign in many times from one address, so the per-address limit is lifted unless a test sets it. */
export function consoleApp(db: HqDatabase, now?: () => number, signInsPerMinute = 100_000): Promise<FastifyInstance> {
  return buildHeadOffice({ db, now, signInsPerMinute });
}

/** The cookies a response sets, as one `cookie` header value for the next request. */
export function cookiesOf(response: LightMyRequestResponse): string {
  return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export type SignedInStaff = {
  staff: ConsoleStaff;
  password: string;
  /** Cookie and CSRF token headers for `app.inject`. */
  headers: { cookie: string; 'x-csrf-token': string };
};

let counter = 0;

/** A new staff account of `role`, signed in through the real sign-in route. */
export async function signIn(app: FastifyInstance, db: HqDatabase, role: ConsoleRole): Promise<SignedInStaff> {
  counter += 1;
  const username = `${role}${counter}${randomBytes(2).toString('hex')}`;
  const password = `pass-${randomBytes(8).toString('hex')}`;
  await createStaff(db, { username, displayName: `${role} ${counter}`, role, password });
  return signInAs(app, username, password);
}

export async function signInAs(app: FastifyInstance, username: string, password: string): Promise<SignedInStaff> {
  const csrf = await app.inject({ method: 'GET', url: '/console/api/session/csrf' });
  const csrfCookie = cookiesOf(csrf);
  const answer = await app.inject({
    method: 'POST',
    url: '/console/api/session',
    headers: { cookie: csrfCookie, 'x-csrf-token': csrf.json<{ csrfToken: string }>().csrfToken },
    payload: { username, password },
  });
  if (answer.statusCode !== 200) throw new Error(`sign-in failed: ${answer.statusCode} ${answer.body}`);
  const body = answer.json<{ staff: ConsoleStaff; csrfToken: string }>();
  return {
    staff: body.staff,
    password,
    headers: { cookie: `${csrfCookie}; ${cookiesOf(answer)}`, 'x-csrf-token': body.csrfToken },
  };
}
