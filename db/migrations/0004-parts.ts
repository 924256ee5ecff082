/**
 * 0004: spare parts (docs/DOMAIN.md §7): catalogue, locations, the movement ledger and its on-hand
 * cache, goods receipts with inspection, returns to supplier, requisitions and stocktakes.
 * Frozen once landed: never edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types (Kysely migrations doc)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE supplier (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    contact TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    retired_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);

  await sql`CREATE TABLE part (
    id TEXT PRIMARY KEY,
    part_no TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    spec TEXT NOT NULL DEFAULT '',
    models TEXT NOT NULL DEFAULT '[]',
    unit TEXT NOT NULL,
    supplier_ids TEXT NOT NULL DEFAULT '[]',
    cost_fen INTEGER NOT NULL CHECK (cost_fen >= 0),
    price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
    reorder_level INTEGER CHECK (reorder_level >= 0),
    reorder_qty INTEGER NOT NULL DEFAULT 0 CHECK (reorder_qty >= 0),
    bin TEXT NOT NULL DEFAULT '',
    retired_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX part_name ON part (name)`.execute(db);

  await sql`CREATE TABLE stock_location (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);

  // seq is the local arrival order (a stocktake's ledger cut); id is the global movement id.
  await sql`CREATE TABLE stock_movement (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    part_id TEXT NOT NULL REFERENCES part (id),
    location_id TEXT NOT NULL REFERENCES stock_location (id),
    kind TEXT NOT NULL CHECK (kind IN ('receive','issue','return_from_job','return_to_supplier','adjust','transfer_out','transfer_in')),
    qty INTEGER NOT NULL CHECK (qty <> 0),
    unit_cost_fen INTEGER,
    reason TEXT NOT NULL DEFAULT '',
    doc_type TEXT NOT NULL CHECK (doc_type IN ('receipt','supplier_return','requisition','stocktake','transfer','manual')),
    doc_id TEXT,
    doc_line_id TEXT,
    -- No foreign key: a reversal pulled from another PC may arrive before what it reverses.
    reverses_id TEXT,
    staff_id TEXT,
    created_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX stock_movement_part ON stock_movement (part_id, location_id, seq)`.execute(db);
  await sql`CREATE INDEX stock_movement_doc ON stock_movement (doc_id, doc_line_id)`.execute(db);
  await sql`CREATE INDEX stock_movement_kind_part ON stock_movement (kind, part_id, created_at)`.execute(db);
  await sql`CREATE UNIQUE INDEX stock_movement_reverses ON stock_movement (reverses_id) WHERE reverses_id IS NOT NULL`.execute(
    db,
  );
  // The ledger is append-only (docs/DESIGN.md data rules): the database itself refuses edits and deletes.
  await sql`CREATE TRIGGER stock_movement_no_update BEFORE UPDATE ON stock_movement
    BEGIN SELECT RAISE(ABORT, 'stock movements are append-only: post a reversing movement'); END`.execute(db);
  await sql`CREATE TRIGGER stock_movement_no_delete BEFORE DELETE ON stock_movement
    BEGIN SELECT RAISE(ABORT, 'stock movements are append-only: post a reversing movement'); END`.execute(db);

  await sql`CREATE TABLE stock_on_hand (
    part_id TEXT NOT NULL REFERENCES part (id),
    location_id TEXT NOT NULL REFERENCES stock_location (id),
    qty INTEGER NOT NULL,
    last_movement_at TEXT NOT NULL,
    PRIMARY KEY (part_id, location_id)
  )`.execute(db);

  await sql`CREATE TABLE goods_receipt (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    supplier_id TEXT NOT NULL REFERENCES supplier (id),
    location_id TEXT NOT NULL REFERENCES stock_location (id),
    supplier_ref TEXT NOT NULL DEFAULT '',
    received_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('open','closed')),
    created_by TEXT,
    created_at TEXT NOT NULL,
    closed_by TEXT,
    closed_at TEXT,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);

  await sql`CREATE TABLE goods_receipt_line (
    id TEXT PRIMARY KEY,
    receipt_id TEXT NOT NULL REFERENCES goods_receipt (id),
    position INTEGER NOT NULL,
    part_id TEXT NOT NULL REFERENCES part (id),
    delivered_qty INTEGER NOT NULL CHECK (delivered_qty > 0),
    unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
    accepted_qty INTEGER CHECK (accepted_qty >= 0),
    rejected_qty INTEGER CHECK (rejected_qty >= 0),
    reject_reason TEXT NOT NULL DEFAULT '',
    inspected_by TEXT,
    inspected_at TEXT,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX goods_receipt_line_receipt ON goods_receipt_line (receipt_id)`.execute(db);
  await sql`CREATE INDEX goods_receipt_line_part ON goods_receipt_line (part_id)`.execute(db);

  await sql`CREATE TABLE supplier_return (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    supplier_id TEXT NOT NULL REFERENCES supplier (id),
    location_id TEXT NOT NULL REFERENCES stock_location (id),
    source TEXT NOT NULL CHECK (source IN ('inspection','stock')),
    receipt_id TEXT REFERENCES goods_receipt (id),
    reason TEXT NOT NULL DEFAULT '',
    created_by TEXT,
    created_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);

  await sql`CREATE TABLE supplier_return_line (
    id TEXT PRIMARY KEY,
    return_id TEXT NOT NULL REFERENCES supplier_return (id),
    position INTEGER NOT NULL,
    part_id TEXT NOT NULL REFERENCES part (id),
    qty INTEGER NOT NULL CHECK (qty > 0),
    reason TEXT NOT NULL DEFAULT '',
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX supplier_return_line_return ON supplier_return_line (return_id)`.execute(db);

  await sql`CREATE TABLE requisition (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    ticket_id TEXT NOT NULL REFERENCES ticket (id),
    location_id TEXT NOT NULL REFERENCES stock_location (id),
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('requested','approved','rejected','partly_issued','issued')),
    requested_by TEXT,
    requested_at TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT,
    reject_reason TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX requisition_ticket ON requisition (ticket_id)`.execute(db);
  await sql`CREATE INDEX requisition_status ON requisition (status, requested_at)`.execute(db);

  await sql`CREATE TABLE requisition_line (
    id TEXT PRIMARY KEY,
    requisition_id TEXT NOT NULL REFERENCES requisition (id),
    position INTEGER NOT NULL,
    part_id TEXT NOT NULL REFERENCES part (id),
    requested_qty INTEGER NOT NULL CHECK (requested_qty > 0),
    approved_qty INTEGER CHECK (approved_qty >= 0),
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX requisition_line_requisition ON requisition_line (requisition_id)`.execute(db);

  await sql`CREATE TABLE requisition_event (
    id TEXT PRIMARY KEY,
    requisition_id TEXT NOT NULL REFERENCES requisition (id),
    kind TEXT NOT NULL CHECK (kind IN ('requested','approved','rejected','issued','returned')),
    staff_id TEXT,
    at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}',
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX requisition_event_requisition ON requisition_event (requisition_id, at)`.execute(db);

  await sql`CREATE TABLE stocktake (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    location_id TEXT NOT NULL REFERENCES stock_location (id),
    bin_prefix TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('counting','posted','cancelled')),
    cut_seq INTEGER NOT NULL,
    started_by TEXT,
    started_at TEXT NOT NULL,
    closed_by TEXT,
    closed_at TEXT,
    cancel_reason TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);

  await sql`CREATE TABLE stocktake_line (
    id TEXT PRIMARY KEY,
    stocktake_id TEXT NOT NULL REFERENCES stocktake (id),
    part_id TEXT NOT NULL REFERENCES part (id),
    book_qty INTEGER NOT NULL,
    counted_qty INTEGER CHECK (counted_qty >= 0),
    counted_by TEXT,
    counted_at TEXT,
    reason TEXT NOT NULL DEFAULT '',
    hlc TEXT NOT NULL,
    UNIQUE (stocktake_id, part_id)
  )`.execute(db);
}
