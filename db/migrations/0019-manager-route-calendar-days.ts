/**
 * 0019: two corrections to the ticket workflows.
 * - ticket.for_role (derived, like status: never synced): a reopened complaint that waits for a role
 *   rather than a person — every after-sales manager, or the admin in a store without one
 *   (db/tickets/manager-route.ts). Existing tickets were folded without it and keep null.
 * - sla_target.counts: the regulation's "handle within 24 hours" means 24 hours of the calendar,
 *   not 24 of the store's opening hours (three days of a 9-to-5 desk). A standard whose resolution
 *   target is a whole number of days counts calendar hours, but only where the store never edited
 *   the standard and head office never sent it: such a row still carries the seed's stamp
 *   (hlc '0', from migration 0007), because every save (db/tickets/targets.ts saveTargets) and every
 *   pulled head-office record writes its own HLC. An edited row is the store's or head office's
 *   choice and stays as it is.
 * Frozen once landed: never edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE ticket ADD COLUMN for_role TEXT CHECK (for_role IN ('aftersales_manager','admin'))`.execute(db);
  await sql`CREATE INDEX ticket_for_role ON ticket (for_role) WHERE for_role IS NOT NULL`.execute(db);
  await sql`UPDATE sla_target SET counts = 'calendar' WHERE hlc = '0' AND resolve_minutes % 1440 = 0`.execute(db);
}
