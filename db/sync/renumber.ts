/**
 * Human numbers (ticket S012-2-20261123-0004, R-/GR-/RT-/ST- documents) after a PC took back head
 * office's records (restored-copy.ts): a record written since the restore may carry a number the
 * PC had already given out before, and head office holds that other record. The record head office
 * never saw takes the next free number of its day and counter, above every number this PC now
 * holds or keeps aside; its waiting insert in the outbox is rewritten to match, so head office and
 * the other PCs only ever see the new number. A record head office already has keeps its number
 * (two PCs with one counter number): that clash stays listed on the Sync page.
 */
import { getNumber } from './state';
import type { StatementCache } from '../statement-cache';

/** Synced entities whose `number` column is a human number, each in its own table of that name. */
const NUMBERED = ['ticket', 'requisition', 'goods_receipt', 'supplier_return', 'stocktake'] as const;

const textOf = (json: string | null): string | null => {
  try {
    const value = json === null ? null : (JSON.parse(json) as unknown);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
};

/** The next number after the highest with this number's stem (store, counter, date), here or kept aside. */
function nextFree(statements: StatementCache, table: string, number: string): string {
  const stem = number.replace(/\d+$/, '');
  const digits = (n: string) => Number.parseInt(n.slice(stem.length), 10) || 0;
  const stored = statements
    .statement(
      `SELECT max(CAST(substr(number, ${stem.length + 1}) AS INTEGER)) AS last FROM ${table} WHERE number > ? AND number < ?`,
    )
    .get(stem, `${stem}~`) as { last: number | null };
  let last = stored.last ?? 0;
  for (const row of statements
    .statement("SELECT value FROM pending_unknown WHERE entity = ? AND field = 'number'")
    .all(table) as Array<{ value: string | null }>) {
    const kept = textOf(row.value);
    if (kept?.startsWith(stem)) last = Math.max(last, digits(kept));
  }
  return `${stem}${String(last + 1).padStart(4, '0')}`;
}

/** Renumbers this PC's unpushed records that clash with a kept-aside record of head office. Returns how many. */
export function renumberClashes(statements: StatementCache): number {
  const acked = getNumber(statements, 'last_acked_seq');
  let renumbered = 0;
  for (const table of NUMBERED) {
    const kept = statements
      .statement(
        "SELECT entity_id, value FROM pending_unknown WHERE entity = ? AND field = 'number' AND kind = 'refused'",
      )
      .all(table) as Array<{ entity_id: string; value: string | null }>;
    for (const clash of kept) {
      const number = textOf(clash.value);
      if (number === null) continue;
      const local = statements
        .statement(`SELECT id FROM ${table} WHERE number = ? AND id <> ?`)
        .get(number, clash.entity_id) as { id: string } | undefined;
      if (!local) continue;
      // Only a record whose insert still waits in the outbox is unknown to head office.
      const waiting = statements
        .statement("SELECT 1 FROM change_log WHERE entity = ? AND entity_id = ? AND op = 'insert' AND seq > ?")
        .get(table, local.id, acked);
      if (!waiting) continue;
      const fresh = nextFree(statements, table, number);
      statements.statement(`UPDATE ${table} SET number = ? WHERE id = ?`).run(fresh, local.id);
      statements
        .statement(
          "UPDATE change_log SET fields = json_set(fields, '$.number', ?) WHERE entity = ? AND entity_id = ? AND seq > ? AND json_extract(fields, '$.number') IS NOT NULL",
        )
        .run(fresh, table, local.id, acked);
      renumbered += 1;
    }
  }
  return renumbered;
}
