/**
 * Every synced entity, joined from the areas' own declarations (db/<area>/sync-entities.ts). Pure
 * data: the counter's desk hands it to the sync engine, and head office imports it to merge the
 * same way. Adding a synced table is one line in its area's list (docs/architecture/add-a-synced-table.md).
 */
import { chargesEntities } from './charges/sync-entities';
import { customerEntities } from './customers/sync-entities';
import { messageEntities } from './messages/sync-entities';
import { partsEntities } from './parts/sync-entities';
import { printEntities } from './print/sync-entities';
import { staffEntities } from './staff/sync-entities';
import { storeEntities } from './store/sync-entities';
import { createEntityRules } from './sync/entity-rules';
import { ticketEntities } from './tickets/sync-entities';
import { trainingEntities } from './training/sync-entities';

export const syncedEntities = createEntityRules([
  ...storeEntities,
  ...staffEntities,
  ...customerEntities,
  ...partsEntities,
  ...ticketEntities,
  ...printEntities,
  ...chargesEntities,
  ...messageEntities,
  ...trainingEntities,
]);

/** The areas whose pages can show a synced record; each has a `<area>.changed` event (db/contract.ts). */
export type ShownArea = 'store' | 'staff' | 'customers' | 'parts' | 'tickets' | 'print' | 'sync';

/**
 * Which pages show each synced entity: when a pull writes one, the counter announces these areas'
 * `<area>.changed` so open pages read again (docs/architecture/live-refresh.md). An entity shown on
 * another area's pages names that area too (a ticket list shows its customer's name). Head-office-
 * only entities are never pulled and name no area. test/db/live-areas.test.ts fails when a synced
 * entity is missing here.
 */
export const AREAS_OF_ENTITY: Readonly<Record<string, ReadonlyArray<ShownArea>>> = {
  store: [],
  opening_hours_template: ['store', 'tickets'],
  staff: ['staff', 'tickets'],
  customer: ['customers', 'tickets'],
  customer_phone: ['customers', 'tickets'],
  customer_address: ['customers', 'tickets'],
  customer_note: ['customers'],
  product: ['customers', 'tickets'],
  customer_merge: ['customers', 'tickets'],
  customer_tier: ['customers', 'tickets'],
  product_category: ['customers', 'tickets'],
  customer_export: [],
  part: ['parts'],
  supplier: ['parts'],
  stock_location: ['parts'],
  stock_movement: ['parts'],
  goods_receipt: ['parts'],
  goods_receipt_line: ['parts'],
  supplier_return: ['parts'],
  supplier_return_line: ['parts'],
  requisition: ['parts'],
  requisition_line: ['parts'],
  stocktake: ['parts'],
  stocktake_line: ['parts'],
  // The sync page lists what head office decided about this store's offered parts.
  join_offer: ['parts', 'sync'],
  requisition_event: ['parts'],
  part_clearance: ['parts'],
  purchase_order: ['parts'],
  purchase_order_line: ['parts'],
  purchase_order_event: ['parts'],
  purchase_settings: ['parts'],
  sla_target: ['tickets'],
  ticket: ['tickets'],
  ticket_event: ['tickets'],
  ticket_attachment: ['tickets'],
  ticket_signature: ['tickets'],
  estimate: ['tickets'],
  estimate_decision: ['tickets'],
  ticket_settings: ['tickets'],
  holiday: ['tickets'],
  region_holiday: ['tickets'],
  print_log: ['print'],
  charge_line: ['tickets'],
  payment: ['tickets'],
  customer_message: ['tickets'],
  message_delivery: ['tickets'],
  message_reply: ['tickets'],
  message_settings: ['tickets'],
  message_template: ['tickets'],
  training_session: ['staff'],
  training_attendance: ['staff'],
  assessment_period: ['staff'],
  assessment_entry: ['staff'],
};
