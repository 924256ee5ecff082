/** Handlers for the reorder list, slow-moving stock, negative stock and the parts badges. */
import type { Handler } from '../../handler';
import { loadAlerts, loadNegativeStock, loadReorderList, loadSlowMoving } from './queries';
import type { noInput } from '../../fields';
import type { ReorderList, slowMovingSchema, SlowMoving, NegativeLine, PartsAlerts } from './contract';

export const partsReorderList: Handler<typeof noInput, ReorderList> = async (ctx) => {
  const items = await loadReorderList(ctx.trx, ctx.nowIso);
  return { asOf: ctx.nowIso, items, totalFen: items.reduce((sum, line) => sum + line.amountFen, 0) };
};

export const partsSlowMoving: Handler<typeof slowMovingSchema, SlowMoving> = async (ctx, input) => {
  const items = await loadSlowMoving(ctx.trx, ctx.nowIso, input.days);
  return { asOf: ctx.nowIso, days: input.days, items, totalFen: items.reduce((sum, line) => sum + line.valueFen, 0) };
};

export const partsNegativeStock: Handler<typeof noInput, { items: ReadonlyArray<NegativeLine> }> = async (ctx) => ({
  items: await loadNegativeStock(ctx.trx),
});

export const partsAlerts: Handler<typeof noInput, PartsAlerts> = async (ctx) => loadAlerts(ctx.trx, ctx.nowIso);
