/** What the printed estimate (报价单) shows: one version with its lines, totals, validity and the decision, if any. */
import { DeskFailure, type HandlerContext } from '../handler';
import { loadEstimateViews } from '../tickets/estimates/store';
import { deskNow } from '../tickets/now';
import { loadCalendar } from '../tickets/settings';
import type { EstimatePrintData } from './form-data';
import { loadStoreHeader } from './store-header';

export async function loadEstimatePrint(ctx: HandlerContext, estimateId: string): Promise<EstimatePrintData> {
  const row = await ctx.trx
    .selectFrom('estimate')
    .innerJoin('ticket', 'ticket.id', 'estimate.ticketId')
    .innerJoin('customer', 'customer.id', 'ticket.customerId')
    .select(['ticket.id', 'ticket.number', 'ticket.type', 'ticket.form', 'ticket.summary', 'customer.name'])
    .where('estimate.id', '=', estimateId)
    .executeTakeFirst();
  if (!row) throw new DeskFailure('not_found', 'not_found');
  const today = (await loadCalendar(ctx.trx)).localDate(deskNow(ctx));
  const estimate = (await loadEstimateViews(ctx.trx, row, today)).find((v) => v.id === estimateId);
  if (!estimate) throw new DeskFailure('not_found', 'not_found');
  const form = JSON.parse(row.form) as Record<string, unknown>;
  const text = (key: string): string => (typeof form[key] === 'string' ? form[key] : '');
  return {
    store: await loadStoreHeader(ctx.trx),
    ticket: {
      id: row.id,
      number: row.number,
      type: row.type,
      customerName: row.name,
      product: [text('model'), text('serial')].filter(Boolean).join(' '),
      fault: text('fault') || row.summary,
    },
    estimate,
  };
}
