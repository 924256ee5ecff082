/** Handlers for the service settings: follow-up interval, time zone, holidays and make-up working days. */
import { DeskFailure, type Handler } from '../handler';
import type { DayKind } from './calendar';
import {
  listHolidays,
  loadCalendar,
  loadTicketSettings,
  removeHoliday,
  requireStore,
  saveHoliday,
  saveTicketSettings,
} from './settings';
import type { noInput } from '../fields';
import type { TicketSettingsView, HolidayView } from './views';
import type { ticketSettingsSchema, holidayYearSchema, holidaySchema, holidayRemoveSchema } from './contract';

// Deadlines of open tickets are recomputed by the next list read (the calendar's key changes).

export const ticketsSettings: Handler<typeof noInput, TicketSettingsView> = async (ctx) =>
  loadTicketSettings(ctx.trx, (await requireStore(ctx.trx)).id);

export const ticketsUpdateSettings: Handler<typeof ticketSettingsSchema, TicketSettingsView> = async (ctx, input) =>
  saveTicketSettings(ctx, (await requireStore(ctx.trx)).id, input);

export const ticketsHolidays: Handler<typeof holidayYearSchema, ReadonlyArray<HolidayView>> = async (ctx, input) =>
  listHolidays(ctx.trx, input.year);

export const ticketsSaveHoliday: Handler<typeof holidaySchema, ReadonlyArray<HolidayView>> = async (ctx, input) => {
  await saveHoliday(ctx, input);
  return listHolidays(ctx.trx, Number(input.date.slice(0, 4)));
};

export const ticketsRemoveHoliday: Handler<typeof holidayRemoveSchema, ReadonlyArray<HolidayView>> = async (
  ctx,
  input,
) => {
  if (!(await removeHoliday(ctx, input.date))) throw new DeskFailure('not_found', 'not_found');
  return listHolidays(ctx.trx, Number(input.date.slice(0, 4)));
};

/**
 * Every exception day of the store's calendar, for the intake form's live 三包 status: a window
 * ending on a public holiday runs on to the next working day (db/tickets/warranty-status.ts).
 */
export const ticketsCalendarDays: Handler<typeof noInput, ReadonlyArray<readonly [string, DayKind]>> = async (ctx) => [
  ...(await loadCalendar(ctx.trx)).settings.holidays,
];
