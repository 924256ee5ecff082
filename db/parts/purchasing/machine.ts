/**
 * The purchase order (采购单) as a machine: a draft is edited freely, submitted for approval, and
 * approved (then it is sent to the supplier); an approver may send it back to draft with a reason.
 * An approved order is never edited: the supplier holds it as printed and signed, so a change is a
 * new order (cancel this one, or close it short once part has arrived). Receiving does not move the
 * stored status: "partly received" and "received" are read from the receipt lines (queries.ts).
 *
 * Approval has two levels. Up to the store's threshold the parts lead (`parts.approve`) signs; above
 * it only `parts.approveLargeOrder` (the manager), who may also sign smaller orders. The handler
 * picks the action from the order's value computed from its lines; each action names its permission.
 */
import type { DocumentMachine } from '../../document-machine';
import { PURCHASE_ORDER_STATUSES, type PurchaseOrderStatus } from './tables';

export const PURCHASE_ORDER_ACTIONS = [
  'edit',
  'submit',
  'approve',
  'approve_large',
  'send_back',
  'send_back_large',
  'cancel',
  'close_short',
] as const;
export type PurchaseOrderAction = (typeof PURCHASE_ORDER_ACTIONS)[number];

const decide = { approve: 'approved', send_back: 'draft' } as const;

export const purchaseOrderMachine: DocumentMachine<PurchaseOrderStatus, PurchaseOrderAction> = {
  field: 'purchaseOrderId',
  statuses: PURCHASE_ORDER_STATUSES,
  actions: PURCHASE_ORDER_ACTIONS,
  initial: 'draft',
  steps: {
    draft: { edit: { to: 'same' }, submit: { to: 'awaiting_approval' }, cancel: { to: 'cancelled' } },
    awaiting_approval: {
      approve: { to: decide.approve },
      approve_large: { to: decide.approve },
      send_back: { to: decide.send_back },
      send_back_large: { to: decide.send_back },
      cancel: { to: 'cancelled' },
    },
    // Cancelling an approved order is refused by the handler once anything arrived against it.
    approved: { cancel: { to: 'cancelled' }, close_short: { to: 'closed_short' } },
    closed_short: {},
    cancelled: {},
  },
  who: {
    edit: { permission: 'parts.order' },
    submit: { permission: 'parts.order' },
    approve: { permission: 'parts.approve' },
    approve_large: { permission: 'parts.approveLargeOrder', refused: 'po_needs_manager' },
    send_back: { permission: 'parts.approve' },
    send_back_large: { permission: 'parts.approveLargeOrder', refused: 'po_needs_manager' },
    cancel: { permission: 'parts.order' },
    close_short: { permission: 'parts.order' },
  },
  refusals: {
    edit: { key: 'po_not_draft' },
    submit: { key: 'po_not_draft' },
    approve: { key: 'po_not_awaiting' },
    approve_large: { key: 'po_not_awaiting' },
    send_back: { key: 'po_not_awaiting' },
    send_back_large: { key: 'po_not_awaiting' },
    cancel: { key: 'po_closed' },
    close_short: { key: 'po_not_approved', from: { closed_short: 'po_closed', cancelled: 'po_closed' } },
  },
};
