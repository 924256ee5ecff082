/**
 * 0025: supplier returns get steps, and slow stock can be cleared at a reduced price
 * (docs/architecture/supplier-returns.md).
 * - supplier_return: a status (created → shipped → credited, or cancelled before shipping), who
 *   shipped it and how (date, carrier, waybill), the supplier's credit note (number, amount in
 *   fen) and who recorded it, why and by whom it was cancelled, and the agreement a return of slow
 *   stock was made under. Returns written before this migration start as `created`.
 * - part_clearance: a part's stock sold at a reduced price until the stock is gone or someone
 *   ends it. No unique index on the open one per part: two PCs may each start one offline, and
 *   the newest open one is the price (db/parts/clearance/queries.ts).
 * Frozen once landed: never edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

const RETURN_COLUMNS = [
  `status TEXT NOT NULL DEFAULT 'created' CHECK (status IN ('created','shipped','credited','cancelled'))`,
  `agreement_ref TEXT NOT NULL DEFAULT ''`,
  `shipped_on TEXT`,
  `carrier TEXT NOT NULL DEFAULT ''`,
  `waybill_no TEXT NOT NULL DEFAULT ''`,
  `shipped_by TEXT`,
  `shipped_at TEXT`,
  `credit_note_no TEXT NOT NULL DEFAULT ''`,
  `credit_fen INTEGER CHECK (credit_fen IS NULL OR credit_fen >= 0)`,
  `credited_by TEXT`,
  `credited_at TEXT`,
  `cancel_reason TEXT NOT NULL DEFAULT ''`,
  `cancelled_by TEXT`,
  `cancelled_at TEXT`,
  `updated_at TEXT`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of RETURN_COLUMNS) await sql.raw(`ALTER TABLE supplier_return ADD COLUMN ${column}`).execute(db);
  await sql`UPDATE supplier_return SET updated_at = created_at`.execute(db);
  await sql`CREATE INDEX supplier_return_status ON supplier_return (status, created_at)`.execute(db);

  await sql`CREATE TABLE part_clearance (
    id TEXT PRIMARY KEY,
    part_id TEXT NOT NULL REFERENCES part (id),
    price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
    reason TEXT NOT NULL,
    started_by TEXT,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    ended_by TEXT,
    end_kind TEXT CHECK (end_kind IS NULL OR end_kind IN ('by_hand','sold_out')),
    end_reason TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX part_clearance_part ON part_clearance (part_id, started_at)`.execute(db);
}
