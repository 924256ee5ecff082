/**
 * Applies pulled records on the counter PC (SYNC.md §2.4), synchronously on the better-sqlite3
 * connection, inside a transaction the caller holds (pull.ts): merge each record's state with the
 * local one using the entity's rule (the same functions head office uses), write the changed
 * columns, and keep the merged per-field stamps in row_clock. Applied records are not local
 * changes, so nothing goes to the change log; the HLC merges every stamp it sees (`hlc.recv`).
 *
 * Local stamps come from row_clock (written here, and by writers that stamp fields) and from the
 * change log rows of the record: a local change still counts even before it is pushed.
 * row_clock holds `*` for the stamp most fields share, explicit rows for the others and `~deleted`
 * for a tombstone, so a record costs one or two rows, not one per column.
 */
import type Database from 'better-sqlite3';
import { composeComposite, compositeOfField, parseComposite, readComposite } from './composite';
import { expandState, mostCommonStamp, SHARED_STAMP } from './compact-state';
import { ClockDriftError, parseHlc, type Hlc } from './hlc';
import { EMPTY_STATE, changedFieldsOf, maxClock, mergeStates, stateOfChange } from './merge';
import type { FeedRecord, RecordState } from './protocol';
import { anyKeptAside, keptAsideParent } from './dependencies';
import type { EntityRule, EntityRules } from './entity-rules';
import { MAX_CLOCK_SKEW_MS } from './protocol';
import { createTableInfoCache, fieldOf, type TableInfo, type TableInfoCache } from './table-info';
import type { KeptReason } from './tables';
import { statement } from './statements';

/** The field name under which a tombstone's stamp is kept (row_clock, pending_unknown). */
export const TOMBSTONE_FIELD = '~deleted';

/**
 * `unstamped` (replaying kept-aside values, pending-replay.ts): per record key (keyOf), fields that
 * were no column here when their value arrived. A stamp the PC stores for such a field (a row_clock
 * entry, or the record's common stamp) does not describe a value it holds, so only the PC's own
 * later changes (change_log) compete with the kept value.
 */
export type ApplyOptions = {
  rules: EntityRules;
  hlc: Hlc;
  serverTimeMs: number;
  nowIso: string;
  unstamped?: ReadonlyMap<string, ReadonlySet<string>>;
  watch?: Watch;
  /** The engine's table shapes for this store; without it they are read afresh. */
  tables?: TableInfoCache;
};
/** `changed`: the fields this apply changed (all of them for a record new here), for hooks that care about a few. */
export type ApplyOutcome = { applied: number; unchanged: number; keptAside: number; touched: Array<{ entity: string; entityId: string; state: RecordState; changed: ReadonlyArray<string> }> };

function toSqlite(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

type ClockRow = { field: string; hlc: string };
type ChangeRow = { op: string; fields: string; hlc: string };

/**
 * What a chunk's records hold locally, read with one query per table for the whole chunk instead of
 * three per record (an initial sync applies hundreds of thousands). A key is dropped once its record
 * is applied, so a second record for the same key in the chunk reads the fresh state itself.
 */
export type Prefetched = { rows: Map<string, Record<string, unknown> | undefined>; clocks: Map<string, ClockRow[]>; changes: Map<string, ChangeRow[]> };

/** One record's key in the maps apply keeps (prefetched rows, `unstamped`). */
export const keyOf = (entity: string, entityId: string) => `${entity}\u0000${entityId}`;

export function prefetchLocal(sqlite: Database.Database, records: ReadonlyArray<FeedRecord>, { rules, tables }: Pick<ApplyOptions, 'rules' | 'tables'>): Prefetched {
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
    const info = rule ? shapes.tableInfo(sqlite, rule.table) : null;
    if (!rule || !info) continue;
    const list = JSON.stringify([...new Set(ids)]);
    for (const id of ids) found.rows.set(keyOf(entity, id), undefined);
    for (const row of statement(sqlite, `SELECT * FROM ${rule.table} WHERE ${rule.key} IN (SELECT value FROM json_each(?))`).all(list) as Array<Record<string, unknown>>) {
      found.rows.set(keyOf(entity, String(row[rule.key])), row);
    }
    for (const c of statement(sqlite, 'SELECT entity_id, field, hlc FROM row_clock WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?))').all(entity, list) as Array<ClockRow & { entity_id: string }>) {
      const k = keyOf(entity, c.entity_id);
      found.clocks.set(k, [...(found.clocks.get(k) ?? []), { field: c.field, hlc: c.hlc }]);
    }
    const changes = statement(sqlite, 'SELECT entity_id, op, fields, hlc FROM change_log WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?)) ORDER BY seq').all(entity, list) as Array<ChangeRow & { entity_id: string }>;
    for (const c of changes) {
      const k = keyOf(entity, c.entity_id);
      found.changes.set(k, [...(found.changes.get(k) ?? []), { op: c.op, fields: c.fields, hlc: c.hlc }]);
    }
  }
  return found;
}

