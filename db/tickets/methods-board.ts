/**
 * Handlers for the repair board, a technician's day and own list, the technicians' load and the
 * manager's figures. Who may read whose work is decided here, in the store process: a technician
 * reads only their own day and list; other people's days are for those who dispatch.
 */
import { DeskFailure, requireActor, type Handler } from '../handler';
import type { noInput } from '../fields';
import { roleCan } from '../staff/roles';
import { boardWeek, repairBoard, technicianLoads } from './board';
import type { boardWeekSchema, technicianDaySchema } from './contract';
import { freshDeadlines } from './methods-lists';
import { myJobsToday } from './my-jobs';
import { technicianDay } from './queues';
import { requireStore } from './settings';
import { todayFigures } from './today-figures';
import type { BoardWeek, MyJobsToday, RepairBoard, TechnicianLoad, TicketListItem, TodayFigures } from './views';

export const ticketsBoard: Handler<typeof noInput, RepairBoard> = async (ctx) => {
  const { cal, now } = await freshDeadlines(ctx);
  return repairBoard(ctx.trx, cal, now);
};

export const ticketsBoardWeek: Handler<typeof boardWeekSchema, BoardWeek> = async (ctx, input) => {
  const { cal, now } = await freshDeadlines(ctx);
  return boardWeek(ctx.trx, input.date, cal, now);
};

export const ticketsTechnicianLoad: Handler<typeof noInput, ReadonlyArray<TechnicianLoad>> = async (ctx) => {
  const { cal, now } = await freshDeadlines(ctx);
  return technicianLoads(ctx.trx, cal.localDate(now), cal);
};

export const ticketsTechnicianDay: Handler<
  typeof technicianDaySchema,
  { date: string; jobs: ReadonlyArray<TicketListItem> }
> = async (ctx, input) => {
  const actor = requireActor(ctx);
  if (input.technicianId !== actor.staffId && !roleCan(actor.role, 'tickets.dispatch'))
    throw new DeskFailure('permission_denied', 'permission_denied');
  const { cal, now } = await freshDeadlines(ctx);
  return { date: input.date, jobs: await technicianDay(ctx.trx, input.technicianId, input.date, cal, now) };
};

export const ticketsMyJobs: Handler<typeof noInput, MyJobsToday> = async (ctx) => {
  const actor = requireActor(ctx);
  const store = await requireStore(ctx.trx);
  const { cal, now } = await freshDeadlines(ctx);
  return myJobsToday(ctx.trx, actor, store.id, cal, now);
};

export const ticketsToday: Handler<typeof noInput, TodayFigures> = async (ctx) => {
  const { cal, now } = await freshDeadlines(ctx);
  return todayFigures(ctx.trx, cal, now);
};
