/** The purchase orders' desk methods, one line per method, joined into db/methods.ts. */
import { noInput } from '../../fields';
import { areaMethods, method } from '../../handler';
import {
  purchaseOrderCreateSchema,
  purchaseOrderIdSchema,
  purchaseOrderListSchema,
  purchaseOrderReasonSchema,
  purchaseOrdersFromReorderSchema,
  purchaseOrderUpdateSchema,
  purchaseSettingsSchema,
  supplierRecordSchema,
} from './contract';
import {
  partsPurchaseOrder,
  partsPurchaseOrderApprove,
  partsPurchaseOrderCancel,
  partsPurchaseOrderCloseShort,
  partsPurchaseOrderCreate,
  partsPurchaseOrders,
  partsPurchaseOrderSendBack,
  partsPurchaseOrdersFromReorder,
  partsPurchaseOrderSubmit,
  partsPurchaseOrderUpdate,
  partsPurchaseSettings,
  partsPurchaseSettingsSave,
  partsSupplierRecord,
} from './methods';

// prettier-ignore
export const purchasingMethods = areaMethods('parts', {
  /** Purchase orders, newest first; `receivable` lists the approved ones with something still to come. */
  'parts.purchaseOrders': method(purchaseOrderListSchema, { access: 'parts.read', mutates: false }, partsPurchaseOrders),
  /** One order with its lines, what arrived against each, its receipts and who did what. */
  'parts.purchaseOrder': method(purchaseOrderIdSchema, { access: 'parts.read', mutates: false }, partsPurchaseOrder),
  /** A draft order by hand: supplier, contract number, expected date, lines at agreed prices (default: cost). */
  'parts.purchaseOrderCreate': method(purchaseOrderCreateSchema, { access: 'parts.order', mutates: true }, partsPurchaseOrderCreate),
  /** Change a draft: header and lines as they should now be. Approved orders are never edited. */
  'parts.purchaseOrderUpdate': method(purchaseOrderUpdateSchema, { access: 'parts.order', mutates: true }, partsPurchaseOrderUpdate),
  /** Drafts from the reorder list: one per preferred supplier of the chosen parts. */
  'parts.purchaseOrdersFromReorder': method(purchaseOrdersFromReorderSchema, { access: 'parts.order', mutates: true }, partsPurchaseOrdersFromReorder),
  /** Ask for approval. */
  'parts.purchaseOrderSubmit': method(purchaseOrderIdSchema, { access: 'parts.order', mutates: true }, partsPurchaseOrderSubmit),
  /**
   * Approve: any parts reader reaches the handler, which lets the parts lead sign up to the store's
   * threshold and only the manager (`parts.approveLargeOrder`) above it, judged on the lines' value.
   */
  'parts.purchaseOrderApprove': method(purchaseOrderIdSchema, { access: 'parts.read', mutates: true }, partsPurchaseOrderApprove),
  /** Send back to draft with a reason: whoever may approve it (checked in the handler, as approval). */
  'parts.purchaseOrderSendBack': method(purchaseOrderReasonSchema, { access: 'parts.read', mutates: true }, partsPurchaseOrderSendBack),
  /** Cancel with a reason, while nothing has arrived against it. */
  'parts.purchaseOrderCancel': method(purchaseOrderReasonSchema, { access: 'parts.order', mutates: true }, partsPurchaseOrderCancel),
  /** Close an approved order whose rest will not come, with a reason. */
  'parts.purchaseOrderCloseShort': method(purchaseOrderReasonSchema, { access: 'parts.order', mutates: true }, partsPurchaseOrderCloseShort),
  /** The store's purchasing rules: the approval threshold. */
  'parts.purchaseSettings': method(noInput, { access: 'parts.read', mutates: false }, partsPurchaseSettings),
  'parts.purchaseSettingsSave': method(purchaseSettingsSchema, { access: 'parts.purchaseSettings', mutates: true }, partsPurchaseSettingsSave),
  /** Per supplier over a period: deliveries on time against the orders' dates, and the rejected share. */
  'parts.supplierRecord': method(supplierRecordSchema, { access: 'parts.reports', mutates: false }, partsSupplierRecord),
});
