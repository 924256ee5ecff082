/**
 * The device's sync bookkeeping in `sync_state` (docs/SYNC.md §2.2), read and written synchronously on
 * the better-sqlite3 connection so a value can be written in the same transaction as the rows it
 * describes (the pull cursor with its page).
 */
import type { StatementCache } from '../statement-cache';

export type SyncKey =
  | 'replica_id'
  | 'device_id'
  | 'server_url'
  | 'server_ca'
  | 'store_code'
  | 'hq_store_id'
  | 'server_epoch'
  | 'pull_cursor'
  | 'snapshot_cursor'
  | 'snapshot_after'
  | 'last_acked_seq'
  | 'seq_base'
  | 'clock_offset_ms'
  | 'last_sync_at'
  | 'last_error'
  | 'last_error_code'
  | 'revoked'
  | 'pending_replay_schema'
  | 'restored_copy'
  /** The desk clock's high-water mark (db/clock.ts): never synced, like every key here. */
  | 'clock_mark';

export function getState(statements: StatementCache, key: SyncKey): string | null {
  const row = statements.statement('SELECT value FROM sync_state WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function getNumber(statements: StatementCache, key: SyncKey, fallback = 0): number {
  const value = getState(statements, key);
  return value === null ? fallback : Number(value);
}

export function setState(statements: StatementCache, key: SyncKey, value: string | number | null): void {
  if (value === null) statements.statement('DELETE FROM sync_state WHERE key = ?').run(key);
  else
    statements
      .statement(
        'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, String(value));
}
