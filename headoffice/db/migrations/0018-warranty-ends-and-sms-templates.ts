/**
 * 0018: two head-office repairs and one table.
 * - Warranty ends: counters before the 三包 change stored a product's last covered day one day
 *   early (purchase + months − 1 day); the Civil Code counts the last day in (民法典 第二百零二条,
 *   docs/architecture/sanbao-rules.md). Each counter's own migration moved its local rows, but head
 *   office's states and feed rows kept the short ends, so a PC set up later received them in its
 *   snapshot or pull. Here every product state and feed row whose end is exactly one day before a
 *   whole number of months after its purchase (and not itself such a month boundary) is moved on a
 *   day. The field keeps its stamp: every counter that ran its own migration already holds the same
 *   value under it, so nothing needs sending again. An end that fits neither rule was typed or
 *   imported and stays.
 * - `sms_template`: the provider's approved template code per message event, set in the console
 *   (docs/architecture/sms-templates.md).
 * - `sms_rate`: one row per gateway, the next moment a call may start, shared by every head-office
 *   process so their calls together keep the provider's rate limit.
 * Frozen once landed: never edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BATCH = 1000;

/** The same day `months` later, or that month's last day when it has none (as of this migration). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = m - 1 + months;
  const year = y + Math.floor(target / 12);
  const month = target % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

function isRealDate(value: string): boolean {
  return DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

function nextDay(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString().slice(0, 10);
}

/** The inclusive end for an end stored by the old rule; null when `end` is not one. */
export function repairedWarrantyEnd(purchaseDate: unknown, end: unknown): string | null {
  if (typeof purchaseDate !== 'string' || typeof end !== 'string') return null;
  if (!isRealDate(purchaseDate) || !isRealDate(end) || end <= purchaseDate) return null;
  const [py, pm] = purchaseDate.split('-').map(Number) as [number, number];
  const [ey, em] = end.split('-').map(Number) as [number, number];
  const around = (ey - py) * 12 + (em - pm);
  const boundaries = [around - 1, around, around + 1]
    .filter((m) => m >= 1 && m <= 1200)
    .map((m) => addMonths(purchaseDate, m));
  if (boundaries.includes(end)) return null;
  const next = nextDay(end);
  return boundaries.includes(next) ? next : null;
}

type Row = { key: string | number; state: string };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
async function repair(db: Kysely<any>, table: 'entity_state' | 'change_feed'): Promise<void> {
  const key = sql.raw(table === 'entity_state' ? 'entity_id' : 'server_seq');
  let after: string | number = table === 'entity_state' ? '' : -1;
  for (;;) {
    // Keyset pages by the row's key, so a chain with many products is read a thousand at a time.
    const page = await sql<Row>`
      SELECT ${key} AS key, state::text AS state FROM ${sql.table(table)}
      WHERE entity = 'product' AND ${key} > ${after} AND state->'fields'->>'warrantyEnd' IS NOT NULL
      ORDER BY ${key} LIMIT ${BATCH}`.execute(db);
    for (const row of page.rows) {
      // States are stored as json text (compact stamps kept as they are); only the one field changes.
      const state = JSON.parse(row.state) as { fields: Record<string, unknown> };
      const fixed = repairedWarrantyEnd(state.fields.purchaseDate, state.fields.warrantyEnd);
      if (!fixed) continue;
      state.fields.warrantyEnd = fixed;
      await sql`UPDATE ${sql.table(table)} SET state = ${JSON.stringify(state)}::json
        WHERE entity = 'product' AND ${key} = ${row.key}`.execute(db);
    }
    if (page.rows.length < BATCH) return;
    after = page.rows.at(-1)!.key;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function repairWarrantyEnds(db: Kysely<any>): Promise<void> {
  await repair(db, 'entity_state');
  await repair(db, 'change_feed');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await repairWarrantyEnds(db);
  await sql`CREATE TABLE sms_template (
    event TEXT PRIMARY KEY CHECK (length(event) BETWEEN 1 AND 40),
    template_code TEXT NOT NULL CHECK (template_code ~ '^SMS_[0-9]{3,20}$'),
    updated_by TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE sms_rate (
    provider TEXT PRIMARY KEY,
    next_call_at TIMESTAMPTZ NOT NULL
  )`.execute(db);
}
