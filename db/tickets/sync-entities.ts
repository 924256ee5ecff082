/** The tickets area's synced entities (rules: db/sync/entity-rules.ts). */
import type { EntityRule } from '../sync/entity-rules';
import { TICKET_FORM, ticketCopies } from './form-sync';

export const ticketEntities: ReadonlyArray<EntityRule> = [
  // Service standards per tier: head office's setting.
  {
    entity: 'sla_target',
    table: 'sla_target',
    key: 'id',
    owner: 'hq',
    scope: 'global',
    policy: { hqFields: 'all' },
    deleteMode: 'hard',
  },
  // Tickets: the header merges per field, the intake form per key, and the summary, channel and
  // category follow the form (form-sync.ts); status comes from the append-only events (sync-hooks.ts).
  {
    entity: 'ticket',
    table: 'ticket',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: { composite: [TICKET_FORM], derived: ticketCopies },
    deleteMode: 'soft',
    linksCustomer: (f) => (typeof f.customerId === 'string' ? f.customerId : null),
    refersTo: { productId: 'product', parentTicketId: 'ticket' },
    numbered: { field: 'number', column: 'number' },
    label: { field: 'number' },
  },
  ...(
    [
      ['ticket_event', { ticketId: 'ticket' }],
      ['ticket_attachment', { ticketId: 'ticket' }],
      ['ticket_signature', { ticketId: 'ticket', eventId: 'ticket_event' }],
    ] as const
  ).map(([entity, refersTo]): EntityRule => ({
    entity,
    table: entity,
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    appendOnly: true,
    deleteMode: 'hard',
    refersTo,
    // Kept aside, an event, attachment or signature is known by its ticket's number.
    label: { via: { field: 'ticketId', entity: 'ticket' } },
  })),
  // An estimate version: edited in place only while a draft, then frozen (db/tickets/estimates/).
  {
    entity: 'estimate',
    table: 'estimate',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
    refersTo: { ticketId: 'ticket' },
    label: { via: { field: 'ticketId', entity: 'ticket' } },
  },
  // The customer's approval or refusal of an estimate: a record of what was decided, never changed.
  {
    entity: 'estimate_decision',
    table: 'estimate_decision',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    appendOnly: true,
    deleteMode: 'hard',
    refersTo: { ticketId: 'ticket', estimateId: 'estimate' },
    label: { via: { field: 'ticketId', entity: 'ticket' } },
  },
  {
    entity: 'ticket_settings',
    table: 'ticket_settings',
    key: 'store_id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
  },
  { entity: 'holiday', table: 'holiday', key: 'date', owner: 'store', scope: 'store', policy: {}, deleteMode: 'hard' },
  // Closed days and make-up working days per region (`CN:2026-10-01`): head office's calendar, which
  // a store's own holiday rows override (db/tickets/settings.ts loadCalendar).
  {
    entity: 'region_holiday',
    table: 'region_holiday',
    key: 'id',
    owner: 'hq',
    scope: 'global',
    policy: { hqFields: 'all' },
    deleteMode: 'hard',
  },
];
