/**
 * A head office for the SMS tests: its own database on the run's PostgreSQL, stores S012 and S020
 * with one enrolled PC each, the callback routes on (gateway `off`: the tests run the sender
 * themselves, on a clock they move), and the fake Alibaba Cloud SMS. Customer messages arrive as a
 * store's PC sends them: a customer, a ticket and the message, pushed through /sync/v1/push.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { createHlc, type Hlc } from '../../../db/sync/hlc';
import { HQ_NODE } from '../../../db/sync/merge';
import { formatCursor, type WireChange } from '../../../db/sync/protocol';
import { addStore } from '../../../headoffice/admin/ops';
import { buildHeadOffice } from '../../../headoffice/app';
import { issueEnrollmentCode } from '../../../headoffice/auth';
import { connectHq, migrateHq, readMeta, type HqDatabase } from '../../../headoffice/db/open';
import { dropDatabase, ensureDatabase } from '../../../headoffice/db/postgres';
import { handlePull } from '../../../headoffice/pull';
import { aliyunGateway, type AliyunSmsConfig } from '../../../headoffice/sms/aliyun-gateway';
import { createSmsSender, type SenderOptions } from '../../../headoffice/sms/sender';
import { readSmsSettings } from '../../../headoffice/sms/settings';
import { startFakeAliyunSms, type FakeAliyunSms } from './fake-aliyun-sms';

export const CALLBACK_TOKEN = 'cb-token-0123456789abcdefXYZ';

/** The templates the fake provider has approved, with their variables (headoffice/console/contract/messages.ts). */
export const APPROVED: Readonly<Record<string, ReadonlyArray<string>>> = {
  SMS_100200300: ['ticket', 'store'],
  SMS_100200301: ['store', 'ticket', 'time'],
  SMS_100200302: ['store', 'ticket'],
};
export const TEMPLATE_OF_EVENT: Readonly<Record<string, string>> = {
  ready_for_pickup: 'SMS_100200300',
  appointment_booked: 'SMS_100200301',
  follow_up: 'SMS_100200302',
  job_done: 'SMS_100200302',
};

export type Pc = { storeId: string; deviceId: string; replicaId: string; refreshSecret: string; seq: number; hlc: Hlc };

const id = () => randomBytes(8).toString('hex');

