/**
 * The page a role lands on when the address names none (after signing in, or a fresh start): each
 * role starts where its day's work is (docs/DOMAIN.md). A role without its page falls back to the
 * first page it may use.
 */
import type { SignedInStaff } from '../../db/api';
import type { Page } from './router';

const START_PAGES: Readonly<Record<SignedInStaff['role'], Page>> = {
  technician: 'my-jobs',
  repair_lead: 'repairs',
  counter_staff: 'counter',
  cs_lead: 'counter',
  aftersales_manager: 'today',
  parts_lead: 'parts',
  parts_clerk: 'parts',
  admin: 'counter',
};

export function startPage(staff: Pick<SignedInStaff, 'role'>, pages: readonly Page[]): Page {
  const preferred = START_PAGES[staff.role];
  if (pages.includes(preferred)) return preferred;
  return pages[0] ?? preferred;
}
