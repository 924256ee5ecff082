/** Handlers for the SLA targets (Service standards page) and the breach report. */
import { DeskFailure, type Handler } from '../handler';
import { isEnrolled } from '../enrolment';
import { breachReport } from './breach-report';
import { loadCalendar } from './settings';
import { listTargets, saveTargets } from './targets';
import type { noInput } from '../fields';
import type { SlaTargetView, saveSlaTargetsSchema, breachReportSchema, BreachReport } from './contract-targets';

export const ticketsSlaTargets: Handler<typeof noInput, ReadonlyArray<SlaTargetView>> = async (ctx) =>
  listTargets(ctx.trx);

// Open tickets' deadlines are recomputed by the next list read: the targets are part of the calendar key.
// Service standards belong to head office (docs/DOMAIN.md); a store keeps them only until it is enrolled.
export const ticketsSaveSlaTargets: Handler<typeof saveSlaTargetsSchema, ReadonlyArray<SlaTargetView>> = async (
  ctx,
  input,
) => {
  if (await isEnrolled(ctx.trx)) throw new DeskFailure('permission_denied', 'standards_hq_owned');
  await saveTargets(ctx, input.targets);
  return listTargets(ctx.trx);
};

export const ticketsBreachReport: Handler<typeof breachReportSchema, BreachReport> = async (ctx, input) =>
  breachReport(ctx.trx, await loadCalendar(ctx.trx), input.from, input.to);
