/**
 * The statements apply writes with (apply.ts): the hot path of a pull, hundreds of thousands of
 * rows in an initial sync, so hand-written and prepared once per connection (db/statement-cache.ts,
 * the cache Kysely's queries use too). Table and column names come from the entity rules and
 * SQLite's catalogue (table-info.ts), quoted; every value is a bound parameter.
 */
import type { StatementCache } from '../statement-cache';
import { mostCommonStamp, SHARED_STAMP } from './compact-state';
import { composeComposite } from './composite';
import { anyKeptAside } from './dependencies';
import type { EntityRule } from './entity-rules';
import { TOMBSTONE_FIELD, type FeedRecord, type RecordState } from './protocol';
import { quoted, type TableInfo } from './table-info';
import type { KeptReason } from './tables';

export function toSqlite(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Sets these columns (column → value) of the record's row; a constraint it breaks throws. */
export function updateRow(
  statements: StatementCache,
  rule: EntityRule,
  entityId: string,
  sets: ReadonlyArray<readonly [column: string, value: unknown]>,
): void {
  if (sets.length === 0) return;
  statements
    .statement(
      `UPDATE ${quoted(rule.table)} SET ${sets.map(([column]) => `${quoted(column)} = ?`).join(', ')} WHERE ${quoted(rule.key)} = ?`,
    )
    .run(...sets.map(([, value]) => value), entityId);
}

/** Inserts a row of these columns (column → value); a constraint it breaks throws. */
export function insertRow(
  statements: StatementCache,
  rule: EntityRule,
  values: ReadonlyArray<readonly [column: string, value: unknown]>,
): void {
  statements
    .statement(
      `INSERT INTO ${quoted(rule.table)} (${values.map(([column]) => quoted(column)).join(', ')}) VALUES (${values.map(() => '?').join(', ')})`,
    )
    .run(...values.map(([, value]) => value));
}

export function deleteRow(statements: StatementCache, rule: EntityRule, entityId: string): void {
  statements.statement(`DELETE FROM ${quoted(rule.table)} WHERE ${quoted(rule.key)} = ?`).run(entityId);
}

/** Composite columns to rewrite for these fields: the column and its object as JSON text. */
export function composedColumns(
  rule: EntityRule,
  info: TableInfo,
  fields: ReadonlyArray<string>,
  merged: RecordState,
): Array<[column: string, json: string]> {
  return (rule.policy.composite ?? [])
    .filter((c) => info.columns.has(c.column) && fields.some((f) => f.startsWith(c.prefix)))
    .map((c) => [info.columns.get(c.column)!, JSON.stringify(composeComposite(merged.fields, c))]);
}

export function writeClocks(
  statements: StatementCache,
  rule: EntityRule,
  entityId: string,
  state: RecordState,
  hadClocks: boolean,
): void {
  if (hadClocks)
    statements.statement('DELETE FROM row_clock WHERE entity = ? AND entity_id = ?').run(rule.entity, entityId);
  const insert = statements.statement('INSERT INTO row_clock (entity, entity_id, field, hlc) VALUES (?, ?, ?, ?)');
  // The most common stamp once, under `*`, as head office writes states (compact-state.ts).
  const star = mostCommonStamp(Object.values(state.clocks))?.stamp ?? null;
  if (star !== null) insert.run(rule.entity, entityId, SHARED_STAMP, star);
  for (const [field, clock] of Object.entries(state.clocks))
    if (clock !== star) insert.run(rule.entity, entityId, field, clock);
  if (state.deleted) insert.run(rule.entity, entityId, TOMBSTONE_FIELD, state.deleted);
}

/** Why a value is kept aside (migration 0012): no such table or column here, or the row refused it. */
type KeptKind = 'unknown' | 'refused';

/** `reason` and `dependsOn` (migration 0015) say why a refused record waits, for the Sync page. */
export type Kept = { kind: KeptKind; reason?: KeptReason; dependsOn?: string };

export function keepAside(
  statements: StatementCache,
  record: FeedRecord,
  fields: ReadonlyArray<string>,
  nowIso: string,
  { kind, reason, dependsOn }: Kept,
  watch?: Watch,
): void {
  const put = statements.statement(
    'INSERT INTO pending_unknown (entity, entity_id, field, value, hlc, received_at, kind, reason, depends_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ' +
      'ON CONFLICT (entity, entity_id, field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, received_at = excluded.received_at, kind = excluded.kind, ' +
      'reason = excluded.reason, depends_on = excluded.depends_on WHERE excluded.hlc > pending_unknown.hlc',
  );
  const why = [kind, reason ?? null, dependsOn ?? null] as const;
  for (const field of fields)
    put.run(
      record.entity,
      record.entityId,
      field,
      JSON.stringify(record.state.fields[field] ?? null),
      record.state.clocks[field] ?? record.state.deleted ?? '',
      nowIso,
      ...why,
    );
  if (fields.length === 0 && record.state.deleted)
    put.run(record.entity, record.entityId, TOMBSTONE_FIELD, null, record.state.deleted, nowIso, ...why);
  if (watch) watch.keptAside = true;
}

/** The records kept aside with a stamp, in the order to replay them: a record waiting for another last. */
export function keptAsideRecords(statements: StatementCache): Array<{ entity: string; entity_id: string }> {
  return statements
    .statement(
      "SELECT entity, entity_id FROM pending_unknown WHERE hlc <> '' GROUP BY entity, entity_id ORDER BY max(reason IS 'depends'), min(rowid)",
    )
    .all() as Array<{ entity: string; entity_id: string }>;
}

/** The stamped fields kept aside of one record (replayed per record, so prepared once). */
export function keptFields(statements: StatementCache, entity: string, entityId: string): unknown[] {
  return statements
    .statement(
      "SELECT entity, entity_id, field, value, hlc, kind FROM pending_unknown WHERE entity = ? AND entity_id = ? AND hlc <> ''",
    )
    .all(entity, entityId);
}

/** Takes one kept field out before its record is replayed: apply puts back what still cannot be used. */
export function releaseKept(statements: StatementCache, entity: string, entityId: string, field: string): void {
  statements
    .statement('DELETE FROM pending_unknown WHERE entity = ? AND entity_id = ? AND field = ?')
    .run(entity, entityId, field);
}

/** A refused write: a uniqueness rule (two records with one number) or a required column still missing. */
export const refusal = (error: Error): Kept => ({
  kind: 'refused',
  reason: /UNIQUE/i.test(error.message) ? 'duplicate' : 'incomplete',
});

/**
 * Whether anything is kept aside on this PC, so records referring to it are checked
 * (dependencies.ts). A pull reads it once per chunk (`watchKeptAside`) rather than per record.
 */
export type Watch = { keptAside: boolean };

export function watchKeptAside(statements: StatementCache): Watch {
  return { keptAside: anyKeptAside(statements) };
}
