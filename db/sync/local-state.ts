/**
 * A record's state as this PC holds it (docs/SYNC.md §2.4): the row's values with their stamps
 * from row_clock, and the record's local changes not yet merged anywhere (change_log), which keep
 * their own stamps. Read per record, or for a whole chunk at once (`prefetchLocal`).
 *
 * row_clock holds `*` for the stamp most fields share, explicit rows for the others and `~deleted`
 * for a tombstone, so a record costs one or two rows, not one per column.
 */
import type { StatementCache } from '../statement-cache';
import { SHARED_STAMP } from './compact-state';
import { compositeOfField, parseComposite, readComposite } from './composite';
import type { EntityRule, EntityRules } from './entity-rules';
import { parseHlc } from './hlc';
import { EMPTY_STATE, mergeStates, stateOfChange } from './merge';
import { MAX_CLOCK_SKEW_MS, recordKey, TOMBSTONE_FIELD, type FeedRecord, type RecordState } from './protocol';
import { createTableInfoCache, quoted, type TableInfo, type TableInfoCache } from './table-info';

type ClockRow = { field: string; hlc: string };
type ChangeRow = { op: string; fields: string; hlc: string };

/**
 * What a chunk's records hold locally, read with one query per table for the whole chunk instead of
 * three per record (an initial sync applies hundreds of thousands). A key is dropped once its record
 * is applied, so a second record for the same key in the chunk reads the fresh state itself.
 */
export type Prefetched = {
  rows: Map<string, Record<string, unknown> | undefined>;
  clocks: Map<string, ClockRow[]>;
  changes: Map<string, ChangeRow[]>;
};

export function prefetchLocal(
  statements: StatementCache,
  records: ReadonlyArray<FeedRecord>,
  { rules, tables }: { rules: EntityRules; tables?: TableInfoCache },
): Prefetched {
  const shapes = tables ?? createTableInfoCache(rules);
  const found: Prefetched = { rows: new Map(), clocks: new Map(), changes: new Map() };
  const idsByEntity = new Map<string, string[]>();
  for (const record of records) {
    const ids = idsByEntity.get(record.entity);
    if (ids) ids.push(record.entityId);
    else idsByEntity.set(record.entity, [record.entityId]);
  }
  for (const [entity, ids] of idsByEntity) {
    const rule = rules.ruleFor(entity);
    const info = rule ? shapes.tableInfo(statements, rule.table) : null;
    if (!rule || !info) continue;
    const list = JSON.stringify([...new Set(ids)]);
    for (const id of ids) found.rows.set(recordKey(entity, id), undefined);
    for (const row of statements
      .statement(`SELECT * FROM ${quoted(rule.table)} WHERE ${quoted(rule.key)} IN (SELECT value FROM json_each(?))`)
      .all(list) as Array<Record<string, unknown>>) {
      found.rows.set(recordKey(entity, String(row[rule.key])), row);
    }
    for (const c of statements
      .statement(
        'SELECT entity_id, field, hlc FROM row_clock WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?))',
      )
      .all(entity, list) as Array<ClockRow & { entity_id: string }>) {
      const k = recordKey(entity, c.entity_id);
      found.clocks.set(k, [...(found.clocks.get(k) ?? []), { field: c.field, hlc: c.hlc }]);
    }
    const changes = statements
      .statement(
        'SELECT entity_id, op, fields, hlc FROM change_log WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
      )
      .all(entity, list) as Array<ChangeRow & { entity_id: string }>;
    for (const c of changes) {
      const k = recordKey(entity, c.entity_id);
      found.changes.set(k, [...(found.changes.get(k) ?? []), { op: c.op, fields: c.fields, hlc: c.hlc }]);
    }
  }
  return found;
}

export function localState(
  statements: StatementCache,
  rule: EntityRule,
  info: TableInfo,
  row: Record<string, unknown> | undefined,
  entityId: string,
  serverTimeMs: number,
  prefetched?: Prefetched,
  unstamped?: ReadonlySet<string>,
): RecordState {
  const k = recordKey(rule.entity, entityId);
  const stamps = prefetched?.rows.has(k)
    ? (prefetched.clocks.get(k) ?? [])
    : (statements
        .statement('SELECT field, hlc FROM row_clock WHERE entity = ? AND entity_id = ?')
        .all(rule.entity, entityId) as ClockRow[]);
  const clockOf = new Map(stamps.map((s) => [s.field, s.hlc]));
  let state: RecordState = { fields: {}, clocks: {}, deleted: clockOf.get(TOMBSTONE_FIELD) ?? null };
  const composites = rule.policy.composite;
  if (row) {
    const star = clockOf.get(SHARED_STAMP);
    for (const [field, column] of info.columns) {
      if (
        column === rule.key ||
        field === 'hlc' ||
        (rule.localColumns && field in rule.localColumns) ||
        unstamped?.has(field)
      )
        continue;
      const composite = composites?.find((c) => c.column === field);
      if (composite) {
        readComposite(state, composite, row[column], clockOf, clockOf.get(field) ?? star);
        continue;
      }
      const clock = clockOf.get(field) ?? star;
      if (clock === undefined) continue;
      state.fields[field] = row[column] ?? null;
      state.clocks[field] = clock;
    }
  } else if (state.deleted === null) {
    state = { ...EMPTY_STATE, fields: {}, clocks: {} };
  }
  // Local changes not yet merged anywhere keep their own stamps.
  const changes = prefetched?.rows.has(k)
    ? (prefetched.changes.get(k) ?? [])
    : (statements
        .statement('SELECT op, fields, hlc FROM change_log WHERE entity_id = ? AND entity = ? ORDER BY seq')
        .all(entityId, rule.entity) as ChangeRow[]);
  for (const change of changes) {
    const fields = JSON.parse(change.fields) as Record<string, unknown>;
    const own = stateOfChange(change.op, fields, change.hlc, rule.ignoredFields);
    // The row holds the value; the change only tells when it was set.
    for (const field of Object.keys(own.fields)) {
      if (!row) break;
      const composite = info.columns.has(field) ? undefined : compositeOfField(composites, field);
      if (info.columns.has(field)) own.fields[field] = row[info.columns.get(field)!] ?? null;
      else if (composite && info.columns.has(composite.column))
        own.fields[field] =
          parseComposite(row[info.columns.get(composite.column)!])[field.slice(composite.prefix.length)] ?? null;
    }
    state = mergeStates(rule.policy, state, own);
  }
  // A stamp far beyond head office's clock was re-stamped there (docs/SYNC.md §2.6, F8): it must lose here too.
  const limit = serverTimeMs + MAX_CLOCK_SKEW_MS;
  for (const [field, clock] of Object.entries(state.clocks))
    if (parseHlc(clock).millis > limit) state.clocks[field] = '000000000000-0000-0';
  return state;
}

/** The row as stored, by its key column. */
export function readRow(
  statements: StatementCache,
  rule: EntityRule,
  entityId: string,
): Record<string, unknown> | undefined {
  return statements.statement(`SELECT * FROM ${quoted(rule.table)} WHERE ${quoted(rule.key)} = ?`).get(entityId) as
    Record<string, unknown> | undefined;
}
