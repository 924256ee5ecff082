/**
 * 0024: purchase orders (docs/DOMAIN.md §7; docs/architecture/purchasing.md): an order to one
 * supplier under a contract, with agreed prices and an expected date, approved before it is sent,
 * and received against by goods receipts. Also the store's purchasing setting (the order value
 * above which only the manager approves) and the receipt's link to the order it delivers.
 *
 * The stored status holds only decisions people take (draft, awaiting approval, approved, closed
 * short, cancelled). How much has arrived is never stored on the order: it is summed from the
 * receipt lines, so two PCs receiving the same order offline add up after sync.
 * Frozen once landed: never edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE purchase_order (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    supplier_id TEXT NOT NULL REFERENCES supplier (id),
    location_id TEXT NOT NULL REFERENCES stock_location (id),
    contract_no TEXT NOT NULL DEFAULT '',
    expected_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('draft','awaiting_approval','approved','closed_short','cancelled')),
    total_fen INTEGER NOT NULL DEFAULT 0 CHECK (total_fen >= 0),
    created_by TEXT,
    created_at TEXT NOT NULL,
    approved_by TEXT,
    approved_at TEXT,
    closed_reason TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX purchase_order_supplier ON purchase_order (supplier_id, status)`.execute(db);
  await sql`CREATE INDEX purchase_order_status ON purchase_order (status, created_at)`.execute(db);

  await sql`CREATE TABLE purchase_order_line (
    id TEXT PRIMARY KEY,
    purchase_order_id TEXT NOT NULL REFERENCES purchase_order (id),
    position INTEGER NOT NULL,
    part_id TEXT NOT NULL REFERENCES part (id),
    ordered_qty INTEGER NOT NULL CHECK (ordered_qty > 0),
    unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX purchase_order_line_order ON purchase_order_line (purchase_order_id)`.execute(db);

  await sql`CREATE TABLE purchase_order_event (
    id TEXT PRIMARY KEY,
    purchase_order_id TEXT NOT NULL REFERENCES purchase_order (id),
    kind TEXT NOT NULL CHECK (kind IN ('created','edited','submitted','approved','sent_back','cancelled','closed_short')),
    staff_id TEXT,
    at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}',
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX purchase_order_event_order ON purchase_order_event (purchase_order_id, at)`.execute(db);

  // One row per store, written the first time the manager changes the threshold.
  await sql`CREATE TABLE purchase_settings (
    store_id TEXT PRIMARY KEY,
    approval_threshold_fen INTEGER NOT NULL CHECK (approval_threshold_fen >= 0),
    updated_by TEXT,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);

  // No foreign keys: a receipt pulled from another PC may arrive before the order it delivers.
  await sql`ALTER TABLE goods_receipt ADD COLUMN purchase_order_id TEXT`.execute(db);
  await sql`ALTER TABLE goods_receipt_line ADD COLUMN purchase_order_line_id TEXT`.execute(db);
  await sql`CREATE INDEX goods_receipt_purchase_order ON goods_receipt (purchase_order_id) WHERE purchase_order_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX goods_receipt_line_order_line ON goods_receipt_line (purchase_order_line_id) WHERE purchase_order_line_id IS NOT NULL`.execute(
    db,
  );
}
