/**
 * Every spare-parts document that moves through statuses, by name. Each machine lives beside its
 * handlers; this list is what tests and docs walk. A purchase order joins it with one line.
 */
import { receiptMachine } from './receiving/machine';
import { requisitionMachine } from './requisitions/machine';
import { purchaseOrderMachine } from './purchasing/machine';
import { stocktakeMachine } from './stocktake/machine';

export const DOCUMENT_MACHINES = {
  requisition: requisitionMachine,
  receipt: receiptMachine,
  stocktake: stocktakeMachine,
  purchase_order: purchaseOrderMachine,
} as const;
