/**
 * A return to supplier (退货单) as a machine: created (written complete, stock taken off the shelf if
 * it came from stock) → shipped (it left the store with a carrier) → credited (the supplier's credit
 * note is recorded). Until it ships it can be cancelled, which puts any stock back through the
 * ledger; once shipped the goods are gone and only the credit remains to record.
 */
import type { DocumentMachine } from '../../document-machine';
import { SUPPLIER_RETURN_STATUSES, type SupplierReturnStatus } from '../tables';

export const SUPPLIER_RETURN_ACTIONS = ['ship', 'credit', 'cancel'] as const;
export type SupplierReturnAction = (typeof SUPPLIER_RETURN_ACTIONS)[number];

export const supplierReturnMachine: DocumentMachine<SupplierReturnStatus, SupplierReturnAction> = {
  field: 'returnId',
  statuses: SUPPLIER_RETURN_STATUSES,
  actions: SUPPLIER_RETURN_ACTIONS,
  initial: 'created',
  steps: {
    created: { ship: { to: 'shipped' }, cancel: { to: 'cancelled' } },
    shipped: { credit: { to: 'credited' } },
    credited: {},
    cancelled: {},
  },
  who: {
    // Whoever packs and hands goods over at the dock; the credit is money, so the parts lead signs it.
    ship: { permission: 'parts.receive' },
    credit: { permission: 'parts.approve' },
    cancel: { permission: 'parts.approve' },
  },
  refusals: {
    ship: { key: 'return_already_shipped', from: { cancelled: 'return_cancelled' } },
    credit: {
      key: 'return_not_shipped',
      from: { credited: 'return_already_credited', cancelled: 'return_cancelled' },
    },
    cancel: { key: 'return_cancel_shipped', from: { cancelled: 'return_cancelled' } },
  },
};
