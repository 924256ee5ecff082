/**
 * The goods receipt (入库单, docs/DOMAIN.md §7) as a machine: open while the delivery is entered and
 * inspected line by line, closed once every line is inspected and the accepted units are booked
 * into stock. Nothing can be received or inspected on a closed receipt. Returns to supplier have
 * no status: each is written once, complete (returns.ts).
 */
import type { DocumentMachine } from '../../document-machine';
import { RECEIPT_STATUSES, type ReceiptStatus } from '../tables';

export const RECEIPT_ACTIONS = ['add_line', 'inspect', 'close'] as const;
export type ReceiptAction = (typeof RECEIPT_ACTIONS)[number];

const closed = { key: 'receipt_closed' } as const;

export const receiptMachine: DocumentMachine<ReceiptStatus, ReceiptAction> = {
  field: 'receiptId',
  statuses: RECEIPT_STATUSES,
  actions: RECEIPT_ACTIONS,
  initial: 'open',
  steps: {
    open: { add_line: { to: 'same' }, inspect: { to: 'same' }, close: { to: 'closed' } },
    closed: {},
  },
  who: {
    add_line: { permission: 'parts.receive' },
    inspect: { permission: 'parts.receive' },
    close: { permission: 'parts.receive' },
  },
  refusals: { add_line: closed, inspect: closed, close: closed },
};
