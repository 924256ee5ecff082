/** The parts area's synced entities (rules: db/sync/entity-rules.ts). */
import type { EntityRule } from '../sync/entity-rules';

/** The documents numbered per counter and day (R-, GR-, RT-, ST-, PO-); a requisition line is known by its requisition. */
const NUMBERED_DOCUMENTS: ReadonlyArray<string> = [
  'goods_receipt',
  'supplier_return',
  'requisition',
  'stocktake',
  'purchase_order',
];

function documentNumbering(entity: string): Pick<EntityRule, 'numbered' | 'label'> {
  if (!NUMBERED_DOCUMENTS.includes(entity)) return {};
  return {
    numbered: { field: 'number', column: 'number' },
    // A requisition kept aside without its number is known by its ticket's.
    label:
      entity === 'requisition'
        ? { field: 'number', via: { field: 'ticketId', entity: 'ticket' } }
        : { field: 'number' },
  };
}

/**
 * A return cancelled on one PC and shipped on another while both were offline is shipped: the goods
 * left the store, whichever step was stamped last (db/parts/returns/settle.ts then takes the stock
 * the cancel put back off the shelf again). Every step of the return's machine moves up this order.
 */
const SUPPLIER_RETURN_POLICY = { precedence: { status: ['created', 'cancelled', 'shipped', 'credited'] } };

export const partsEntities: ReadonlyArray<EntityRule> = [
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
    // Kept aside (a part number this PC's own part holds), it is listed by its number.
    label: { field: 'partNo', column: 'part_no' },
  },
  {
    entity: 'supplier',
    table: 'supplier',
    key: 'id',
    owner: 'hq',
    scope: 'global',
    policy: { hqFields: 'all' },
    deleteMode: 'soft',
  },
  {
    entity: 'stock_location',
    table: 'stock_location',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
  },
  // The ledger: insert-only, idempotent on the movement id; on-hand is a local cache (sync-hooks.ts).
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
      ['purchase_order', { locationId: 'stock_location' }],
      ['purchase_order_line', { purchaseOrderId: 'purchase_order' }],
      ['goods_receipt', { locationId: 'stock_location', purchaseOrderId: 'purchase_order' }],
      ['goods_receipt_line', { receiptId: 'goods_receipt', purchaseOrderLineId: 'purchase_order_line' }],
      ['supplier_return', { locationId: 'stock_location', receiptId: 'goods_receipt' }],
      ['supplier_return_line', { returnId: 'supplier_return' }],
      ['requisition', { locationId: 'stock_location', ticketId: 'ticket' }],
      ['requisition_line', { requisitionId: 'requisition' }],
      ['stocktake', { locationId: 'stock_location' }],
      ['stocktake_line', { stocktakeId: 'stocktake' }],
    ] as const
  ).map(([entity, refersTo]): EntityRule => ({
    entity,
    table: entity,
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: entity === 'supplier_return' ? SUPPLIER_RETURN_POLICY : {},
    deleteMode: 'hard',
    refersTo,
    ...documentNumbering(entity),
  })),
  // Head office's word on what this store offered when it joined (headoffice/join/): head office
  // writes it for this store only; the outcome is carried out here once (join/settle.ts).
  {
    entity: 'join_offer',
    table: 'join_offer',
    key: 'id',
    owner: 'hq',
    scope: 'store',
    policy: { hqFields: 'all' },
    deleteMode: 'hard',
    localColumns: { settledAt: null, movedQty: 0 },
    label: { field: 'label' },
  },
  // Slow stock sold at a reduced price: the store's own decision, its prices stay head office's.
  {
    entity: 'part_clearance',
    table: 'part_clearance',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
  },
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
  {
    entity: 'purchase_order_event',
    table: 'purchase_order_event',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    appendOnly: true,
    deleteMode: 'hard',
    refersTo: { purchaseOrderId: 'purchase_order' },
  },
  // The store's purchasing rules (the approval threshold), one row per store.
  {
    entity: 'purchase_settings',
    table: 'purchase_settings',
    key: 'store_id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
  },
];
