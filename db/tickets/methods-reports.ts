/** Handlers for the complaint analysis and the staff performance report (leads and managers). */
import type { Handler } from '../handler';
import { complaintReport, staffReport } from './service-reports';
import { loadCalendar } from './settings';
import type { breachReportSchema } from './contract-targets';
import type { ComplaintReport, StaffPerformanceReport } from './contract-reports';

export const ticketsComplaintReport: Handler<typeof breachReportSchema, ComplaintReport> = async (ctx, input) =>
  complaintReport(ctx.trx, await loadCalendar(ctx.trx), input.from, input.to);

export const ticketsStaffReport: Handler<typeof breachReportSchema, StaffPerformanceReport> = async (ctx, input) =>
  staffReport(ctx.trx, await loadCalendar(ctx.trx), input.from, input.to);
