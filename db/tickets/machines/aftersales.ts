/**
 * After-sales service (售后服务, docs/DOMAIN.md §4): request with proof of purchase → verify the purchase
 * and the fault → plan: replace, repair or refund → the customer confirms → carry it out → done →
 * follow up on satisfaction. Waiting for parts or for the customer pauses the clock.
 */
import type { Machine } from '../workflow';
import { DESK, LEADS, MANAGER, WORKERS } from './roles';

const escalate = { to: 'same', roles: WORKERS } as const;
const reassign = { to: 'same', roles: LEADS } as const;
const voidIt = { to: 'voided', roles: LEADS } as const;
const wait = { to: 'same', roles: [...LEADS, 'repair_lead'], assignee: true } as const;

export const aftersalesMachine: Machine<'aftersales'> = {
  type: 'aftersales',
  initial: 'requested',
  steps: {
    requested: {
      verify: { to: 'verified', roles: DESK, assignee: true },
      // Not covered (no valid proof, damage by misuse): the manager's decision, with the reason.
      decline: { to: 'declined', roles: MANAGER },
      assign: { to: 'same', roles: LEADS },
      reassign,
      escalate,
      wait_customer: wait,
      resume: wait,
      void: voidIt,
    },
    verified: {
      decide_plan: { to: 'plan_decided', roles: LEADS, assignee: true },
      decline: { to: 'declined', roles: MANAGER },
      reassign,
      escalate,
      wait_customer: wait,
      resume: wait,
      void: voidIt,
    },
    plan_decided: {
      customer_confirms: { to: 'confirmed', roles: DESK, assignee: true },
      // Back to deciding: the customer wants another remedy.
      customer_declines: { to: 'verified', roles: DESK, assignee: true },
      reassign,
      escalate,
      wait_customer: wait,
      resume: wait,
      void: voidIt,
    },
    confirmed: {
      start_work: { to: 'in_progress', roles: [...LEADS, 'repair_lead'], assignee: true },
      reassign,
      escalate,
      wait_parts: wait,
      wait_customer: wait,
      resume: wait,
    },
    in_progress: {
      mark_done: { to: 'follow_up', roles: [...LEADS, 'repair_lead'], assignee: true },
      reassign,
      escalate,
      wait_parts: wait,
      wait_customer: wait,
      resume: wait,
    },
    follow_up: {
      follow_up_satisfied: { to: 'closed', roles: DESK },
      follow_up_reopen: { to: 'reopened', roles: DESK },
      follow_up_unreached: { to: 'same', roles: DESK },
    },
    reopened: {
      replan: { to: 'verified', roles: MANAGER },
      resolve: { to: 'closed', roles: MANAGER },
      escalate,
    },
    closed: {},
    declined: {},
    voided: {},
  },
  resolved: ['follow_up', 'closed', 'declined'],
  followUp: 'follow_up',
  final: ['closed', 'declined', 'voided'],
};
