/**
 * What a ticket's intake is checked against beyond its schema: the customer and product on file, a
 * purchase date and a promised reply that make sense, and whom a complaint is about.
 */
import type { Tier } from '../customers/contract';
import { DeskFailure, requireActor, type HandlerContext } from '../handler';
import { parseComposite } from '../sync/composite';
import type { StoreCalendar } from './calendar';
import { parseAbout, type TicketIntake } from './intake';
import { MANAGER } from './machines/roles';
import type { TicketRow } from './tables';

export async function checkIntake(
  ctx: HandlerContext,
  intake: TicketIntake,
  { cal, now }: { cal: StoreCalendar; now: number },
): Promise<{ tier: Tier }> {
  const customer = await ctx.trx
    .selectFrom('customer')
    .select(['id', 'tier'])
    .where('id', '=', intake.customerId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!customer) throw new DeskFailure('validation', 'ticket_customer_unknown', 'customerId');
  if ('productId' in intake && intake.productId !== undefined) {
    const product = await ctx.trx
      .selectFrom('product')
      .select('customerId')
      .where('id', '=', intake.productId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (product?.customerId !== intake.customerId)
      throw new DeskFailure('validation', 'ticket_product_unknown', 'productId');
  }
  if (intake.type === 'aftersales' && intake.purchaseDate > cal.localDate(now))
    throw new DeskFailure('validation', 'purchase_date_future', 'purchaseDate');
  if (
    intake.type === 'consultation' &&
    intake.answer === '' &&
    intake.promisedReplyAt !== undefined &&
    Date.parse(intake.promisedReplyAt) < now - 5 * 60_000
  ) {
    throw new DeskFailure('validation', 'promise_in_past', 'promisedReplyAt');
  }
  return { tier: customer.tier };
}

/**
 * Whom a complaint is about: a staff member of this store, active when named (a correction that
 * keeps the person named before is not checked again), and changed after intake by the manager only.
 */
export async function checkAbout(ctx: HandlerContext, intake: TicketIntake, before: TicketRow | null): Promise<void> {
  if (intake.type !== 'complaint') return;
  const previous = before ? (parseComposite(before.form).about ?? 'none') : null;
  if (previous !== null && previous === intake.about) return;
  if (previous !== null && !MANAGER.includes(requireActor(ctx).role))
    throw new DeskFailure('permission_denied', 'complaint_about_manager_only', 'intake.about');
  const about = parseAbout(intake.about);
  if (about.kind !== 'staff') return;
  const staff = await ctx.trx
    .selectFrom('staff')
    .select('id')
    .where('id', '=', about.staffId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!staff) throw new DeskFailure('validation', 'complaint_about_invalid', before ? 'intake.about' : 'about');
}
