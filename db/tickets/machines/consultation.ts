/**
 * Consultation (咨询, docs/DOMAIN.md §2): a simple question is answered at once; a complex one is
 * recorded with a promised reply time, and the promise is tracked until kept.
 */
import type { Machine } from '../workflow';
import { LEADS, WORKERS } from './roles';

export const consultationMachine: Machine<'consultation'> = {
  type: 'consultation',
  initial: 'recorded',
  steps: {
    recorded: {
      answer: { to: 'answered', roles: WORKERS },
      promise_reply: { to: 'awaiting_reply', roles: WORKERS },
      assign: { to: 'same', roles: LEADS },
      escalate: { to: 'same', roles: WORKERS },
      void: { to: 'voided', roles: LEADS },
    },
    awaiting_reply: {
      answer: { to: 'answered', roles: WORKERS },
      // A new promise when the first cannot be kept: the list shows the latest one.
      promise_reply: { to: 'same', roles: WORKERS },
      reassign: { to: 'same', roles: LEADS },
      escalate: { to: 'same', roles: WORKERS },
      void: { to: 'voided', roles: LEADS },
    },
    answered: {},
    voided: {},
  },
  resolved: ['answered'],
  followUp: null,
  final: ['answered', 'voided'],
};
