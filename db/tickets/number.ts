/**
 * Ticket numbers (docs/DESIGN.md data rules): `S012-2-20261123-0042` — store code, counter number,
 * the store's local date, and the counter's own daily sequence. Each counter PC numbers only its
 * own tickets, so PCs working offline at the same time never hand out the same number; the
 * UUIDv7 stays the real key. The sequence is read from the tickets themselves (no counter row to
 * drift): voided tickets keep their numbers, so a number is never reused, and neither is the
 * number of a ticket of this counter that a pull kept aside.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../schema';

export function numberPrefix(storeCode: string, counterNo: number, localDate: string): string {
  return `${storeCode}-${counterNo}-${localDate.replaceAll('-', '')}-`;
}

export async function nextTicketNumber(
  trx: Transaction<DB>,
  storeCode: string,
  counterNo: number,
  localDate: string,
): Promise<string> {
  const prefix = numberPrefix(storeCode, counterNo, localDate);
  // A range on the unique index; ':' sorts right after '9'. Longest first, so 10000 follows 9999.
  const last = await trx
    .selectFrom('ticket')
    .select('number')
    .where('number', '>=', prefix)
    .where('number', '<', `${prefix.slice(0, -1)}.`)
    .orderBy(sql`length(number)`, 'desc')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  // A ticket of this counter pulled and kept aside (db/sync/kept-aside.ts) still holds its number.
  const kept = await sql<{ value: string }>`
    SELECT value FROM pending_unknown WHERE entity = 'ticket' AND field = 'number' AND value > ${JSON.stringify(prefix).slice(0, -1)} AND value < ${`"${prefix.slice(0, -1)}.`}`.execute(
    trx,
  );
  const keptSeqs = kept.rows.map((row) => Number.parseInt(String(JSON.parse(row.value)).slice(prefix.length), 10) || 0);
  const seq = Math.max(last ? Number.parseInt(last.number.slice(prefix.length), 10) : 0, ...keptSeqs) + 1;
  return `${prefix}${String(seq).padStart(4, '0')}`;
}