function localState(
  sqlite: Database.Database,
  rule: EntityRule,
  info: TableInfo,
  row: Record<string, unknown> | undefined,
  entityId: string,
  serverTimeMs: number,
  prefetched?: Prefetched,
  unstamped?: ReadonlySet<string>,
): RecordState {
  const k = keyOf(rule.entity, entityId);
  const stamps = prefetched?.rows.has(k)
    ? (prefetched.clocks.get(k) ?? [])
    : (statement(sqlite, 'SELECT field, hlc FROM row_clock WHERE entity = ? AND entity_id = ?').all(rule.entity, entityId) as ClockRow[]);
  const clockOf = new Map(stamps.map((s) => [s.field, s.hlc]));
  let state: RecordState = { fields: {}, clocks: {}, deleted: clockOf.get(TOMBSTONE_FIELD) ?? null };
  const composites = rule.policy.composite;
  if (row) {
    const star = clockOf.get(SHARED_STAMP);
    for (const [field, column] of info.columns) {
      if (column === rule.key || field === 'hlc' || (rule.localColumns && field in rule.localColumns) || unstamped?.has(field)) continue;
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
    : (statement(sqlite, 'SELECT op, fields, hlc FROM change_log WHERE entity_id = ? AND entity = ? ORDER BY seq').all(entityId, rule.entity) as ChangeRow[]);
  for (const change of changes) {
    const fields = JSON.parse(change.fields) as Record<string, unknown>;
    const own = stateOfChange(change.op, fields, change.hlc, rule.ignoredFields);
    // The row holds the value; the change only tells when it was set.
    for (const field of Object.keys(own.fields)) {
      if (!row) break;
      const composite = info.columns.has(field) ? undefined : compositeOfField(composites, field);
      if (info.columns.has(field)) own.fields[field] = row[info.columns.get(field)!] ?? null;
      else if (composite && info.columns.has(composite.column)) own.fields[field] = parseComposite(row[info.columns.get(composite.column)!])[field.slice(composite.prefix.length)] ?? null;
    }
    state = mergeStates(rule.policy, state, own);
  }
  // A stamp far beyond head office's clock was re-stamped there (SYNC.md §2.6, F8): it must lose here too.
  const limit = serverTimeMs + MAX_CLOCK_SKEW_MS;
  for (const [field, clock] of Object.entries(state.clocks)) if (parseHlc(clock).millis > limit) state.clocks[field] = '000000000000-0000-0';
  return state;
}

/** Composite columns to rewrite for these fields: the column and its object as JSON text. */
function composedColumns(rule: EntityRule, info: TableInfo, fields: ReadonlyArray<string>, merged: RecordState): Array<[column: string, json: string]> {
  return (rule.policy.composite ?? [])
    .filter((c) => info.columns.has(c.column) && fields.some((f) => f.startsWith(c.prefix)))
    .map((c) => [info.columns.get(c.column)!, JSON.stringify(composeComposite(merged.fields, c))]);
}

function writeClocks(sqlite: Database.Database, rule: EntityRule, entityId: string, state: RecordState, hadClocks: boolean): void {
  if (hadClocks) statement(sqlite, 'DELETE FROM row_clock WHERE entity = ? AND entity_id = ?').run(rule.entity, entityId);
  const insert = statement(sqlite, 'INSERT INTO row_clock (entity, entity_id, field, hlc) VALUES (?, ?, ?, ?)');
  // The most common stamp once, under `*`, as head office writes states (compact-state.ts).
  const star = mostCommonStamp(Object.values(state.clocks))?.stamp ?? null;
  if (star !== null) insert.run(rule.entity, entityId, SHARED_STAMP, star);
  for (const [field, clock] of Object.entries(state.clocks)) if (clock !== star) insert.run(rule.entity, entityId, field, clock);
  if (state.deleted) insert.run(rule.entity, entityId, TOMBSTONE_FIELD, state.deleted);
}

/** Why a value is kept aside (migration 0012): no such table or column here, or the row refused it. */
type KeptKind = 'unknown' | 'refused';

/** `reason` and `dependsOn` (migration 0015) say why a refused record waits, for the Sync page. */
type Kept = { kind: KeptKind; reason?: KeptReason; dependsOn?: string };

function keepAside(sqlite: Database.Database, record: FeedRecord, fields: ReadonlyArray<string>, nowIso: string, { kind, reason, dependsOn }: Kept, watch?: Watch): void {
  const put = statement(
    sqlite,
    'INSERT INTO pending_unknown (entity, entity_id, field, value, hlc, received_at, kind, reason, depends_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ' +
      'ON CONFLICT (entity, entity_id, field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, received_at = excluded.received_at, kind = excluded.kind, ' +
      'reason = excluded.reason, depends_on = excluded.depends_on WHERE excluded.hlc > pending_unknown.hlc',
  );
  const why = [kind, reason ?? null, dependsOn ?? null] as const;
  for (const field of fields) put.run(record.entity, record.entityId, field, JSON.stringify(record.state.fields[field] ?? null), record.state.clocks[field] ?? record.state.deleted ?? '', nowIso, ...why);
  if (fields.length === 0 && record.state.deleted) put.run(record.entity, record.entityId, TOMBSTONE_FIELD, null, record.state.deleted, nowIso, ...why);
  if (watch) watch.keptAside = true;
}

/** A refused write: a uniqueness rule (two records with one number) or a required column still missing. */
const refusal = (error: Error): Kept => ({ kind: 'refused', reason: /UNIQUE/i.test(error.message) ? 'duplicate' : 'incomplete' });

/**
 * Whether anything is kept aside on this PC, so records referring to it are checked
 * (dependencies.ts). A pull reads it once per chunk (`watchKeptAside`) rather than per record.
 */
export type Watch = { keptAside: boolean };

export function watchKeptAside(sqlite: Database.Database): Watch {
  return { keptAside: anyKeptAside(sqlite) };
}

function mergeClock(hlc: Hlc, state: RecordState): void {
  const top = maxClock(state);
  if (!top) return;
  try {
    hlc.recv(top);
  } catch (error) {
    // This PC's clock is far behind head office: the clock warning tells the user; keep applying.
    if (!(error instanceof ClockDriftError)) throw error;
  }
}

/** Applies records in order. Must run inside the caller's SQLite transaction. */
export function applyRecords(sqlite: Database.Database, records: ReadonlyArray<FeedRecord>, options: ApplyOptions, prefetched?: Prefetched): ApplyOutcome {
  const outcome: ApplyOutcome = { applied: 0, unchanged: 0, keptAside: 0, touched: [] };
  const watch = options.watch ?? watchKeptAside(sqlite);
  const tables = options.tables ?? createTableInfoCache(options.rules);
  for (const pulled of records) {
    // Head office writes states compactly (compact-state.ts); everything here reads them expanded.
    const state = expandState(pulled.state);
    const record = state === pulled.state ? pulled : { ...pulled, state };
    const k = keyOf(record.entity, record.entityId);
    const known = prefetched?.rows.has(k) ? prefetched : undefined;
    if (known) {
      // No stamps yet (an initial sync into empty tables): nothing to delete before writing them.
      const hadClocks = (known.clocks.get(k)?.length ?? 0) > 0;
      applyOne(sqlite, record, options, tables, outcome, { row: known.rows.get(k), prefetched: known, hadClocks }, watch);
      // Whatever happened to this record, a later one for the same key must read the state it left.
      known.rows.delete(k);
      known.clocks.delete(k);
      known.changes.delete(k);
    } else applyOne(sqlite, record, options, tables, outcome, null, watch);
  }
  return outcome;
}

type Lookup = { row: Record<string, unknown> | undefined; prefetched: Prefetched; hadClocks: boolean } | null;

function applyOne(sqlite: Database.Database, record: FeedRecord, options: ApplyOptions, tables: TableInfoCache, outcome: ApplyOutcome, lookup: Lookup, watch: Watch): void {
  const rule = options.rules.ruleFor(record.entity);
  const info = rule ? tables.tableInfo(sqlite, rule.table) : null;
  mergeClock(options.hlc, record.state);
  if (!rule || !info) {
    keepAside(sqlite, record, Object.keys(record.state.fields), options.nowIso, { kind: 'unknown' }, watch);
    outcome.keptAside += 1;
    return;
  }
  const row = lookup ? lookup.row : (statement(sqlite, `SELECT * FROM ${rule.table} WHERE ${rule.key} = ?`).get(record.entityId) as Record<string, unknown> | undefined);
  const before = localState(sqlite, rule, info, row, record.entityId, options.serverTimeMs, lookup?.prefetched, options.unstamped?.get(keyOf(record.entity, record.entityId)));
  const merged = mergeStates(rule.policy, before, record.state);
  const changed = changedFieldsOf(before, merged);
  if (changed.length === 0 && merged.deleted === before.deleted) {
    outcome.unchanged += 1;
    return;
  }
  const composed = (f: string) => !info.columns.has(f) && info.columns.has(compositeOfField(rule.policy.composite, f)?.column ?? '');
  const unknown = Object.keys(merged.fields).filter((f) => !info.columns.has(f) && !composed(f));
  if (unknown.length > 0) {
    keepAside(sqlite, record, unknown.filter((f) => record.state.clocks[f] === merged.clocks[f]), options.nowIso, { kind: 'unknown' }, watch);
    outcome.keptAside += 1;
  }
  const known = changed.filter((f) => info.columns.has(f) && info.columns.get(f) !== rule.key && f !== 'hlc' && !(rule.localColumns && f in rule.localColumns));
  const top = maxClock(merged);
  if (merged.deleted && rule.deleteMode === 'hard') {
    if (row) statement(sqlite, `DELETE FROM ${rule.table} WHERE ${rule.key} = ?`).run(record.entityId);
  } else if (row) {
    const sets = known.map((f) => `${info.columns.get(f)} = ?`);
    const values = known.map((f) => toSqlite(merged.fields[f]));
    const keys = changed.filter(composed);
    for (const [column, json] of composedColumns(rule, info, keys, merged)) {
      sets.push(`${column} = ?`);
      values.push(json);
    }
    if (merged.deleted && info.hasDeletedAt && row.deleted_at === null && !known.includes('deletedAt')) {
      sets.push('deleted_at = ?');
      values.push(new Date(parseHlc(merged.deleted).millis).toISOString());
    }
    if (info.hasHlc && top) {
      sets.push('hlc = ?');
      values.push(top);
    }
    try {
      if (sets.length > 0) statement(sqlite, `UPDATE ${rule.table} SET ${sets.join(', ')} WHERE ${rule.key} = ?`).run(...values, record.entityId);
    } catch (error) {
      // A local uniqueness rule the remote value breaks (two PCs chose the same code): kept aside, never blocking the pull.
      if (!(error instanceof Error) || !/constraint/i.test(error.message)) throw error;
      keepAside(sqlite, record, [...known, ...keys], options.nowIso, refusal(error), watch);
      outcome.keptAside += 1;
      return;
    }
  } else if (!merged.deleted || rule.deleteMode === 'soft') {
    const values: Record<string, unknown> = { ...(rule.localColumns ?? {}) };
    for (const [field, value] of Object.entries(merged.fields)) if (info.columns.has(field)) values[field] = value;
    values[fieldOf(rule.key)] = record.entityId;
    if (info.hasHlc && top) values.hlc = top;
    for (const c of rule.policy.composite ?? []) if (Object.keys(merged.fields).some((f) => f.startsWith(c.prefix))) values[c.column] = composeComposite(merged.fields, c);
    if (merged.deleted && info.hasDeletedAt && !values.deletedAt) values.deletedAt = new Date(parseHlc(merged.deleted).millis).toISOString();
    // Inserts log what they set; a row's first updated_at is its created_at.
    if (info.columns.has('updatedAt') && values.updatedAt === undefined) values.updatedAt = values.createdAt ?? options.nowIso;
    const columns = Object.keys(values).filter((f) => info.columns.has(f));
    // It refers to a record kept aside here: stored now, it would dangle. It waits with that record.
    const waitsFor = watch.keptAside ? keptAsideParent(sqlite, tables, rule.table, values) : null;
    if (waitsFor !== null) {
      keepAside(sqlite, record, Object.keys(record.state.fields), options.nowIso, { kind: 'refused', reason: 'depends', dependsOn: waitsFor }, watch);
      outcome.keptAside += 1;
      return;
    }
    try {
      statement(sqlite, `INSERT INTO ${rule.table} (${columns.map((f) => info.columns.get(f)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
        .run(...columns.map((f) => toSqlite(values[f])));
    } catch (error) {
      // Not enough of the record yet (a required column still missing): keep it for later.
      if (!(error instanceof Error) || !/constraint/i.test(error.message)) throw error;
      keepAside(sqlite, record, Object.keys(record.state.fields), options.nowIso, refusal(error), watch);
      outcome.keptAside += 1;
      return;
    }
  }
  writeClocks(sqlite, rule, record.entityId, merged, lookup ? lookup.hadClocks : true);
  outcome.touched.push({ entity: rule.entity, entityId: record.entityId, state: merged, changed: row ? changed : Object.keys(merged.fields) });
  outcome.applied += 1;
}

/** Convergence check helper (tests, admin): the state this PC holds for one record. */
export function readLocalState(sqlite: Database.Database, rules: EntityRules, entity: string, entityId: string, serverTimeMs = Date.now()): RecordState | null {
  const rule = rules.ruleFor(entity);
  const info = rule ? createTableInfoCache(rules).tableInfo(sqlite, rule.table) : null;
  if (!rule || !info) return null;
  const row = statement(sqlite, `SELECT * FROM ${rule.table} WHERE ${rule.key} = ?`).get(entityId) as Record<string, unknown> | undefined;
  return localState(sqlite, rule, info, row, entityId, serverTimeMs);
}

