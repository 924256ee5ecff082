/**
 * 0002: the customer file. Frozen once landed: never edit, add a later migration instead.
 *
 * - customer gains its contact preferences and how its tier is set; addresses, an append-only note
 *   list and merge aliases (docs/SYNC.md §2.5) hang off it;
 * - tiers and product categories are settings rows (head office owns them once sync exists), seeded
 *   with the store defaults here;
 * - products and their proof of purchase; the warranty end is stored, computed when written;
 * - search_term is the counter search's own index (see db/customers/search-terms.ts), written in the
 *   same transaction as the rows it is made from;
 * - import staging and the export log.
 */
import { sql, type Kysely } from 'kysely';

const TIERS: ReadonlyArray<[string, number, number | null, number | null, number, number, string]> = [
  ['regular', 0, null, null, 30, 48, ''],
  ['silver', 1, 500_000, 5, 20, 36, ''],
  ['gold', 2, 2_000_000, 10, 15, 24, '优先安排上门'],
  ['vip', 3, 5_000_000, 20, 10, 12, '专属客服，优先上门，免费延保咨询'],
];

/** 三包: whole unit 12 months for most appliances; furniture and mattresses are sold with longer terms. */
const CATEGORIES: ReadonlyArray<[string, string, string, number]> = [
  ['tv', '电视', 'TV', 12],
  ['fridge', '冰箱', 'Fridge', 12],
  ['washer', '洗衣机', 'Washing machine', 12],
  ['aircon', '空调', 'Air conditioner', 12],
  ['kitchen', '厨房电器', 'Kitchen appliance', 12],
  ['small', '小家电', 'Small appliance', 12],
  ['phone', '手机', 'Phone', 12],
  ['computer', '电脑', 'Computer', 12],
  ['furniture', '家具', 'Furniture', 24],
  ['mattress', '床垫', 'Mattress', 36],
  ['other', '其他', 'Other', 12],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types (Kysely migrations doc)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE customer ADD COLUMN tier_rule TEXT NOT NULL DEFAULT 'manual' CHECK (tier_rule IN ('manual','auto'))`.execute(
    db,
  );
  await sql`ALTER TABLE customer ADD COLUMN preferred_channel TEXT CHECK (preferred_channel IN ('phone','sms','wechat','email','visit'))`.execute(
    db,
  );
  await sql`ALTER TABLE customer ADD COLUMN contact_consent INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE customer ADD COLUMN do_not_contact INTEGER NOT NULL DEFAULT 0`.execute(db);

  await sql`CREATE TABLE customer_address (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    label TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL,
    position INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX customer_address_customer ON customer_address(customer_id)`.execute(db);

  // Append-only: a note is never edited or deleted, so who said what and when stays true.
  await sql`CREATE TABLE customer_note (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customer(id),
    body TEXT NOT NULL,
    staff_id TEXT,
    created_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX customer_note_customer ON customer_note(customer_id, created_at)`.execute(db);

  await sql`CREATE TABLE customer_merge (
    from_id TEXT PRIMARY KEY REFERENCES customer(id),
    into_id TEXT NOT NULL REFERENCES customer(id),
    merged_at TEXT NOT NULL,
    merged_by TEXT,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX customer_merge_into ON customer_merge(into_id)`.execute(db);

  await sql`CREATE TABLE customer_tier (
    tier TEXT PRIMARY KEY CHECK (tier IN ('regular','silver','gold','vip')),
    rank INTEGER NOT NULL,
    min_spend_fen INTEGER,
    min_visits INTEGER,
    reply_minutes INTEGER NOT NULL,
    resolve_hours INTEGER NOT NULL,
    service_standard TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  for (const [tier, rank, minSpend, minVisits, reply, resolve, standard] of TIERS) {
    await sql`INSERT INTO customer_tier VALUES (${tier}, ${rank}, ${minSpend}, ${minVisits}, ${reply}, ${resolve}, ${standard}, '1970-01-01T00:00:00.000Z', '0')`.execute(
      db,
    );
  }

  await sql`CREATE TABLE product_category (
    code TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    warranty_months INTEGER NOT NULL CHECK (warranty_months >= 0),
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  for (const [index, [code, zh, en, months]] of CATEGORIES.entries()) {
    await sql`INSERT INTO product_category VALUES (${code}, ${zh}, ${en}, ${months}, ${index}, '1970-01-01T00:00:00.000Z', '0')`.execute(
      db,
    );
  }

  await sql`CREATE TABLE product (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customer(id),
    category TEXT NOT NULL REFERENCES product_category(code),
    brand TEXT NOT NULL,
    model TEXT NOT NULL,
    serial TEXT,
    purchase_date TEXT,
    purchase_store TEXT,
    receipt_no TEXT,
    price_fen INTEGER CHECK (price_fen IS NULL OR price_fen >= 0),
    warranty_end TEXT,
    created_store_id TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX product_customer ON product(customer_id)`.execute(db);

  // One row per search key and customer; WITHOUT ROWID so the key is the b-tree and a fragment is
  // one range scan (term >= 'p:5678' AND term < 'p:5679').
  await sql`CREATE TABLE search_term (
    term TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    PRIMARY KEY (term, customer_id)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX search_term_customer ON search_term(customer_id)`.execute(db);

  // Import staging: local working state, never synced, removed when the import commits or is cancelled.
  await sql`CREATE TABLE import_batch (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('customers','products')),
    file_name TEXT NOT NULL,
    staff_id TEXT,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE import_row (
    batch_id TEXT NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
    line INTEGER NOT NULL,
    data TEXT NOT NULL,
    error_key TEXT,
    error_field TEXT,
    -- The phone digits of a staged customer row: a number repeated within one file is refused.
    dedupe_key TEXT,
    PRIMARY KEY (batch_id, line)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX import_row_dedupe ON import_row(batch_id, dedupe_key) WHERE dedupe_key IS NOT NULL`.execute(
    db,
  );

  await sql`CREATE TABLE customer_export (
    id TEXT PRIMARY KEY,
    staff_id TEXT,
    created_at TEXT NOT NULL,
    scope TEXT NOT NULL,
    query TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('xlsx','csv')),
    row_count INTEGER NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
}
