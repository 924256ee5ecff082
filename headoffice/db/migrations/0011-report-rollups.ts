/**
 * 0011: the chain reports' rollups (docs/architecture/console-reports.md). The reports read only
 * these small tables, never the merged states, so a year across a thousand stores is a scan of
 * rollup rows, not of twenty million tickets.
 *
 * - `report_ticket`: one row per ticket, what the reports need of it (header and the facts its
 *   events add up to); what a ticket contributes to the rollups is a function of this row, so a
 *   change to a ticket takes its old contribution out and puts the new one in.
 * - `report_month`: per store × month × ticket type, the counts, SLA clocks, ratings and turnaround.
 * - `report_mix`: per store × month × type × category × channel, ticket counts ('' for none).
 * - `report_parts_month`: per store × month × part, what was consumed (issued less returned from jobs).
 *   These two also hold the whole chain's rows (store '*', and for parts each store's total over
 *   its parts, part '*'), so a chain-wide report reads a few hundred rows instead of a million.
 * - `report_stock`: per store × part, on hand and when it last went out (slow stock).
 *
 * Months are local months in China (UTC+8). A database that already holds tickets or movements is
 * marked `report_rollups = stale` in server_meta; head office rebuilds the rollups from the merged
 * states at its next start (headoffice/reports/rebuild.ts). Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

const MONTH_MEASURES = [
  'tickets',
  'voided',
  'resolved',
  'reopened',
  'escalated',
  'reply_met',
  'reply_breached',
  'reply_open',
  'resolve_met',
  'resolve_breached',
  'resolve_open',
  'rating_1',
  'rating_2',
  'rating_3',
  'rating_4',
  'rating_5',
  'tat_count',
  'tat_minutes',
  'tat_1d',
  'tat_3d',
  'tat_7d',
  'tat_14d',
  'tat_over',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE report_ticket (
      ticket_id TEXT PRIMARY KEY,
      store_id TEXT,
      live BOOLEAN NOT NULL DEFAULT false,
      type TEXT,
      category TEXT,
      channel TEXT,
      created_ms DOUBLE PRECISION,
      status TEXT,
      status_hlc TEXT,
      responded_ms DOUBLE PRECISION,
      resolved_ms DOUBLE PRECISION,
      resolved_hlc TEXT,
      reply_breached BOOLEAN NOT NULL DEFAULT false,
      resolve_breached BOOLEAN NOT NULL DEFAULT false,
      escalated BOOLEAN NOT NULL DEFAULT false,
      reopens INTEGER NOT NULL DEFAULT 0,
      ratings INTEGER[] NOT NULL DEFAULT '{0,0,0,0,0}'
    )`.execute(db);
  const measures = sql.raw(MONTH_MEASURES.map((m) => `${m} BIGINT NOT NULL DEFAULT 0`).join(', '));
  await sql`
    CREATE TABLE report_month (
      month TEXT NOT NULL, store_id TEXT NOT NULL, type TEXT NOT NULL, ${measures},
      PRIMARY KEY (store_id, month, type)
    )`.execute(db);
  await sql`
    CREATE TABLE report_mix (
      month TEXT NOT NULL, store_id TEXT NOT NULL, type TEXT NOT NULL, category TEXT NOT NULL, channel TEXT NOT NULL,
      tickets BIGINT NOT NULL DEFAULT 0,
      PRIMARY KEY (store_id, month, type, category, channel)
    )`.execute(db);
  await sql`
    CREATE TABLE report_parts_month (
      month TEXT NOT NULL, store_id TEXT NOT NULL, part_id TEXT NOT NULL,
      consumed BIGINT NOT NULL DEFAULT 0,
      consumed_fen BIGINT NOT NULL DEFAULT 0,
      movements BIGINT NOT NULL DEFAULT 0,
      PRIMARY KEY (store_id, month, part_id)
    )`.execute(db);
  // How many stores consumed each of the period's top parts.
  await sql`CREATE INDEX report_parts_month_part ON report_parts_month (part_id, month) WHERE store_id <> '*'`.execute(
    db,
  );
  await sql`
    CREATE TABLE report_stock (
      store_id TEXT NOT NULL, part_id TEXT NOT NULL,
      on_hand BIGINT NOT NULL DEFAULT 0,
      last_issue_ms DOUBLE PRECISION,
      first_in_ms DOUBLE PRECISION,
      PRIMARY KEY (store_id, part_id)
    )`.execute(db);
  await sql`
    INSERT INTO server_meta (key, value)
    SELECT 'report_rollups', 'stale'
    WHERE EXISTS (SELECT 1 FROM entity_state WHERE entity IN ('ticket', 'ticket_event', 'stock_movement'))`.execute(db);
}
