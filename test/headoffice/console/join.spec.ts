/**
 * The join review's routes (headoffice/console/routes/join.ts) on a store that pushed its own
 * parts and a standard from before it enrolled: roles and sign-in checked in the server, inputs
 * bounded, each decision audited and told to the store through the feed.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids';
import { createHlc } from '../../../db/sync/hlc';
import { HQ_NODE } from '../../../db/sync/merge';
import type { WireChange } from '../../../db/sync/protocol';
import { addStore, writeAsHq } from '../../../headoffice/admin/ops';
import { enrollDevice, issueEnrollmentCode } from '../../../headoffice/auth';
import type { JoinOffersPage, JoinStoreSummary, JoinTarget } from '../../../headoffice/console/contract/join';
import { handlePush } from '../../../headoffice/push';
import { hqPart } from '../../sync/support/parts';
import { consoleApp, consoleDatabase, signIn, type ConsoleTestDb } from './support';

let test: ConsoleTestDb;
let app: FastifyInstance;
let storeId: string;
const hqP7 = hqPart('P-7', 5_000);

function change(seq: number, entity: string, entityId: string, fields: Record<string, unknown>): WireChange {
  return {
    seq,
    changeId: newId(),
    txId: newId(),
    entity,
    entityId,
    op: seq === 3 ? 'update' : 'insert',
    fields,
    hlc: `2026-11-30T09:00:00.000Z-000${seq}-${'a'.repeat(32)}`,
    staffId: null,
    createdAt: '2026-11-30T09:00:00.000Z',
    schemaVersion: 17,
  };
}

beforeAll(async () => {
  test = await consoleDatabase('hq_console_join');
  app = await consoleApp(test.db);
  storeId = await addStore(test.db, 'S031', '徐汇店');
  await writeAsHq(test.db, createHlc({ node: HQ_NODE }), [hqP7]);
  const { code } = await issueEnrollmentCode(test.db, 'S031', { nowMs: Date.now() });
  const replicaId = newId();
  const enrolled = await enrollDevice(
    test.db,
    { code, replicaId, storeCode: 'S031', deviceName: 'S031 counter 1', counterNo: 1, standaloneThroughSeq: 3 },
    Date.now(),
  );
  const part = (partNo: string) => ({ partNo, name: `门店配件 ${partNo}`, unit: '个', costFen: 100, priceFen: 200 });
  await handlePush(
    test.db,
    { id: enrolled.deviceId, storeId, name: 'S031 counter 1' },
    {
      protocol: 1,
      replicaId,
      schemaVersion: 17,
      appVersion: 'test',
      changes: [
        change(1, 'part', newId(), part('P-7')),
        change(2, 'part', newId(), part('P-8')),
        change(3, 'sla_target', 'repair:normal:regular', { replyMinutes: 30, resolveMinutes: 2_000 }),
        // After enrolling: an ordinary attempt to change head office's record, refused.
        { ...change(4, 'part', hqP7.entityId, { priceFen: 1 }), op: 'update' },
      ],
    },
    createHlc({ node: HQ_NODE }),
    Date.now(),
  );
});
afterAll(async () => {
  await app.close();
  await test.drop();
});

const offersPage = async (headers: Record<string, string>, query = `storeId=${storeId}`) =>
  app.inject({ method: 'GET', url: `/console/api/join/offers?${query}`, headers });

describe('the join review', () => {
  it('is denied in the server to the signed out, the auditor and the quality manager', async () => {
    expect((await app.inject({ method: 'GET', url: '/console/api/join/stores' })).json()).toMatchObject({
      error: 'signed_out',
    });
    for (const role of ['auditor', 'quality'] as const) {
      const { headers } = await signIn(app, test.db, role);
      const answer = await app.inject({ method: 'GET', url: '/console/api/join/stores', headers });
      expect([answer.statusCode, answer.json().error]).toEqual([403, 'forbidden']);
      const decide = await app.inject({
        method: 'POST',
        url: `/console/api/join/offers/${newId()}/decision`,
        headers,
        payload: { decision: 'accept' },
      });
      expect(decide.statusCode).toBe(403);
    }
  });

  it('lists the store with its offers, suggesting head office’s part with the same number', async () => {
    const { headers } = await signIn(app, test.db, 'catalogue');
    const stores = (await app.inject({ method: 'GET', url: '/console/api/join/stores', headers })).json<
      JoinStoreSummary[]
    >();
    expect(stores).toEqual([{ storeId, storeCode: 'S031', storeName: '徐汇店', pending: 3, decided: 0 }]);
    const page = (await offersPage(headers)).json<JoinOffersPage>();
    expect(page.total).toBe(3);
    expect(page.offers.map((o) => [o.entity, o.label, o.suggestion?.why ?? null])).toEqual([
      ['part', 'P-7 门店配件 P-7', 'same_part_no'],
      ['part', 'P-8 门店配件 P-8', null],
      ['sla_target', 'repair:normal:regular', null],
    ]);
    const targets = (
      await app.inject({ method: 'GET', url: '/console/api/join/targets?entity=part&q=p-7', headers })
    ).json<JoinTarget[]>();
    expect(targets).toEqual([{ id: hqP7.entityId, label: 'P-7 配件 P-7' }]);
  });

  it('refuses bad and oversized input naming the problem, and a write without the CSRF token', async () => {
    const { headers } = await signIn(app, test.db, 'catalogue');
    const big = await offersPage(headers, `storeId=${storeId}&pageSize=1000`);
    expect([big.statusCode, big.json().message]).toEqual([400, expect.stringMatching(/pageSize/)]);
    const [offer] = (await offersPage(headers)).json<JoinOffersPage>().offers;
    const url = `/console/api/join/offers/${offer!.id}/decision`;
    const noReason = await app.inject({ method: 'POST', url, headers, payload: { decision: 'drop', reason: ' ' } });
    expect([noReason.statusCode, noReason.json().message]).toEqual([400, expect.stringMatching(/reason/)]);
    const noCsrf = await app.inject({
      method: 'POST',
      url,
      headers: { cookie: headers.cookie },
      payload: { decision: 'accept' },
    });
    expect(noCsrf.json()).toMatchObject({ error: 'csrf' });
    const nowhere = await app.inject({ method: 'POST', url, headers, payload: { decision: 'map', targetId: 'nope' } });
    expect([nowhere.statusCode, nowhere.json().error]).toEqual([404, 'target_not_found']);
    const taken = await app.inject({ method: 'POST', url, headers, payload: { decision: 'accept' } });
    expect([taken.statusCode, taken.json().error]).toEqual([409, 'part_no_taken']);
  });

  it('decides, audits in the same transaction, tells the store, and never decides twice', async () => {
    const catalogue = await signIn(app, test.db, 'catalogue');
    const admin = await signIn(app, test.db, 'admin');
    const offers = (await offersPage(catalogue.headers)).json<JoinOffersPage>().offers;
    const [p7, p8, standard] = offers;
    const decide = (headers: Record<string, string>, id: string, payload: object) =>
      app.inject({ method: 'POST', url: `/console/api/join/offers/${id}/decision`, headers, payload });
    // Adopting a standard changes every store's: the catalogue manager may not.
    const denied = await decide(catalogue.headers, standard!.id, { decision: 'accept' });
    expect([denied.statusCode, denied.json().error]).toEqual([403, 'forbidden']);
    expect((await decide(admin.headers, standard!.id, { decision: 'accept' })).json()).toEqual({ status: 'accepted' });
    expect((await decide(catalogue.headers, p7!.id, { decision: 'map', targetId: hqP7.entityId })).json()).toEqual({
      status: 'mapped',
    });
    expect((await decide(catalogue.headers, p8!.id, { decision: 'drop', reason: '门店自采' })).json()).toEqual({
      status: 'dropped',
    });
    const again = await decide(admin.headers, p8!.id, { decision: 'accept' });
    expect([again.statusCode, again.json().error]).toEqual([409, 'already_decided']);

    const audit = await test.db
      .selectFrom('consoleAudit')
      .select(['username', 'action', 'target'])
      .where('action', 'like', 'join.%')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { username: admin.staff.username, action: 'join.accept', target: 'S031 sla_target repair:normal:regular' },
      { username: catalogue.staff.username, action: 'join.map', target: 'S031 part P-7 门店配件 P-7' },
      { username: catalogue.staff.username, action: 'join.drop', target: 'S031 part P-8 门店配件 P-8' },
    ]);
    // The store hears of each outcome: head office's join_offer records, fed to that store only.
    const notices = await test.db
      .selectFrom('entityState')
      .select(['entityId', 'scope', 'state'])
      .where('entity', '=', 'join_offer')
      .execute();
    expect(notices.map((n) => [n.scope, n.state.fields.status]).sort()).toEqual([
      [storeId, 'accepted'],
      [storeId, 'dropped'],
      [storeId, 'mapped'],
    ]);
    const decided = (await offersPage(catalogue.headers, `storeId=${storeId}&status=mapped`)).json<JoinOffersPage>();
    expect(decided.offers).toMatchObject([{ mappedTo: hqP7.entityId, decidedBy: catalogue.staff.displayName }]);
    // The adopted standard is head office's now, for every store.
    const adopted = await test.db
      .selectFrom('entityState')
      .select(['scope', 'ownerStoreId'])
      .where('entity', '=', 'sla_target')
      .where('entityId', '=', 'repair:normal:regular')
      .executeTakeFirstOrThrow();
    expect(adopted).toEqual({ scope: 'global', ownerStoreId: null });
  });

  it('keeps refusing an enrolled store’s change of head office’s record (ownership unchanged)', async () => {
    const refused = await test.db.selectFrom('rejectedChange').select(['entity', 'code']).execute();
    expect(refused).toEqual([{ entity: 'part', code: 'hq_owned' }]);
  });
});
