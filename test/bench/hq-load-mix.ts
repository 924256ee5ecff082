/**
 * The changes a store's PC pushes in the head-office load benchmark (scripts/bench-hq-load.mjs):
 * the counter's everyday mix, repeated in this order until a push is full: a new customer with a
 * phone, an edit of one of the store's customers, a note on one, a ticket for one with its first
 * event. Customer-scoped and store-scoped rows, new links, all through the real merge rules.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { formatHlc } from '../../db/sync/hlc';
import type { WireChange } from '../../db/sync/protocol';

export type StoreMix = { storeId: string; customers: string[] };

const id = () => randomBytes(12).toString('hex');
const phone = () => `1${String(randomInt(3, 10))}${String(randomInt(0, 1e9)).padStart(9, '0')}`;

/** `n` changes of one replica from `firstSeq`, in one transaction, as a counter would send them. */
export function storeChanges(
  mix: StoreMix,
  replicaNode: string,
  firstSeq: number,
  n: number,
  nowMs: number,
): WireChange[] {
  const txId = id();
  const changes: WireChange[] = [];
  let stamp = 0;
  const add = (entity: string, entityId: string, op: WireChange['op'], fields: Record<string, unknown>) => {
    if (changes.length >= n) return;
    stamp += 1;
    changes.push({
      seq: firstSeq + changes.length,
      changeId: id(),
      txId,
      entity,
      entityId,
      op,
      fields,
      // Unique per replica and increasing: pushes of one replica are at least a millisecond apart.
      hlc: formatHlc({ millis: nowMs, counter: stamp, node: replicaNode }),
      staffId: null,
      createdAt: new Date(nowMs).toISOString(),
      schemaVersion: 16,
    });
  };
  const someCustomer = () => mix.customers[randomInt(0, mix.customers.length)]!;
  while (changes.length < n) {
    const customerId = id();
    const number = phone();
    add('customer', customerId, 'insert', { name: `顾客${number.slice(-4)}`, storeId: mix.storeId });
    add('customer_phone', id(), 'insert', { customerId, number, digits: number });
    mix.customers.push(customerId);
    add('customer', someCustomer(), 'update', { note: `回访 ${number.slice(-4)}` });
    add('customer_note', id(), 'append', { customerId: someCustomer(), text: '来电咨询保修' });
    const ticketId = id();
    add('ticket', ticketId, 'insert', { customerId: someCustomer(), type: 'consultation', summary: '咨询安装' });
    add('ticket_event', id(), 'append', { ticketId, kind: 'created' });
  }
  return changes;
}
