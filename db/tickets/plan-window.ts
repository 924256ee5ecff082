/**
 * The 三包 windows of an after-sales plan (docs/architecture/sanbao-rules.md). A refund is the
 * remedy of the return window, an exchange ("replace") that of the exchange window, both counted
 * from the purchase date by the product category's rules and judged on the day the request was
 * taken (warranty-of-ticket.ts). Outside its window the plan stands only with a reason, decided by
 * someone with `aftersales.outsideWindow`; a purchase date that is not known counts as outside,
 * since nothing shows the product is inside. The decision's event records the window, the purchase
 * date and the reason, so the timeline and head office see why a late refund was given.
 */
import type { Kysely } from 'kysely';
import { DeskFailure, type Actor } from '../handler';
import type { MessageKey } from '../messages';
import type { DB } from '../schema';
import { roleCan } from '../staff/roles';
import type { StoreCalendar } from './calendar';
import { listQuery } from './list';
import type { Plan } from './repair-job';
import { rulesOrDefaults } from './warranty-status';
import { judgedWarranty } from './warranty-of-ticket';

export type PlanWindow = Readonly<{
  kind: 'return' | 'exchange';
  /** The category's window in days. */
  days: number;
  purchaseDate: string | null;
  /** The window's last day (inclusive); null when the purchase date is not known or the window is 0 days. */
  until: string | null;
  /** The day judged: the store's local date the request was taken. */
  judgedOn: string;
  inside: boolean;
}>;

/** The window the plan falls under, or null for a repair (the warranty decides only what it costs). */
export async function planWindow(
  db: Kysely<DB>,
  ticketId: string,
  plan: Plan,
  cal: StoreCalendar,
): Promise<PlanWindow | null> {
  if (plan === 'repair') return null;
  const row = await listQuery(db).where('ticket.id', '=', ticketId).executeTakeFirstOrThrow();
  const rules = rulesOrDefaults(row);
  const view = judgedWarranty(row, cal);
  const kind = plan === 'refund' ? 'return' : 'exchange';
  const until = kind === 'return' ? view.returnUntil : view.exchangeUntil;
  const known = view.status !== 'unknown';
  return {
    kind,
    days: kind === 'return' ? rules.returnDays : rules.exchangeDays,
    purchaseDate: known ? view.purchaseDate : null,
    until: known ? until : null,
    judgedOn: view.judgedOn,
    inside: known && until !== null && view.judgedOn <= until,
  };
}

function outsideKey(window: PlanWindow, manager: boolean): MessageKey {
  if (window.purchaseDate === null) return manager ? 'plan_purchase_unknown_reason' : 'plan_purchase_unknown_manager';
  if (window.kind === 'return') return manager ? 'plan_outside_return_reason' : 'plan_outside_return_manager';
  return manager ? 'plan_outside_exchange_reason' : 'plan_outside_exchange_manager';
}

/**
 * What a `decide_plan` event records besides the plan: the window, and the reason when outside it.
 * Refuses (before anything is written) an outside plan from a role without the permission, or
 * without a reason.
 */
export async function checkPlanWindow(
  db: Kysely<DB>,
  ticketId: string,
  actor: Actor,
  cal: StoreCalendar,
  step: Readonly<{ plan: Plan; overrideReason: string }>,
): Promise<Record<string, unknown>> {
  const window = await planWindow(db, ticketId, step.plan, cal);
  if (window === null || window.inside) return window === null ? {} : { window };
  const manager = roleCan(actor.role, 'aftersales.outsideWindow');
  if (!manager) throw new DeskFailure('permission_denied', outsideKey(window, false), 'step.plan');
  if (step.overrideReason === '') throw new DeskFailure('validation', outsideKey(window, true), 'step.overrideReason');
  return { window, overrideReason: step.overrideReason };
}
