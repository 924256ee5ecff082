/** The customer messages' synced entities (rules: db/sync/entity-rules.ts; docs/architecture/customer-messages.md). */
import type { EntityRule } from '../sync/entity-rules';

/** Set once when the counter queues a message: a later change from a store is refused and head office's value re-asserted. */
const WRITTEN_ONCE = [
  'ticketId',
  'customerId',
  'event',
  'channel',
  'phone',
  'language',
  'body',
  'notBefore',
  'createdAt',
  'createdBy',
];

export const messageEntities: ReadonlyArray<EntityRule> = [
  // The outbox: the store's, head office sends it. Only the cancel fields change after the insert.
  {
    entity: 'customer_message',
    table: 'customer_message',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
    hqFieldsAfterInsert: WRITTEN_ONCE,
    refersTo: { ticketId: 'ticket', customerId: 'customer' },
    label: { via: { field: 'ticketId', entity: 'ticket' } },
  },
  // Head office's sending state and the customer's replies: only head office writes them (a
  // store's push is refused `hq_owned`), and only the message's store receives them.
  {
    entity: 'message_delivery',
    table: 'message_delivery',
    key: 'message_id',
    owner: 'hq',
    scope: 'store',
    policy: { hqFields: 'all' },
    deleteMode: 'hard',
  },
  {
    entity: 'message_reply',
    table: 'message_reply',
    key: 'id',
    owner: 'hq',
    scope: 'store',
    policy: { hqFields: 'all' },
    deleteMode: 'hard',
    label: { via: { field: 'ticketId', entity: 'ticket' } },
  },
  {
    entity: 'message_settings',
    table: 'message_settings',
    key: 'store_id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
  },
  // A template back to its default is deleted (hard): the built-in text applies again.
  {
    entity: 'message_template',
    table: 'message_template',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
  },
];
