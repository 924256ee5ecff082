/**
 * The stocktake sheet (盘点, docs/DOMAIN.md §7) as a machine: counting from the ledger cut until the
 * parts lead posts the explained differences as adjustments, or cancels the sheet. A posted or
 * cancelled sheet takes no more counts.
 */
import type { DocumentMachine } from '../../document-machine';
import { STOCKTAKE_STATUSES, type StocktakeStatus } from '../tables';

export const STOCKTAKE_ACTIONS = ['count', 'scan', 'post', 'cancel'] as const;
export type StocktakeAction = (typeof STOCKTAKE_ACTIONS)[number];

const closed = { key: 'stocktake_closed' } as const;

export const stocktakeMachine: DocumentMachine<StocktakeStatus, StocktakeAction> = {
  field: 'stocktakeId',
  statuses: STOCKTAKE_STATUSES,
  actions: STOCKTAKE_ACTIONS,
  initial: 'counting',
  steps: {
    counting: { count: { to: 'same' }, scan: { to: 'same' }, post: { to: 'posted' }, cancel: { to: 'cancelled' } },
    posted: {},
    cancelled: {},
  },
  who: {
    count: { permission: 'parts.count' },
    scan: { permission: 'parts.count' },
    post: { permission: 'parts.approve' },
    cancel: { permission: 'parts.approve' },
  },
  refusals: { count: closed, scan: closed, post: closed, cancel: closed },
};