export async function startSmsHeadOffice() {
  const adminUrl = inject('pgAdminUrl');
  const dbName = `hq_sms_${id()}`;
  await ensureDatabase(adminUrl, dbName, { template: inject('hqTemplate') });
  const pgUrl = adminUrl.replace(/\/postgres$/, `/${dbName}`);
  const db: HqDatabase = connectHq(pgUrl);
  await migrateHq(db);
  const clock = { ms: Date.now() };
  const now = () => clock.ms;
  const s012 = await addStore(db, 'S012', '南京西路店');
  const s020 = await addStore(db, 'S020', '徐家汇店');
  const logged: string[] = [];
  // One head-office clock for the app (callbacks) and the tests' senders, as in one running head office.
  const hqClock = createHlc({ node: HQ_NODE, now });
  const app: FastifyInstance = await buildHeadOffice({
    db,
    now,
    hqClock,
    log: (line) => logged.push(line),
    sms: {
      settings: readSmsSettings({ HEADOFFICE_SMS_GATEWAY: 'off', HEADOFFICE_SMS_CALLBACK_TOKEN: CALLBACK_TOKEN }),
      log: { info: () => {}, warn: () => {}, error: () => {} },
    },
  });
  const fake: FakeAliyunSms = await startFakeAliyunSms({ now: () => new Date(clock.ms), templates: APPROVED });
  // The template codes head office's console sets, one per event the tests send.
  await db
    .insertInto('smsTemplate')
    .values(
      Object.entries(TEMPLATE_OF_EVENT).map(([event, templateCode]) => ({ event, templateCode, updatedBy: 'test' })),
    )
    .execute();

  async function enroll(storeCode: string, storeId: string): Promise<Pc> {
    const { code } = await issueEnrollmentCode(db, storeCode, { nowMs: now() });
    const replicaId = id();
    const enrolled = await app.inject({
      method: 'POST',
      url: '/sync/v1/enroll',
      payload: { code, replicaId, storeCode, deviceName: `${storeCode} counter` },
    });
    const { deviceId, refreshSecret } = enrolled.json<{ deviceId: string; refreshSecret: string }>();
    return {
      storeId,
      deviceId,
      replicaId,
      refreshSecret,
      seq: 0,
      hlc: createHlc({ node: replicaId.slice(0, 8), now }),
    };
  }
  const pcs = { s012: await enroll('S012', s012), s020: await enroll('S020', s020) };

  async function push(pc: Pc, changes: Array<Pick<WireChange, 'entity' | 'entityId' | 'op' | 'fields'>>) {
    const { hlc } = pc;
    const txId = id();
    // A fresh access token each time: the tests move the clock by hours.
    const token = await app.inject({
      method: 'POST',
      url: '/sync/v1/token',
      payload: { deviceId: pc.deviceId, refreshSecret: pc.refreshSecret },
    });
    const { accessToken } = token.json<{ accessToken: string }>();
    const answer = await app.inject({
      method: 'POST',
      url: '/sync/v1/push',
      headers: { authorization: `Bearer ${accessToken}` },
      payload: {
        protocol: 1,
        replicaId: pc.replicaId,
        schemaVersion: 1,
        appVersion: '0.1.0',
        changes: changes.map((c) => ({
          ...c,
          seq: ++pc.seq,
          changeId: id(),
          txId,
          hlc: hlc.send(),
          staffId: null,
          createdAt: new Date(now()).toISOString(),
          schemaVersion: 1,
        })),
      },
    });
    const body = answer.json<{ results: Array<{ status: string; code?: string }> }>();
    if (answer.statusCode !== 200 || body.results.some((r) => r.status === 'rejected'))
      throw new Error(`push refused: ${answer.body}`);
  }

  /** A ticket of the PC's store with one message to `phone`, due at `notBefore`. Returns its ids. */
  async function queueMessage(
    pc: Pc,
    {
      phone = '13800001111',
      notBefore = new Date(now()),
      event = 'ready_for_pickup',
      body = '【南京西路店】您的工单 S012-1-20261207-0001 已修好，请来取。',
    } = {},
  ) {
    const customerId = id();
    const ticketId = id();
    const messageId = id();
    await push(pc, [
      {
        entity: 'customer',
        entityId: customerId,
        op: 'insert',
        fields: { id: customerId, name: '张伟', doNotContact: 0 },
      },
      {
        entity: 'ticket',
        entityId: ticketId,
        op: 'insert',
        fields: { id: ticketId, customerId, number: `T-${ticketId}` },
      },
      {
        entity: 'customer_message',
        entityId: messageId,
        op: 'insert',
        fields: {
          id: messageId,
          ticketId,
          customerId,
          event,
          channel: 'sms',
          phone,
          language: 'zh-CN',
          body,
          notBefore: notBefore.toISOString(),
          createdAt: new Date(now()).toISOString(),
          createdBy: null,
          cancelledAt: null,
          cancelReason: '',
        },
      },
    ]);
    return { customerId, ticketId, messageId };
  }

  const gatewayConfig = (over: Partial<AliyunSmsConfig> = {}): AliyunSmsConfig => ({
    endpoint: fake.endpoint,
    accessKeyId: fake.accessKeyId,
    accessKeySecret: fake.accessKeySecret,
    signName: '柜台服务',
    timeoutMs: 1_000,
    ...over,
  });

  const sender = (over: Partial<SenderOptions> = {}) =>
    createSmsSender({
      db,
      hqClock,
      now,
      gateway: aliyunGateway(gatewayConfig(), { now: () => new Date(clock.ms) }),
      random: () => 0.5,
      backoff: { baseMs: 60_000, maxMs: 3_600_000 },
      perSecond: 1000,
      ...over,
    });

  const outbox = (messageId: string) =>
    db.selectFrom('smsOutbox').selectAll().where('messageId', '=', messageId).executeTakeFirstOrThrow();

  async function state(entity: string, entityId: string) {
    const row = await db
      .selectFrom('entityState')
      .select(['state', 'ownerStoreId'])
      .where('entity', '=', entity)
      .where('entityId', '=', entityId)
      .executeTakeFirst();
    return row ? { fields: row.state.fields, ownerStoreId: row.ownerStoreId } : null;
  }

  /** Everything of `entity` a PC pulls from the start of the feed. */
  async function pulled(pc: Pc, entity: string) {
    const epoch = await readMeta(db, 'epoch');
    const page = await handlePull(
      db,
      { id: pc.deviceId, storeId: pc.storeId, name: 'pc' },
      { replicaId: pc.replicaId, cursor: formatCursor(epoch, 0), maxBytes: 4 << 20 },
      now(),
    );
    return page.changes.filter((c) => c.entity === entity);
  }

  /** Between tests: what one test left waiting is not sent by the next one's sender. */
  async function settle() {
    fake.clearPlan();
    await db
      .updateTable('smsOutbox')
      .set({ status: 'cancelled' })
      .where('status', 'in', ['queued', 'sending'])
      .execute();
  }

  return {
    db,
    settle,
    app,
    fake,
    clock,
    now,
    pgUrl,
    pcs,
    logged,
    push,
    queueMessage,
    gatewayConfig,
    sender,
    outbox,
    state,
    pulled,
    async close() {
      await app.close();
      await fake.close();
      await db.destroy();
      await dropDatabase(adminUrl, dbName).catch(() => {});
    },
  };
}

export type SmsHeadOffice = Awaited<ReturnType<typeof startSmsHeadOffice>>;
