/** Handlers for clearance: start one at a reduced price (ending any open one), or end it by hand. */
import { DeskFailure, type Handler, type HandlerContext } from '../../handler';
import { findPartRow } from '../catalogue/queries';
import type { PartRow } from '../tables';
import type { ClearanceView, clearanceEndSchema, clearanceStartSchema } from './contract';
import { clearanceViews, endClearances, insertClearance } from './queries';
import { sql } from 'kysely';

async function partOrFail(ctx: HandlerContext, partId: string): Promise<PartRow> {
  const part = await findPartRow(ctx.trx, partId);
  if (!part) throw new DeskFailure('not_found', 'not_found', 'partId');
  return part;
}

async function stockOf(ctx: HandlerContext, partId: string): Promise<number> {
  const row = await ctx.trx
    .selectFrom('stockOnHand')
    .select(sql<number>`COALESCE(SUM(qty), 0)`.as('qty'))
    .where('partId', '=', partId)
    .executeTakeFirst();
  return Number(row?.qty ?? 0);
}

export const partsClearanceStart: Handler<typeof clearanceStartSchema, ClearanceView> = async (ctx, input) => {
  const part = await partOrFail(ctx, input.partId);
  // A clearance price at or above the catalogue price would charge the customer more, not less.
  if (input.priceFen >= part.priceFen) throw new DeskFailure('validation', 'clearance_not_reduced', 'priceFen');
  if ((await stockOf(ctx, part.id)) <= 0) throw new DeskFailure('validation', 'clearance_no_stock', 'partId');
  // A new price replaces the open clearance: the old one ends now, so the history shows both.
  await endClearances(ctx, part.id, 'by_hand', input.reason);
  await insertClearance(ctx, { partId: part.id, priceFen: input.priceFen, reason: input.reason });
  const view = (await clearanceViews(ctx.trx, [part.id])).get(part.id);
  if (!view) throw new Error('a clearance written in this transaction reads back');
  return view;
};

export const partsClearanceEnd: Handler<typeof clearanceEndSchema, { ended: number }> = async (ctx, input) => {
  const part = await partOrFail(ctx, input.partId);
  const ended = await endClearances(ctx, part.id, 'by_hand', input.reason);
  if (ended === 0) throw new DeskFailure('conflict', 'clearance_none_open', 'partId');
  return { ended };
};
