/** Handlers for the SLA targets (Service standards page) and the breach report. */
import { DeskFailure, type Handler } from '../handler';
import { isEnrolled } from '../enrolment';
import { breachReport } from './breach-report';
import { loadCalendar } from './settings';
import { listTargets, saveTargets } from './targets';

export const ticketsSlaTargets: Handler<'tickets.slaTargets'> = async (ctx) => listTargets(ctx.trx);

// Open tickets' deadlines are recomputed by the next list read: the targets are part of the calendar key.
// Service standards belong to head office (DOMAIN.md); a store keeps them only until it is enrolled.
export const ticketsSaveSlaTargets: Handler<'tickets.saveSlaTargets'> = async (ctx, input) => {
  if (await isEnrolled(ctx.trx)) throw new DeskFailure('permission_denied', 'standards_hq_owned');
  await saveTargets(ctx, input.targets);
  return listTargets(ctx.trx);
};

export const ticketsBreachReport: Handler<'tickets.breachReport'> = async (ctx, input) => breachReport(ctx.trx, await loadCalendar(ctx.trx), input.from, input.to);
