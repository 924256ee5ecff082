/** Handlers for the complaint analysis and the staff performance report (leads and managers). */
import type { Handler } from '../handler';
import { complaintReport, staffReport } from './service-reports';
import { loadCalendar } from './settings';

export const ticketsComplaintReport: Handler<'tickets.complaintReport'> = async (ctx, input) => complaintReport(ctx.trx, await loadCalendar(ctx.trx), input.from, input.to);

export const ticketsStaffReport: Handler<'tickets.staffReport'> = async (ctx, input) => staffReport(ctx.trx, await loadCalendar(ctx.trx), input.from, input.to);
