/**
 * The probes a service manager or load balancer asks: /healthz (the process answers) and /readyz
 * (the database answers and has this build's schema), unauthenticated, without data.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { buildHeadOffice } from '../../headoffice/app';
import { connectHq, migrateHq, type HqDatabase } from '../../headoffice/db/open';
import { hqMigrations } from '../../headoffice/db/migrations/index';
import { dropDatabase, ensureDatabase } from '../../headoffice/db/postgres';

const adminUrl = inject('pgAdminUrl');
const dbName = `hq_health_${randomBytes(4).toString('hex')}`;
const urlOf = (name: string) => adminUrl.replace(/\/postgres$/, `/${name}`);
let db: HqDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  await ensureDatabase(adminUrl, dbName);
  db = connectHq(urlOf(dbName), { max: 3 });
  app = await buildHeadOffice({ db });
});

afterAll(async () => {
  await app?.close();
  await db?.destroy();
  await dropDatabase(adminUrl, dbName);
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('/healthz and /readyz', () => {
  test('a database nobody has migrated: alive, not ready (migrations)', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await get('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'not_ready', reason: 'migrations' });
  });

  test('migrated: ready, and nothing about the server in the answer', async () => {
    await migrateHq(db);
    const ready = await get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    expect(ready.headers['cache-control']).toBe('no-store');
  });

  test('a schema from a newer head office is not this build: not ready', async () => {
    const newer = (hqMigrations.at(-1)?.version ?? 0) + 1;
    await sql`INSERT INTO hq_migration (version, name) VALUES (${newer}, 'from-the-future')`.execute(db);
    try {
      expect((await get('/readyz')).json()).toEqual({ status: 'not_ready', reason: 'migrations' });
    } finally {
      await sql`DELETE FROM hq_migration WHERE version = ${newer}`.execute(db);
    }
    expect((await get('/readyz')).statusCode).toBe(200);
  });

  test('a database that does not answer: still alive, not ready (database), within the bound', async () => {
    const unreachable = connectHq('postgres://nobody:x@127.0.0.1:1/none', { max: 1 });
    const lonely = await buildHeadOffice({ db: unreachable });
    try {
      const started = Date.now();
      const [ready, again] = await Promise.all([lonely.inject('/readyz'), lonely.inject('/readyz')]);
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'not_ready', reason: 'database' });
      expect(again.json()).toEqual({ status: 'not_ready', reason: 'database' });
      expect(ready.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|nobody/);
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await lonely.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await lonely.close();
      await unreachable.destroy();
    }
  });

  test('the probes need no token and accept no writes', async () => {
    expect((await app.inject({ method: 'POST', url: '/readyz' })).statusCode).toBe(404);
    expect((await get('/healthz?token=x')).statusCode).toBe(200);
  });
});
