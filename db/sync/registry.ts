/**
 * Who owns each synced entity and how it merges (SYNC.md §2.5), keyed by the change log's `entity`.
 * Head office (headoffice/push.ts) and the counter PC (db/sync/apply.ts) read the same entries and
 * merge with the same functions (db/sync/merge.ts). An entity missing here is refused by head
 * office (`unknown_entity`) and kept aside, not dropped, by a device (`pending_unknown`).
 *
 * owner   hq: only head office writes; a store's push is rejected (`hq_owned`)
 *         store: the store that created it; other stores' pushes are rejected (`other_store`)
 *         shared: any store linked to the customer, and head office (customers)
 *         device: one counter PC's own settings; head office keeps them, nobody else receives them
 * scope   who receives it on pull: everyone, the owning store, the stores linked to the customer,
 *         or nobody (head office only)
 */
import { TICKET_FORM, ticketCopies } from '../tickets/form-sync';
import type { ChangeOp } from './change-log';
import type { MergePolicy } from './merge';

export type Owner = 'hq' | 'store' | 'shared' | 'device';
export type Scope = 'global' | 'store' | 'customer' | 'hq_only';

export type EntityRule = Readonly<{
  entity: string;
  /** The SQLite table on the counter PC. */
  table: string;
  /** Its primary-key column (snake_case). */
  key: string;
  owner: Owner;
  scope: Scope;
  policy: MergePolicy;
  /** Only inserts and appends are accepted: ledgers, event logs, notes (never updated or deleted). */
  appendOnly?: boolean;
  /**
   * Append-only, but two stores can insert the same key on their own (a merge alias is keyed by the
   * merged-away customer): head office merges a second insert by the rule like any change, so the
   * later stamp wins everywhere, as it does on the PCs, instead of keeping whichever came first.
   */
  keyedByOthers?: boolean;
  /** `soft`: a tombstone sets `deleted_at`; `hard`: the row goes, its tombstone stays in row_clock. */
  deleteMode: 'soft' | 'hard';
  /** For customer-scoped data: the customer the record belongs to. */
  customerOf?: (entityId: string, fields: Readonly<Record<string, unknown>>) => string | null;
  /**
   * Fields naming another synced record (field → that record's entity), besides the customer named
   * by `customerOf`/`linksCustomer`: head office refuses a store's write naming a record of another
   * store, or of a customer not linked to it (headoffice/store-scope.ts).
   */
  refersTo?: Readonly<Record<string, string>>;
  /** Writing this record at a store links that customer to the store (SYNC.md §2.5 privacy rule). */
  linksCustomer?: (fields: Readonly<Record<string, unknown>>) => string | null;
  /** Fields in the change log that are facts, not columns (e.g. `pinReset`): never merged. */
  ignoredFields?: ReadonlyArray<string>;
  /** Columns that stay on this PC: a pulled record never sets them; new rows get these values. */
  localColumns?: Readonly<Record<string, unknown>>;
  /** Fields a store may set when it creates the record but never change afterwards. */
  hqFieldsAfterInsert?: ReadonlyArray<string>;
  /** For head-office records: the fields a store keeps for itself (a part's bin); updates of only these are accepted. */
  storeFields?: ReadonlyArray<string>;
}>;

const byCustomerId = (_id: string, fields: Readonly<Record<string, unknown>>): string | null => (typeof fields.customerId === 'string' ? fields.customerId : null);

