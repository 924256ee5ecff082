/**
 * Human numbers of parts documents, shaped like ticket numbers (S012-2-20261123-0042) with a
 * document prefix: R- requisition, GR- goods receipt, RT- return to supplier, ST- stocktake, PO- purchase order.
 * Store code and counter number make numbers from PCs working offline at the same time distinct
 * (docs/SYNC.md §2.1); the sequence restarts each day of the store's calendar, the one ticket numbers
 * use (db/tickets/settings.ts keeps the store's time zone), so a repair and its requisition
 * carry the same date.
 */
import { sql, type Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import type { DB } from '../schema';
import { findStoreRow } from '../store/queries';
import type { TxContext } from '../sync/change-log';
import { localDateOf } from '../tickets/calendar';
import { DEFAULT_TICKET_SETTINGS, loadTicketSettings } from '../tickets/settings';

const NUMBERED = {
  R: 'requisition',
  GR: 'goods_receipt',
  RT: 'supplier_return',
  ST: 'stocktake',
  PO: 'purchase_order',
} as const;
export type NumberPrefix = keyof typeof NUMBERED;

/** The store's calendar date (YYYY-MM-DD) of an instant. */
export async function storeDate(db: Kysely<DB>, iso: string): Promise<string> {
  const store = await findStoreRow(db);
  const { timeZone } = store ? await loadTicketSettings(db, store.id) : DEFAULT_TICKET_SETTINGS;
  return localDateOf(Date.parse(iso), timeZone);
}

export async function nextNumber(tx: TxContext, prefix: NumberPrefix): Promise<string> {
  const store = await findStoreRow(tx.trx);
  if (!store) throw new DeskFailure('setup_needed', 'setup_needed');
  const day = (await storeDate(tx.trx, tx.nowIso)).replaceAll('-', '');
  const stem = `${prefix}-${store.code}-${store.counterNo}-${day}-`;
  const table = sql.table(NUMBERED[prefix]);
  // A range on the unique number index; the numeric maximum, as 10000 sorts before 9999 as text.
  const result = await sql<{ last: number | null }>`
    SELECT MAX(CAST(substr(number, ${stem.length + 1}) AS INTEGER)) AS last FROM ${table} WHERE number > ${stem} AND number < ${`${stem}~`}`.execute(
    tx.trx,
  );
  // A document of this counter pulled and kept aside (db/sync/kept-aside.ts) still holds its number.
  const kept = await sql<{ value: string }>`
    SELECT value FROM pending_unknown WHERE entity = ${NUMBERED[prefix]} AND field = 'number' AND value > ${JSON.stringify(stem)} AND value < ${`"${stem}~`}`.execute(
    tx.trx,
  );
  const keptLast = kept.rows.map((row) => Number.parseInt(String(JSON.parse(row.value)).slice(stem.length), 10) || 0);
  const next = Math.max(result.rows[0]?.last ?? 0, ...keptLast) + 1;
  return `${stem}${String(next).padStart(4, '0')}`;
}
