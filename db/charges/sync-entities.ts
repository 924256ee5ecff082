/** The charges area's synced entities (rules: db/sync/entity-rules.ts). */
import type { EntityRule } from '../sync/entity-rules';

export const chargesEntities: ReadonlyArray<EntityRule> = [
  // A charge line is written once; only its void fields change later, so what was charged can
  // never be edited behind the customer's back (head office refuses a store's later change to
  // the money fields, `hqFieldsAfterInsert`). Lines are voided, never deleted.
  {
    entity: 'charge_line',
    table: 'charge_line',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
    hqFieldsAfterInsert: [
      'ticketId',
      'kind',
      'description',
      'partId',
      'sourceId',
      'quantity',
      'unitPriceFen',
      'covered',
      'amountFen',
      'reason',
      'createdBy',
      'createdAt',
    ],
    refersTo: { ticketId: 'ticket' },
    label: { via: { field: 'ticketId', entity: 'ticket' } },
  },
  // The money ledger: deposits, payments and refunds, insert-only and idempotent on the id, so two
  // PCs taking money for one ticket offline both count once they sync.
  {
    entity: 'payment',
    table: 'payment',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    appendOnly: true,
    deleteMode: 'hard',
    refersTo: { ticketId: 'ticket', refundOf: 'payment' },
    label: { via: { field: 'ticketId', entity: 'ticket' } },
  },
];