const RULES: ReadonlyArray<EntityRule> = [
  // A counter PC's own settings (its counter number, opening hours as set there).
  { entity: 'store', table: 'store', key: 'id', owner: 'device', scope: 'hq_only', policy: {}, deleteMode: 'hard' },
  // The store's staff directory; PINs never leave the PC (db/staff/queries.ts), so a colleague
  // from another PC of the store appears here without a PIN until an admin sets one on this PC.
  {
    entity: 'staff',
    table: 'staff',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
    ignoredFields: ['pinReset'],
    localColumns: { pinHash: '!' },
  },
  {
    entity: 'customer',
    table: 'customer',
    key: 'id',
    owner: 'shared',
    scope: 'customer',
    // Consent revocation wins; the tier is head office's (DOMAIN.md: it decides the service standard).
    policy: { trueWins: ['doNotContact'], hqFields: ['tier', 'tierRule'] },
    deleteMode: 'soft',
    customerOf: (id) => id,
    hqFieldsAfterInsert: ['tier', 'tierRule'],
  },
  { entity: 'customer_phone', table: 'customer_phone', key: 'id', owner: 'shared', scope: 'customer', policy: {}, deleteMode: 'hard', customerOf: byCustomerId },
  { entity: 'customer_address', table: 'customer_address', key: 'id', owner: 'shared', scope: 'customer', policy: {}, deleteMode: 'hard', customerOf: byCustomerId },
  { entity: 'customer_note', table: 'customer_note', key: 'id', owner: 'shared', scope: 'customer', policy: {}, appendOnly: true, deleteMode: 'hard', customerOf: byCustomerId },
  { entity: 'product', table: 'product', key: 'id', owner: 'shared', scope: 'customer', policy: {}, deleteMode: 'soft', customerOf: byCustomerId },
  // A duplicate merged into the surviving record: the alias row is keyed by the merged-away id.
  {
    entity: 'customer_merge',
    table: 'customer_merge',
    key: 'from_id',
    owner: 'shared',
    scope: 'customer',
    policy: {},
    appendOnly: true,
    keyedByOthers: true,
    deleteMode: 'hard',
    customerOf: (id) => id,
    refersTo: { intoId: 'customer' },
  },
  // Head office's settings: tiers with their service standards, product categories and warranty terms.
  { entity: 'customer_tier', table: 'customer_tier', key: 'tier', owner: 'hq', scope: 'global', policy: { hqFields: 'all' }, deleteMode: 'hard' },
  { entity: 'sla_target', table: 'sla_target', key: 'id', owner: 'hq', scope: 'global', policy: { hqFields: 'all' }, deleteMode: 'hard' },
  { entity: 'product_category', table: 'product_category', key: 'code', owner: 'hq', scope: 'global', policy: { hqFields: 'all' }, deleteMode: 'hard' },
  // The catalogue and prices are head office's; each store keeps its own shelf bin and reorder rule.
  {
    entity: 'part',
    table: 'part',
    key: 'id',
    owner: 'hq',
    scope: 'global',
    policy: { hqFields: 'all' },
    deleteMode: 'soft',
    storeFields: ['bin', 'reorderLevel', 'reorderQty', 'updatedAt'],
    localColumns: { bin: '', reorderLevel: null, reorderQty: 0 },
  },
  { entity: 'supplier', table: 'supplier', key: 'id', owner: 'hq', scope: 'global', policy: { hqFields: 'all' }, deleteMode: 'soft' },
  { entity: 'stock_location', table: 'stock_location', key: 'id', owner: 'store', scope: 'store', policy: {}, deleteMode: 'hard' },
  // The ledger: insert-only, idempotent on the movement id; on-hand is a local cache (hooks.ts).
  {
    entity: 'stock_movement',
    table: 'stock_movement',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    appendOnly: true,
    deleteMode: 'hard',
    refersTo: { locationId: 'stock_location', reversesId: 'stock_movement' },
  },
  ...(
    [
      ['goods_receipt', { locationId: 'stock_location' }],
      ['goods_receipt_line', { receiptId: 'goods_receipt' }],
      ['supplier_return', { locationId: 'stock_location', receiptId: 'goods_receipt' }],
      ['supplier_return_line', { returnId: 'supplier_return' }],
      ['requisition', { locationId: 'stock_location', ticketId: 'ticket' }],
      ['requisition_line', { requisitionId: 'requisition' }],
      ['stocktake', { locationId: 'stock_location' }],
      ['stocktake_line', { stocktakeId: 'stocktake' }],
    ] as const
  ).map(([entity, refersTo]): EntityRule => ({ entity, table: entity, key: 'id', owner: 'store', scope: 'store', policy: {}, deleteMode: 'hard', refersTo })),
  {
    entity: 'requisition_event',
    table: 'requisition_event',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    appendOnly: true,
    deleteMode: 'hard',
    refersTo: { requisitionId: 'requisition' },
  },
  // Tickets: the header merges per field, the intake form per key, and the summary, channel and
  // category follow the form (tickets/form-sync.ts); status comes from the append-only events (hooks.ts).
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
  },
  ...(
    [
      ['ticket_event', { ticketId: 'ticket' }],
      ['ticket_attachment', { ticketId: 'ticket' }],
      ['ticket_signature', { ticketId: 'ticket', eventId: 'ticket_event' }],
    ] as const
  ).map(([entity, refersTo]): EntityRule => ({ entity, table: entity, key: 'id', owner: 'store', scope: 'store', policy: {}, appendOnly: true, deleteMode: 'hard', refersTo })),
  // Each print attempt, so a reprint on any PC of the store is counted as a copy (db/print/queries.ts countPrinted).
  { entity: 'print_log', table: 'print_log', key: 'id', owner: 'store', scope: 'store', policy: {}, appendOnly: true, deleteMode: 'hard' },
  { entity: 'ticket_settings', table: 'ticket_settings', key: 'store_id', owner: 'store', scope: 'store', policy: {}, deleteMode: 'hard' },
  { entity: 'holiday', table: 'holiday', key: 'date', owner: 'store', scope: 'store', policy: {}, deleteMode: 'hard' },
  // An audit trail head office keeps and no other PC needs.
  { entity: 'customer_export', table: 'customer_export', key: 'id', owner: 'device', scope: 'hq_only', policy: {}, appendOnly: true, deleteMode: 'hard' },
];

const registry = new Map<string, EntityRule>(RULES.map((rule) => [rule.entity, rule]));

export function ruleFor(entity: string): EntityRule | undefined {
  return registry.get(entity);
}

export function registeredEntities(): string[] {
  return [...registry.keys()];
}

/** Register an entity added by a later migration (one call per entity, at module load). */
export function registerEntity(rule: EntityRule): void {
  if (registry.has(rule.entity)) throw new Error(`Sync entity ${rule.entity} is registered twice`);
  registry.set(rule.entity, rule);
}

export function opAllowedFromStore(rule: EntityRule, op: ChangeOp): boolean {
  if (rule.appendOnly) return op === 'insert' || op === 'append';
  return true;
}
