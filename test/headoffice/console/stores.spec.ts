/**
 * The stores routes of the console through `inject`, with real counters syncing over HTTPS on the
 * same database: roles checked in the server, bad input refused with nothing written, every change
 * audited, an enrollment code from the console enrolling a real counter, and a revoked PC's next
 * pull answered 403 device_revoked.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollDevice } from '../../../db/sync/enroll';
import { exchangeRefreshSecret } from '../../../headoffice/auth';
import type { IssuedCode, ProblemPage, StoreDetail, StorePage } from '../../../headoffice/console/contract/stores';
import { openCounter, type TestCounter } from '../../sync/support/counter';
import { startTestHeadOffice, type TestHeadOffice } from '../../sync/support/hq';
import { consoleApp, signIn, type SignedInStaff } from './support';

let hq: TestHeadOffice;
let app: FastifyInstance;
let admin: SignedInStaff;
let auditor: SignedInStaff;
let catalogue: SignedInStaff;
let pc: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  app = await consoleApp(hq.db);
  admin = await signIn(app, hq.db, 'admin');
  auditor = await signIn(app, hq.db, 'auditor');
  catalogue = await signIn(app, hq.db, 'catalogue');
});

afterAll(async () => {
  await pc?.close();
  await app?.close();
  await hq?.close();
});

const send = (who: SignedInStaff | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: who?.headers ?? {}, ...(payload !== undefined ? { payload } : {}) });

const auditOf = (action: string) =>
  hq.db
    .selectFrom('consoleAudit')
    .select(['username', 'target', 'before', 'after'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();

const newStore = {
  code: 'S050',
  name: '五角场店',
  address: '上海市杨浦区淞沪路 8 号',
  timeZone: 'Asia/Shanghai',
  status: 'active',
};

describe('adding and editing stores', () => {
  it('is refused to a signed-out browser, and to roles without stores.manage, in the server', async () => {
    expect((await send(null, 'GET', '/console/api/stores')).json()).toMatchObject({ error: 'signed_out' });
    for (const who of [auditor, catalogue]) {
      const answer = await send(who, 'POST', '/console/api/stores', newStore);
      expect(answer.statusCode).toBe(403);
      expect(answer.json()).toMatchObject({ error: 'forbidden' });
    }
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/console/api/stores',
      headers: { cookie: admin.headers.cookie },
      payload: newStore,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await hq.db.selectFrom('hqStore').select('code').execute()).toEqual([]);
    // Reading is every role's that has stores.read.
    expect((await send(catalogue, 'GET', '/console/api/stores')).statusCode).toBe(200);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    for (const [body, field] of [
      [{ ...newStore, code: 's50' }, 'code'],
      [{ ...newStore, timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ ...newStore, name: '' }, 'name'],
      [{ ...newStore, address: 'x'.repeat(201) }, 'address'],
    ] as const) {
      const answer = await send(admin, 'POST', '/console/api/stores', body);
      expect(answer.statusCode).toBe(400);
      expect(answer.json<{ message: string }>().message).toContain(field);
    }
    expect(await hq.db.selectFrom('hqStore').select('code').execute()).toEqual([]);
    expect(await auditOf('store.create')).toEqual([]);
  });

  it('adds a store and edits it, each change audited with before and after', async () => {
    const added = await send(admin, 'POST', '/console/api/stores', newStore);
    expect(added.statusCode).toBe(201);
    expect((await send(admin, 'POST', '/console/api/stores', newStore)).json()).toMatchObject({
      error: 'store_exists',
    });
    const edited = await send(admin, 'PATCH', '/console/api/stores/S050', {
      ...newStore,
      code: undefined,
      name: '五角场旗舰店',
      timeZone: 'Asia/Urumqi',
    });
    expect(edited.json()).toMatchObject({ code: 'S050', name: '五角场旗舰店', timeZone: 'Asia/Urumqi' });
    expect(await auditOf('store.create')).toEqual([
      { username: admin.staff.username, target: 'S050', before: null, after: { ...newStore } },
    ]);
    const [update] = await auditOf('store.update');
    expect(update).toMatchObject({
      target: 'S050',
      before: { name: '五角场店', timeZone: 'Asia/Shanghai' },
      after: { name: '五角场旗舰店', timeZone: 'Asia/Urumqi' },
    });
    const page = (await send(auditor, 'GET', '/console/api/stores?q=五角场')).json<StorePage>();
    expect(page.stores.map((s) => [s.code, s.health.level])).toEqual([['S050', 'no_pcs']]);
    expect((await send(admin, 'GET', '/console/api/stores?pageSize=500')).statusCode).toBe(400);
  });
});

describe('PCs', () => {
  let deviceId: string;

  it('issues an enrollment code, shown once with its expiry, that enrolls a real counter', async () => {
    expect((await send(catalogue, 'POST', '/console/api/stores/S050/codes', {})).statusCode).toBe(403);
    const answer = await send(admin, 'POST', '/console/api/stores/S050/codes', { hours: 4 });
    expect(answer.statusCode).toBe(201);
    const issued = answer.json<IssuedCode>();
    expect(issued.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeGreaterThan(3.9 * 3_600_000);
    const [audit] = await auditOf('store.issue_code');
    expect(JSON.stringify(audit)).not.toContain(issued.code);

    pc = await openCounter(hq, { storeCode: 'S050', counterNo: 3, enroll: false });
    const enrolled = await enrollDevice(
      pc.store,
      pc.credentials,
      { serverUrl: hq.url, code: issued.code, caCert: hq.caCert, deviceName: 'S050 counter 3' },
      pc.desk.sync!,
    );
    deviceId = enrolled.deviceId;
    await pc.ok('customers.create', { name: '钱七', phones: [{ number: '13511112222' }] });
    await pc.sync();
    const detail = (await send(auditor, 'GET', '/console/api/stores/S050')).json<StoreDetail>();
    expect(detail.devices).toEqual([
      expect.objectContaining({
        id: deviceId,
        name: 'S050 counter 3',
        counterNo: 3,
        status: 'active',
        appVersion: '0.1.0-test',
        pendingChanges: 0,
        health: { level: 'ok', reasons: [] },
      }),
    ]);
    expect(detail.store).toMatchObject({ activePcs: 1, health: { level: 'ok' } });
  });

  it('revokes a PC: its next pull is answered 403 device_revoked, and the revoke is audited', async () => {
    const { refreshSecret } = pc.credentials.load()!;
    const { token } = await exchangeRefreshSecret(hq.db, deviceId, refreshSecret, Date.now());
    const pull = () =>
      app.inject({
        method: 'GET',
        url: `/sync/v1/pull?replicaId=${pc.store.replicaId}&cursor=x`,
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await pull()).statusCode).toBe(200);
    expect(
      (await send(auditor, 'POST', `/console/api/stores/S050/devices/${deviceId}/revoke`, { reason: '被盗' }))
        .statusCode,
    ).toBe(403);
    expect((await send(admin, 'POST', `/console/api/stores/S050/devices/${deviceId}/revoke`, {})).statusCode).toBe(400);
    const revoked = await send(admin, 'POST', `/console/api/stores/S050/devices/${deviceId}/revoke`, {
      reason: '被盗',
    });
    expect(revoked.json<StoreDetail>().devices[0]).toMatchObject({ status: 'revoked' });
    const refused = await pull();
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'device_revoked' });
    expect(await auditOf('device.revoke')).toEqual([
      expect.objectContaining({
        target: 'S050 S050 counter 3',
        after: { deviceId, status: 'revoked', reason: '被盗' },
      }),
    ]);
    await send(admin, 'POST', `/console/api/stores/S050/devices/${deviceId}/retire`, { reason: '换新电脑' });
    expect((await send(admin, 'GET', '/console/api/stores/S050')).json<StoreDetail>().devices).toEqual([]);
    const all = (await send(admin, 'GET', '/console/api/stores/S050?retired=show')).json<StoreDetail>();
    expect(all.devices.map((d) => d.status)).toEqual(['retired']);
  });

  it('a closed store takes no enrollment code, and a code issued before it closed enrolls no PC', async () => {
    const earlier = (await send(admin, 'POST', '/console/api/stores/S050/codes', { hours: 4 })).json<IssuedCode>();
    await send(admin, 'PATCH', '/console/api/stores/S050', { ...newStore, code: undefined, status: 'closed' });
    const answer = await send(admin, 'POST', '/console/api/stores/S050/codes', {});
    expect(answer.statusCode).toBe(409);
    expect(answer.json()).toMatchObject({ error: 'store_closed' });
    const enroll = await app.inject({
      method: 'POST',
      url: '/sync/v1/enroll',
      payload: {
        code: earlier.code,
        replicaId: 'replica-after-close',
        storeCode: 'S050',
        deviceName: 'S050 counter 9',
      },
    });
    expect(enroll.statusCode).toBe(403);
    expect(enroll.json<{ message: string }>().message).toContain('closed');
    expect(await hq.db.selectFrom('device').select('name').where('name', '=', 'S050 counter 9').execute()).toEqual([]);
  });

  it('sync problems: personal data in full only for a role that may unmask, and that view is audited', async () => {
    expect((await send(auditor, 'GET', '/console/api/stores/S050/problems?kind=refused')).json<ProblemPage>()).toEqual({
      kind: 'refused',
      rows: [],
      total: 0,
    });
    expect((await send(auditor, 'GET', '/console/api/stores/S050/problems?kind=refused&unmask=1')).statusCode).toBe(
      403,
    );
    expect((await send(admin, 'GET', '/console/api/stores/S050/problems?kind=nothing')).statusCode).toBe(400);
    expect((await send(admin, 'GET', '/console/api/stores/S050/problems?kind=skews&unmask=1')).statusCode).toBe(200);
    expect(await auditOf('customer.unmask')).toEqual([
      expect.objectContaining({ target: 'S050 sync problems', after: { kind: 'skews', page: 1, rows: 0 } }),
    ]);
  });
});
