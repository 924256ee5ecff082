/**
 * The requisition form (配件领用单, docs/DOMAIN.md §7) as a machine: the technician requests, the parts
 * lead signs (decides each line: approves, reduces or rejects it; or rejects the whole form), and
 * only then does the clerk issue what was approved, in one go or in parts.
 * Returns of unused parts are not a step: they move stock back against the form whatever its
 * status, bounded by what the ticket still holds (methods.ts).
 */
import type { DocumentMachine } from '../../document-machine';
import { REQUISITION_STATUSES, type RequisitionStatus } from '../tables';

export const REQUISITION_ACTIONS = ['approve', 'reject', 'cancel', 'issue'] as const;
export type RequisitionAction = (typeof REQUISITION_ACTIONS)[number];

/** Issuing lands on whichever the issue progress says (queries.ts `issueStatus`). */
const issue = { to: ['partly_issued', 'issued'] } as const;
/** Signing line by line lands on rejected when every line was rejected (methods.ts `signedStatus`). */
const approve = { to: ['approved', 'rejected'] } as const;
const signed = { key: 'requisition_signed', from: { cancelled: 'requisition_cancelled' } } as const;

export const requisitionMachine: DocumentMachine<RequisitionStatus, RequisitionAction> = {
  field: 'requisitionId',
  statuses: REQUISITION_STATUSES,
  actions: REQUISITION_ACTIONS,
  initial: 'requested',
  steps: {
    requested: { approve, reject: { to: 'rejected' }, cancel: { to: 'cancelled' } },
    // Once anything left the shelf the form stays open for returns against it: the ledger needs the document.
    approved: { issue, cancel: { to: 'cancelled' } },
    partly_issued: { issue },
    // Still signed: asking for more than was approved is an over-issue, said as such by the quantity check.
    issued: { issue },
    rejected: {},
    cancelled: {},
  },
  who: {
    approve: { permission: 'parts.approve' },
    reject: { permission: 'parts.approve' },
    // The technician withdraws his own request; the parts lead (and admin, who holds every permission) anyone's.
    cancel: { permission: 'parts.approve', opener: true, refused: 'requisition_cancel_not_yours' },
    issue: { permission: 'parts.issue' },
  },
  refusals: {
    approve: signed,
    reject: signed,
    cancel: {
      key: 'requisition_cancel_closed',
      from: { partly_issued: 'requisition_cancel_issued', issued: 'requisition_cancel_issued' },
    },
    // Nothing leaves the shelf before the parts lead has signed (docs/DOMAIN.md §7).
    issue: { key: 'requisition_not_approved', from: { cancelled: 'requisition_cancelled' } },
  },
};
