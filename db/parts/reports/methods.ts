/** Handlers for the reorder list, slow-moving stock, negative stock and the parts badges. */
import type { Handler } from '../../handler';
import { loadAlerts, loadNegativeStock, loadReorderList, loadSlowMoving } from './queries';

export const partsReorderList: Handler<'parts.reorderList'> = async (ctx) => {
  const items = await loadReorderList(ctx.trx);
  return { asOf: ctx.nowIso, items, totalFen: items.reduce((sum, line) => sum + line.amountFen, 0) };
};

export const partsSlowMoving: Handler<'parts.slowMoving'> = async (ctx, input) => {
  const items = await loadSlowMoving(ctx.trx, ctx.nowIso, input.days);
  return { asOf: ctx.nowIso, days: input.days, items, totalFen: items.reduce((sum, line) => sum + line.valueFen, 0) };
};

export const partsNegativeStock: Handler<'parts.negativeStock'> = async (ctx) => ({ items: await loadNegativeStock(ctx.trx) });

export const partsAlerts: Handler<'parts.alerts'> = async (ctx) => loadAlerts(ctx.trx);
