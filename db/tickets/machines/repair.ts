/**
 * Repair (维修), in store or on site (上门维修, docs/DOMAIN.md §5): the repair lead schedules a technician
 * by urgency and load; the technician fixes an appointment with the customer (on site), arrives,
 * repairs, and the customer signs the service form (维修服务单) on completion. Then the follow-up.
 */
import type { Machine } from '../workflow';
import { DESK, MANAGER, REPAIR_LEADS, WORKERS } from './roles';

const escalate = { to: 'same', roles: WORKERS } as const;
const reassign = { to: 'same', roles: REPAIR_LEADS } as const;
const voidIt = { to: 'voided', roles: REPAIR_LEADS } as const;
const wait = { to: 'same', roles: REPAIR_LEADS, assignee: true } as const;

export const repairMachine: Machine<'repair'> = {
  type: 'repair',
  initial: 'received',
  steps: {
    received: {
      schedule: { to: 'scheduled', roles: REPAIR_LEADS },
      escalate,
      wait_customer: wait,
      resume: wait,
      void: voidIt,
    },
    scheduled: {
      contact_customer: { to: 'appointment_set', roles: REPAIR_LEADS, assignee: true },
      // Goods left at the counter need no appointment: the technician starts when free.
      start_work: { to: 'in_repair', roles: REPAIR_LEADS, assignee: true, location: 'in_store' },
      reassign,
      escalate,
      wait_customer: wait,
      wait_parts: wait,
      resume: wait,
      void: voidIt,
    },
    appointment_set: {
      // Calling ahead to move the appointment records the new time.
      contact_customer: { to: 'same', roles: REPAIR_LEADS, assignee: true },
      arrive: { to: 'in_repair', roles: REPAIR_LEADS, assignee: true, location: 'on_site' },
      start_work: { to: 'in_repair', roles: REPAIR_LEADS, assignee: true, location: 'in_store' },
      reassign,
      escalate,
      wait_customer: wait,
      wait_parts: wait,
      resume: wait,
      void: voidIt,
    },
    in_repair: {
      record_work: { to: 'same', roles: REPAIR_LEADS, assignee: true },
      complete: { to: 'follow_up', roles: REPAIR_LEADS, assignee: true },
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
      reschedule: { to: 'scheduled', roles: [...REPAIR_LEADS, ...MANAGER] },
      resolve: { to: 'closed', roles: MANAGER },
      escalate,
    },
    closed: {},
    voided: {},
  },
  resolved: ['follow_up', 'closed'],
  followUp: 'follow_up',
  final: ['closed', 'voided'],
};
