/**
 * Who takes which step (docs/DOMAIN.md's roles). The admin is the store's superuser and may take every
 * step, so a store with one person set up can still work its tickets.
 */
import type { Role } from '../../staff/roles';

/** Everyone who works tickets (not the parts group). */
export const WORKERS: ReadonlyArray<Role> = [
  'counter_staff',
  'cs_lead',
  'repair_lead',
  'technician',
  'aftersales_manager',
  'admin',
];
/** The service desk: records, tells the customer, makes the follow-up calls. */
export const DESK: ReadonlyArray<Role> = ['counter_staff', 'cs_lead', 'aftersales_manager', 'admin'];
/** Assign and reassign, close off: the customer-service lead and the after-sales manager. */
export const LEADS: ReadonlyArray<Role> = ['cs_lead', 'aftersales_manager', 'admin'];
/** "Goes back to the manager" (docs/DOMAIN.md §3, §6): reopened tickets, plans, refusals. */
export const MANAGER: ReadonlyArray<Role> = ['aftersales_manager', 'admin'];
/** Schedules repairs by urgency and load (docs/DOMAIN.md §5). */
export const REPAIR_LEADS: ReadonlyArray<Role> = ['repair_lead', 'aftersales_manager', 'admin'];
