/** A head office for one test file: its own database on the run's PostgreSQL, HTTPS on 127.0.0.1. */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { createHlc } from '../../../db/sync/hlc';
import { HQ_NODE } from '../../../db/sync/merge';
import { addStore, writeAsHq, type HqWrite } from '../../../headoffice/admin/ops';
import { issueEnrollmentCode, revokeDevice } from '../../../headoffice/auth';
import { connectHq, migrateHq, type HqDatabase } from '../../../headoffice/db/open';
import { dropDatabase, ensureDatabase } from '../../../headoffice/db/postgres';
import { startHeadOffice, type HeadOffice } from '../../../headoffice/server';
import { makeTestCertificates, type TlsMaterial } from '../../../headoffice/tls';

let certificates: Promise<TlsMaterial> | null = null;
export function testCertificates(): Promise<TlsMaterial> {
  return (certificates ??= makeTestCertificates(['localhost']));
}

/** New random values for what migration 0001 and 0009 draw at random for each head office. */
async function freshIdentity(db: HqDatabase): Promise<void> {
  const values: Record<string, string> = {
    epoch: randomBytes(6).toString('hex'),
    token_secret: randomBytes(32).toString('base64'),
    console_secret: randomBytes(32).toString('base64'),
  };
  for (const [key, value] of Object.entries(values))
    await sql`UPDATE server_meta SET value = ${value} WHERE key = ${key}`.execute(db);
}

export type TestHeadOffice = Awaited<ReturnType<typeof startTestHeadOffice>>;

export async function startTestHeadOffice({
  now = Date.now,
  database,
  adminUrl = inject('pgAdminUrl'),
}: { now?: () => number; database?: string; adminUrl?: string } = {}) {
  const dbName = database ?? `hq_${randomBytes(6).toString('hex')}`;
  // A new database is copied from the run's migrated template when it is on the run's server; the
  // copy then gets its own epoch and secrets, as a fresh install would.
  const template = !database && adminUrl === inject('pgAdminUrl') ? inject('hqTemplate') : undefined;
  await ensureDatabase(adminUrl, dbName, template ? { template } : {});
  const pgUrl = adminUrl.replace(/\/postgres$/, `/${dbName}`);
  let db: HqDatabase = connectHq(pgUrl);
  await migrateHq(db);
  if (template) await freshIdentity(db);
  const tls = await testCertificates();
  let server: HeadOffice = await startHeadOffice({ db, tls, now });
  const hqClock = createHlc({ node: HQ_NODE, now });
  const stores = new Map<string, string>();
  const reopen = async (work: () => Promise<void>) => {
    const port = server.port;
    await server.app.close();
    await db.destroy();
    await work();
    db = connectHq(pgUrl);
    server = await startHeadOffice({ db, tls, now, port });
  };
  return {
    get db() {
      return db;
    },
    dbName,
    adminUrl,
    pgUrl,
    caCert: tls.caCert,
    get url() {
      return server.url;
    },
    get port() {
      return server.port;
    },
    hqClock,
    async addStore(code: string, name = `门店 ${code}`) {
      stores.set(code, await addStore(db, code, name));
      return stores.get(code)!;
    },
    storeId: (code: string) => stores.get(code)!,
    issueCode: async (storeCode: string) => (await issueEnrollmentCode(db, storeCode, { nowMs: now() })).code,
    revoke: (deviceId: string) => revokeDevice(db, deviceId, now()),
    write: (writes: HqWrite[]) => writeAsHq(db, hqClock, writes, now()),
    async afterRestore() {
      const { afterRestore } = await import('../../../headoffice/admin/ops');
      return afterRestore(db);
    },
    /** A full copy of head office's database, as a nightly backup would be (CREATE DATABASE … TEMPLATE). */
    backup: (name: string) => reopen(() => ensureDatabase(adminUrl, name, { template: dbName })),
    /** Head office restored from that backup (F17): the live database is replaced by the copy. */
    restore: (name: string) =>
      reopen(async () => {
        await dropDatabase(adminUrl, dbName);
        await ensureDatabase(adminUrl, dbName, { template: name });
        await dropDatabase(adminUrl, name);
      }),
    /** Same port again after `stopServer` (the replicas keep their URL). */
    async restartServer() {
      server = await startHeadOffice({ db, tls, now, port: server.port });
    },
    stopServer: () => server.app.close(),
    async close() {
      await server.app.close().catch(() => {});
      await db.destroy();
      await dropDatabase(adminUrl, dbName).catch(() => {});
    },
  };
}
