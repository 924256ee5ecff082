/**
 * The service desk's calendar and settings: the store's hours and working days (db/store), the time
 * zone, holiday region and follow-up interval (ticket_settings), and the holiday list with make-up
 * working days (head office's region days under the store's own, db/tickets/holidays.ts).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import type { DB, StoreRow } from '../schema';
import { findStoreRow } from '../store/queries';
import { changedFields, insertRecorded, recordChange, type TxContext } from '../sync/change-log';
import { createCalendar, isTimeZone, type StoreCalendar } from './calendar';
import type { HolidayInput, TicketSettingsInput } from './contract';
import { calendarDays, yearDays } from './holidays';
import { targetsKey } from './targets';
import type { HolidayView, TicketSettingsView } from './views';

/** China has one time zone; follow-ups within three working days is the common store rule. */
export const DEFAULT_TICKET_SETTINGS: TicketSettingsView = {
  followUpDays: 3,
  timeZone: 'Asia/Shanghai',
  region: 'CN',
};

export async function requireStore(db: Kysely<DB>): Promise<StoreRow> {
  const store = await findStoreRow(db);
  if (!store) throw new DeskFailure('setup_needed', 'setup_needed');
  return store;
}

export async function loadTicketSettings(db: Kysely<DB>, storeId: string): Promise<TicketSettingsView> {
  const row = await db
    .selectFrom('ticketSettings')
    .select(['followUpDays', 'timeZone', 'region'])
    .where('storeId', '=', storeId)
    .executeTakeFirst();
  return row ?? DEFAULT_TICKET_SETTINGS;
}

export async function saveTicketSettings(
  tx: TxContext,
  storeId: string,
  input: TicketSettingsInput,
): Promise<TicketSettingsView> {
  if (!isTimeZone(input.timeZone)) throw new DeskFailure('validation', 'time_zone_invalid', 'timeZone');
  const before = await tx.trx
    .selectFrom('ticketSettings')
    .selectAll()
    .where('storeId', '=', storeId)
    .executeTakeFirst();
  const hlc = tx.stamp();
  const region = input.region ?? before?.region ?? DEFAULT_TICKET_SETTINGS.region;
  const values = { followUpDays: input.followUpDays, timeZone: input.timeZone, region };
  if (!before) {
    const row = { storeId, ...values, updatedAt: tx.nowIso, hlc };
    await insertRecorded(tx, 'ticketSettings', 'ticket_settings', row, { key: 'storeId' });
  } else {
    const changed = changedFields(before, values);
    if (Object.keys(changed).length > 0) {
      await tx.trx
        .updateTable('ticketSettings')
        .set({ ...changed, updatedAt: tx.nowIso, hlc })
        .where('storeId', '=', storeId)
        .execute();
      await recordChange(tx, {
        entity: 'ticket_settings',
        entityId: storeId,
        op: 'update',
        hlc,
        fields: { ...changed, updatedAt: tx.nowIso },
      });
    }
  }
  return values;
}

export async function loadCalendar(db: Kysely<DB>): Promise<StoreCalendar> {
  const store = await requireStore(db);
  const settings = await loadTicketSettings(db, store.id);
  const holidays = await calendarDays(db, settings.region);
  const workingDays = JSON.parse(store.workingDays) as number[];
  // The key covers everything deadlines depend on besides the events, SLA targets included: when it
  // changes, list reads recompute open tickets (db/tickets/methods-lists.ts).
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        settings.timeZone,
        store.opensAt,
        store.closesAt,
        workingDays,
        settings.region,
        [...holidays].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, kind]) => `${date}:${kind}`),
        await targetsKey(db),
      ]),
    )
    .digest('hex')
    .slice(0, 16);
  return createCalendar({
    timeZone: settings.timeZone,
    opensAt: store.opensAt,
    closesAt: store.closesAt,
    workingDays,
    holidays,
    key,
  });
}

export async function listHolidays(db: Kysely<DB>, year: number): Promise<HolidayView[]> {
  const store = await requireStore(db);
  return yearDays(db, (await loadTicketSettings(db, store.id)).region, year);
}

export async function saveHoliday(tx: TxContext, input: HolidayInput & { name: string }): Promise<void> {
  const before = await tx.trx.selectFrom('holiday').selectAll().where('date', '=', input.date).executeTakeFirst();
  const hlc = tx.stamp();
  if (!before) {
    const row = { date: input.date, kind: input.kind, name: input.name, updatedAt: tx.nowIso, hlc };
    await insertRecorded(tx, 'holiday', 'holiday', row, { key: 'date' });
    return;
  }
  const changed = changedFields(before, { kind: input.kind, name: input.name });
  if (Object.keys(changed).length === 0) return;
  await tx.trx
    .updateTable('holiday')
    .set({ ...changed, updatedAt: tx.nowIso, hlc })
    .where('date', '=', input.date)
    .execute();
  await recordChange(tx, {
    entity: 'holiday',
    entityId: input.date,
    op: 'update',
    hlc,
    fields: { ...changed, updatedAt: tx.nowIso },
  });
}

export async function removeHoliday(tx: TxContext, date: string): Promise<boolean> {
  const before = await tx.trx.selectFrom('holiday').select('date').where('date', '=', date).executeTakeFirst();
  if (!before) return false;
  const hlc = tx.stamp();
  await tx.trx.deleteFrom('holiday').where('date', '=', date).execute();
  await recordChange(tx, { entity: 'holiday', entityId: date, op: 'delete', hlc, fields: {} });
  return true;
}
