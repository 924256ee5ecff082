/**
 * Whether a pulled record refers to a record this PC kept aside (pending_unknown): stored now, it
 * would point at a row that is not there (`PRAGMA foreign_key_check` would list it, and the
 * counter would show an event without its ticket). Such a record is kept aside too and replayed
 * with the one it waits for (pending-replay.ts). Pulls run with foreign keys off, because a
 * snapshot may bring a record before the one it refers to; only a parent that is kept aside is
 * known never to be coming.
 */
import type { StatementCache } from '../statement-cache';
import { quoted, type TableInfoCache } from './table-info';

/** Whether anything is kept aside at all: most pulls skip the per-record check. */
export function anyKeptAside(statements: StatementCache): boolean {
  return (
    (statements.statement('SELECT EXISTS (SELECT 1 FROM pending_unknown) AS kept').get() as { kept: number }).kept === 1
  );
}

/** The kept-aside record (`<entity>:<id>`) these values refer to and that is not stored here, if any. */
export function keptAsideParent(
  statements: StatementCache,
  tables: TableInfoCache,
  table: string,
  fields: Readonly<Record<string, unknown>>,
): string | null {
  for (const key of tables.foreignKeys(statements, table)) {
    const value = fields[key.field];
    if (value === null || value === undefined) continue;
    const present = statements
      .statement(`SELECT 1 FROM ${quoted(key.parentTable)} WHERE ${quoted(key.parentColumn)} = ?`)
      .get(value);
    if (present) continue;
    const kept = statements
      .statement('SELECT 1 FROM pending_unknown WHERE entity = ? AND entity_id = ? LIMIT 1')
      .get(key.parentEntity, String(value));
    if (kept) return `${key.parentEntity}:${String(value)}`;
  }
  return null;
}
