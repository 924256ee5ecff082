/**
 * Feedback and suggestions (docs/DOMAIN.md §1, §10): recorded for follow-up, reviewed by a lead (who
 * classifies it and notes what will change), then closed. Counted in the feedback reports.
 */
import type { Machine } from '../workflow';
import { LEADS, WORKERS } from './roles';

export const feedbackMachine: Machine<'feedback'> = {
  type: 'feedback',
  initial: 'recorded',
  steps: {
    recorded: {
      review: { to: 'reviewed', roles: LEADS },
      assign: { to: 'same', roles: LEADS },
      escalate: { to: 'same', roles: WORKERS },
      void: { to: 'voided', roles: LEADS },
    },
    reviewed: { close: { to: 'closed', roles: LEADS } },
    closed: {},
    voided: {},
  },
  resolved: ['reviewed', 'closed'],
  followUp: null,
  final: ['closed', 'voided'],
};
