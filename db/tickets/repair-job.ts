/**
 * The repair job an after-sales plan opens (docs/DOMAIN.md §4 → §5). When an after-sales ticket whose
 * confirmed plan is "repair" starts its work (`start_work`: the moment the repair actually begins
 * and the repair lead takes it on; confirming the plan is only the customer's agreement), a repair
 * ticket is opened in the same transaction with the request's customer, product, fault, proof of
 * purchase, warranty status and priority, so the repair team finds it on the repair board without
 * anyone retyping it. One per after-sales ticket: an existing link is never duplicated.
 */
import type { Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import type { MessageKey } from '../messages';
import type { DB } from '../schema';
import type { StoreCalendar } from './calendar';
import type { TicketFold } from './events';
import { repairIntake, type TicketForm, type TicketIntake } from './intake';
import type { StepParsed } from './step-input';
import type { LinkedTicket } from './views';
import { listQuery } from './list';
import { warrantyOfTicket } from './warranty-of-ticket';
import type { WarrantyStatus } from './warranty-status';
import type { TicketType } from './workflow';

export type Plan = 'replace' | 'repair' | 'refund';

/** The plan last decided on the ticket (a declined plan is decided again, so the last one counts). */
export function decidedPlan(events: ReadonlyArray<{ action: string; data: string }>): Plan | null {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i]!;
    if (event.action !== 'decide_plan') continue;
    const plan = (JSON.parse(event.data) as { plan?: unknown }).plan;
    return plan === 'replace' || plan === 'repair' || plan === 'refund' ? plan : null;
  }
  return null;
}

const linkColumns = ['id', 'number', 'type', 'status', 'isOpen'] as const;

function toLink(
  row: { id: string; number: string; type: TicketType; status: string; isOpen: number } | undefined,
): LinkedTicket | null {
  return row ? { ...row, isOpen: row.isOpen === 1 } : null;
}

/** The repair job opened from this after-sales ticket, if any (the oldest, should sync ever bring two). */
export async function repairJobOf(db: Kysely<DB>, requestId: string): Promise<LinkedTicket | null> {
  return toLink(
    await db
      .selectFrom('ticket')
      .select(linkColumns)
      .where('parentTicketId', '=', requestId)
      .orderBy('createdAt')
      .orderBy('id')
      .executeTakeFirst(),
  );
}

export async function linkedTicket(db: Kysely<DB>, id: string | null): Promise<LinkedTicket | null> {
  if (id === null) return null;
  return toLink(await db.selectFrom('ticket').select(linkColumns).where('id', '=', id).executeTakeFirst());
}

function text(form: TicketForm, key: string): string {
  const value = form[key];
  return typeof value === 'string' ? value : '';
}

/** The request's warranty status as its page shows it: judged on the day the request was taken. */
async function requestWarranty(db: Kysely<DB>, fold: TicketFold, cal: StoreCalendar): Promise<WarrantyStatus> {
  const row = await listQuery(db).where('ticket.id', '=', fold.ticket.id).executeTakeFirstOrThrow();
  return warrantyOfTicket(row, cal)?.status ?? 'unknown';
}

/**
 * The repair ticket's intake for this step, or null when the step opens none: not an after-sales
 * start, the plan is not "repair", or the job already exists. Refuses (before anything is written)
 * when what the chosen place needs is missing. A request without a registered product carries
 * "no product": the job keeps the model and serial from the proof of purchase, as a repair taken
 * at the counter for unregistered goods does.
 */
export async function repairJobIntake(
  db: Kysely<DB>,
  fold: TicketFold,
  step: StepParsed,
  cal: StoreCalendar,
): Promise<TicketIntake | null> {
  const { ticket, events } = fold;
  if (ticket.type !== 'aftersales' || step.action !== 'start_work') return null;
  if (decidedPlan(events) !== 'repair') return null;
  if ((await repairJobOf(db, ticket.id)) !== null) return null;
  const form = JSON.parse(ticket.form) as TicketForm;
  const location = step.location ?? 'in_store';
  const parsed = repairIntake.safeParse({
    type: 'repair',
    customerId: ticket.customerId,
    priority: ticket.priority,
    ...(ticket.productId ? { productId: ticket.productId } : {}),
    location,
    address: location === 'on_site' ? step.address : '',
    condition: location === 'in_store' ? step.condition : '',
    model: text(form, 'model'),
    serial: text(form, 'serial'),
    fault: text(form, 'fault'),
    receiptNo: text(form, 'receiptNo'),
    ...(text(form, 'purchaseDate') ? { purchaseDate: text(form, 'purchaseDate') } : {}),
    warranty: await requestWarranty(db, fold, cal),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    // Only the place's own details come from the step; the rest was checked at intake.
    throw new DeskFailure(
      'validation',
      issue.message as MessageKey,
      field === 'address' || field === 'condition' ? `step.${field}` : undefined,
    );
  }
  return parsed.data;
}
