/**
 * The estimate's desk methods (`estimateMethods` at the end, one line each): read the versions,
 * save a version, hand it to the customer, record the customer's decision. They are `tickets.*`
 * methods, so a change announces `tickets.changed` and an open ticket page reads again.
 */
import { enqueueTicketMessage } from '../../messages/queue';
import { DeskFailure, areaMethods, method, type Handler, type HandlerContext } from '../../handler';
import type { StoreCalendar } from '../calendar';
import { deskNow } from '../now';
import { loadCalendar } from '../settings';
import type { TicketRow } from '../tables';
import {
  estimateDecideSchema,
  estimateSaveSchema,
  estimateSendSchema,
  estimatesGetSchema,
  warrantyCovers,
  type EstimatesView,
} from './contract';
import { recordDecision } from './decide';
import { jobWarranty, workGate } from './gate';
import { saveEstimate } from './save';
import { loadEstimateRow, loadEstimateRows, loadEstimateViews, updateEstimate, type EstimateRow } from './store';

export type EstimateScene = Readonly<{ ctx: HandlerContext; ticket: TicketRow; cal: StoreCalendar; today: string }>;

/** The ticket priced, with the store's calendar and today's local date. Only repairs and after-sales jobs have estimates. */
export async function estimateScene(ctx: HandlerContext, ticketId: string): Promise<EstimateScene> {
  const ticket = await ctx.trx.selectFrom('ticket').selectAll().where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) throw new DeskFailure('not_found', 'not_found');
  if (ticket.type !== 'repair' && ticket.type !== 'aftersales')
    throw new DeskFailure('validation', 'estimate_wrong_type');
  const cal = await loadCalendar(ctx.trx);
  return { ctx, ticket, cal, today: cal.localDate(deskNow(ctx)) };
}

export async function estimatesView(scene: EstimateScene): Promise<EstimatesView> {
  const { ctx, ticket, cal, today } = scene;
  return {
    ticketId: ticket.id,
    warrantyCovers: warrantyCovers(await jobWarranty(ctx.trx, ticket, cal)),
    versions: await loadEstimateViews(ctx.trx, ticket, today),
    gate: await workGate(ctx.trx, ticket, cal, today),
    today,
  };
}

/** The version a call names must still be the ticket's current one. */
export async function currentVersion(scene: EstimateScene, estimateId: string): Promise<EstimateRow> {
  const rows = await loadEstimateRows(scene.ctx.trx, scene.ticket.id);
  if (rows[0]?.id !== estimateId) throw new DeskFailure('conflict', 'estimate_superseded');
  return rows[0];
}

async function sceneOfEstimate(ctx: HandlerContext, estimateId: string): Promise<[EstimateScene, EstimateRow]> {
  const row = await loadEstimateRow(ctx.trx, estimateId);
  if (!row) throw new DeskFailure('not_found', 'not_found');
  const scene = await estimateScene(ctx, row.ticketId);
  return [scene, await currentVersion(scene, estimateId)];
}

/**
 * The estimate is now with the customer, awaiting their approval: the one place a version
 * becomes "sent". The customer's "estimate ready" message (estimate_ready) is queued here.
 */
async function estimateAwaitingApproval(scene: EstimateScene, row: EstimateRow): Promise<void> {
  await updateEstimate(scene.ctx, row, { sentAt: scene.ctx.nowIso, sentBy: scene.ctx.staffId });
  // Consent, quiet hours and "once per version" are the queue's to decide (db/messages/queue.ts).
  await enqueueTicketMessage(scene.ctx, {
    ticketId: scene.ticket.id,
    event: 'estimate_ready',
    nowMs: deskNow(scene.ctx),
    estimateVersion: row.version,
  });
}

export const ticketsEstimates: Handler<typeof estimatesGetSchema, EstimatesView> = async (ctx, input) =>
  estimatesView(await estimateScene(ctx, input.ticketId));

export const ticketsEstimateSave: Handler<typeof estimateSaveSchema, EstimatesView> = async (ctx, input) => {
  const scene = await estimateScene(ctx, input.ticketId);
  await saveEstimate(scene, input);
  return estimatesView(scene);
};

export const ticketsEstimateSend: Handler<typeof estimateSendSchema, EstimatesView> = async (ctx, input) => {
  const [scene, row] = await sceneOfEstimate(ctx, input.estimateId);
  const view = (await loadEstimateViews(ctx.trx, scene.ticket, scene.today))[0]!;
  if (view.status === 'expired') throw new DeskFailure('validation', 'estimate_expired');
  if (view.status === 'approved' || view.status === 'declined')
    throw new DeskFailure('conflict', 'estimate_already_decided');
  // Printing it again or pressing "send" twice changes nothing.
  if (view.status === 'draft') await estimateAwaitingApproval(scene, row);
  return estimatesView(scene);
};

export const ticketsEstimateDecide: Handler<typeof estimateDecideSchema, EstimatesView> = async (ctx, input) => {
  const [scene, row] = await sceneOfEstimate(ctx, input.estimateId);
  await recordDecision(scene, row, input);
  return estimatesView(scene);
};

/** Estimates (报价单) of repair and after-sales jobs, and the customer's approval. */
// prettier-ignore
export const estimateMethods = areaMethods('tickets', {
  /** Every version of the ticket's estimate, newest first, and whether priced work may start. */
  'tickets.estimates': method(estimatesGetSchema, { access: 'tickets.read', mutates: false }, ticketsEstimates),
  /** Save the estimate: a draft is changed in place; a sent or decided one gets a new version that supersedes it. */
  'tickets.estimateSave': method(estimateSaveSchema, { access: 'charges.estimate', mutates: true }, ticketsEstimateSave),
  /** Hand the current version to the customer (printed or sent): it is frozen and awaits their decision. */
  'tickets.estimateSend': method(estimateSendSchema, { access: 'charges.estimate', mutates: true }, ticketsEstimateSend),
  /** Record the customer's approval or refusal, signed on screen or given by phone; refused for an old, decided or expired version. */
  'tickets.estimateDecide': method(estimateDecideSchema, { access: 'tickets.intake', mutates: true }, ticketsEstimateDecide),
});
