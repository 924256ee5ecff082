/**
 * Complaint (投诉, docs/DOMAIN.md §3): record and classify → assign a responsible person → investigate →
 * decide a solution → tell the customer and ask their view → satisfaction survey (the follow-up
 * call) → archive. A customer who is not satisfied sends it back to the manager, and round again:
 * the reopen is routed to the store's after-sales manager (db/tickets/manager-route.ts).
 */
import type { Machine } from '../workflow';
import { DESK, LEADS, MANAGER, WORKERS } from './roles';

const escalate = { to: 'same', roles: WORKERS } as const;
const reassign = { to: 'same', roles: LEADS } as const;
const voidIt = { to: 'voided', roles: LEADS } as const;
const waitCustomer = { to: 'same', roles: LEADS, assignee: true } as const;

export const complaintMachine: Machine<'complaint'> = {
  type: 'complaint',
  initial: 'recorded',
  steps: {
    // The desk may give the customer a first reply before anyone is made responsible: it stops the
    // 15-minute response clock and leaves the complaint unassigned.
    recorded: {
      first_reply: { to: 'same', roles: DESK },
      assign: { to: 'assigned', roles: LEADS },
      escalate,
      void: voidIt,
    },
    assigned: {
      start_investigation: { to: 'investigating', roles: LEADS, assignee: true },
      reassign,
      escalate,
      wait_customer: waitCustomer,
      resume: waitCustomer,
      void: voidIt,
    },
    investigating: {
      propose_solution: { to: 'solution_proposed', roles: LEADS, assignee: true },
      reassign,
      escalate,
      wait_customer: waitCustomer,
      resume: waitCustomer,
      void: voidIt,
    },
    solution_proposed: {
      // The customer accepts: done, and the satisfaction survey is scheduled.
      inform_customer: { to: 'follow_up', roles: DESK, assignee: true },
      customer_disagrees: { to: 'reopened', roles: DESK, assignee: true },
      reassign,
      escalate,
      wait_customer: waitCustomer,
      resume: waitCustomer,
      void: voidIt,
    },
    follow_up: {
      follow_up_satisfied: { to: 'resolved', roles: DESK },
      follow_up_reopen: { to: 'reopened', roles: DESK },
      follow_up_unreached: { to: 'same', roles: DESK },
    },
    reopened: {
      // Round again with a (new) responsible person, or the manager settles it and reports back.
      assign: { to: 'assigned', roles: MANAGER },
      resolve: { to: 'resolved', roles: MANAGER },
      escalate,
    },
    resolved: { archive: { to: 'archived', roles: LEADS } },
    archived: {},
    voided: {},
  },
  resolved: ['follow_up', 'resolved', 'archived'],
  followUp: 'follow_up',
  final: ['archived', 'voided'],
};
