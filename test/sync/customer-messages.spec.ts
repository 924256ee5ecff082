/**
 * Customer messages through head office (real PostgreSQL): the store's queued message reaches head
 * office owned by that store and no other store receives it; a store cannot write head office's
 * delivery state, nor change a queued message's text afterwards (only its cancellation).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { recordChange } from '../../db/sync/change-log';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';

let hq: TestHeadOffice;
let a: TestCounter;
let other: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S031');
  await hq.addStore('S032');
  a = await openCounter(hq, { storeCode: 'S031', counterNo: 1 });
  other = await openCounter(hq, { storeCode: 'S032', counterNo: 1 });
});

afterAll(async () => {
  await a?.close();
  await other?.close();
  await hq?.close();
});

/** A change written behind the desk's back, as an old build or a tool might push it. */
async function forge(
  counter: TestCounter,
  entity: string,
  entityId: string,
  op: 'insert' | 'update',
  fields: Record<string, unknown>,
) {
  const { store } = counter;
  await store.db.transaction().execute(async (trx) => {
    const tx = {
      trx,
      txId: newId(),
      staffId: null,
      nowIso: new Date(store.now()).toISOString(),
      stamp: () => store.hlc.send(),
    };
    const hlc = tx.stamp();
    if (entity === 'customer_message')
      await trx
        .updateTable('customerMessage')
        .set({ ...fields, hlc })
        .where('id', '=', entityId)
        .execute();
    await recordChange(tx, { entity, entityId, op, hlc, fields });
  });
}

async function hqState(entity: string, id: string) {
  // Head office's connection maps column names to camelCase.
  const row = await sql<{ state: { fields: Record<string, unknown> }; ownerStoreId: string | null }>`
    SELECT state, owner_store_id FROM entity_state WHERE entity = ${entity} AND entity_id = ${id}`.execute(hq.db);
  return row.rows[0];
}

describe('customer messages and head office', () => {
  it('carry the store’s message to head office only, and refuse what only head office writes', async () => {
    const customer = await a.ok('customers.create', {
      name: '赵先生',
      phones: [{ number: '13611112222' }],
      contactConsent: true,
    });
    const ticket = await a.ok('tickets.create', {
      type: 'repair',
      customerId: customer.id,
      priority: 'normal',
      location: 'in_store',
      address: '',
      model: 'KFR-35GW',
      fault: '不制冷',
      accessories: '遥控器',
      condition: '外壳完好',
    });
    const [message] = (await a.ok('tickets.messages', { ticketId: ticket.id })).messages;
    expect(message).toMatchObject({ event: 'ticket_received', state: 'waiting' });
    await a.sync();
    const held = await hqState('customer_message', message!.id);
    expect(held?.ownerStoreId).toBe(hq.storeId('S031'));
    expect(held?.state.fields).toMatchObject({ phone: '13611112222', event: 'ticket_received' });

    // A delivery state forged at the store is refused; the text cannot be changed once queued.
    await forge(a, 'message_delivery', message!.id, 'insert', {
      status: 'delivered',
      attempts: 1,
      provider: 'log',
      providerMessageId: '',
      lastError: '',
      nextAttemptAt: null,
      sentAt: null,
      deliveredAt: null,
      updatedAt: new Date().toISOString(),
    });
    await forge(a, 'customer_message', message!.id, 'update', { body: '改过的内容' });
    await a.sync();
    await a.sync();
    expect(await hqState('message_delivery', message!.id)).toBeUndefined();
    expect((await hqState('customer_message', message!.id))?.state.fields.body).toBe(message!.body);
    expect(readTable(a.file, 'SELECT body FROM customer_message WHERE id = ?', message!.id)).toEqual([
      { body: message!.body },
    ]);

    // Cancelling is the store's to do, and reaches head office.
    await a.ok('tickets.cancelMessage', { messageId: message!.id });
    await a.sync();
    expect((await hqState('customer_message', message!.id))?.state.fields).toMatchObject({
      cancelReason: 'cancelled_by_staff',
    });

    await other.sync();
    expect(readTable(other.file, 'SELECT id FROM customer_message')).toEqual([]);
  });
});
