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
import { ClockDriftError, parseHlc, type Hlc } from './hlc';
import { EMPTY_STATE, changedFieldsOf, maxClock, mergeStates, stateOfChange } from './merge';
import type { FeedRecord, RecordState } from './protocol';
import { ruleFor, type EntityRule } from './registry';
import { statement } from './statements';

const STAR = '*';
const TOMBSTONE = '~deleted';
/** A local stamp this far beyond head office's time was re-stamped there (SYNC.md §2.6, F8). */
const FUTURE_MS = 5 * 60_000;

export type ApplyOptions = { hlc: Hlc; serverTimeMs: number; nowIso: string };
export type ApplyOutcome = { applied: number; unchanged: number; keptAside: number; touched: Array<{ entity: string; entityId: string; state: RecordState }> };

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

type TableInfo = { columns: Map<string, string>; hasHlc: boolean; hasDeletedAt: boolean };
const tableInfos = new WeakMap<Database.Database, Map<string, TableInfo | null>>();

function tableInfo(sqlite: Database.Database, table: string): TableInfo | null {
  let cache = tableInfos.get(sqlite);
  if (!cache) tableInfos.set(sqlite, (cache = new Map()));
  if (!cache.has(table)) {
    const rows = statement(sqlite, `PRAGMA table_info(${JSON.stringify(table)})`).all() as Array<{ name: string }>;
    if (rows.length === 0) cache.set(table, null);
    else {
      const columns = new Map(rows.map((r) => [camel(r.name), r.name]));
      cache.set(table, { columns, hasHlc: columns.has('hlc'), hasDeletedAt: columns.has('deletedAt') });
    }
  }
  return cache.get(table)!;
}

function toSqlite(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

function localState(sqlite: Database.Database, rule: EntityRule, info: TableInfo, row: Record<string, unknown> | undefined, entityId: string, serverTimeMs: number): RecordState {
  const stamps = statement(sqlite, 'SELECT field, hlc FROM row_clock WHERE entity = ? AND entity_id = ?').all(rule.entity, entityId) as Array<{ field: string; hlc: string }>;
  const clockOf = new Map(stamps.map((s) => [s.field, s.hlc]));
  let state: RecordState = { fields: {}, clocks: {}, deleted: clockOf.get(TOMBSTONE) ?? null };
  if (row) {
    const star = clockOf.get(STAR);
    for (const [field, column] of info.columns) {
      if (column === rule.key || field === 'hlc' || (rule.localColumns && field in rule.localColumns)) continue;
      const clock = clockOf.get(field) ?? star;
      if (clock === undefined) continue;
      state.fields[field] = row[column] ?? null;
      state.clocks[field] = clock;
    }
  } else if (state.deleted === null) {
    state = { ...EMPTY_STATE, fields: {}, clocks: {} };
  }
  // Local changes not yet merged anywhere keep their own stamps.
  const changes = statement(sqlite, 'SELECT op, fields, hlc FROM change_log WHERE entity_id = ? AND entity = ? ORDER BY seq').all(entityId, rule.entity) as Array<{ op: string; fields: string; hlc: string }>;
  for (const change of changes) {
    const fields = JSON.parse(change.fields) as Record<string, unknown>;
    const own = stateOfChange(change.op, fields, change.hlc, rule.ignoredFields);
    // The row holds the value; the change only tells when it was set.
    for (const field of Object.keys(own.fields)) if (row && info.columns.has(field)) own.fields[field] = row[info.columns.get(field)!] ?? null;
    state = mergeStates(rule.policy, state, own);
  }
  // A stamp far beyond head office's clock was re-stamped there: it must lose here too.
  const limit = serverTimeMs + FUTURE_MS;
  for (const [field, clock] of Object.entries(state.clocks)) if (parseHlc(clock).millis > limit) state.clocks[field] = '000000000000-0000-0';
  return state;
}

function writeClocks(sqlite: Database.Database, rule: EntityRule, entityId: string, state: RecordState): void {
  statement(sqlite, 'DELETE FROM row_clock WHERE entity = ? AND entity_id = ?').run(rule.entity, entityId);
  const insert = statement(sqlite, 'INSERT INTO row_clock (entity, entity_id, field, hlc) VALUES (?, ?, ?, ?)');
  const counts = new Map<string, number>();
  for (const clock of Object.values(state.clocks)) counts.set(clock, (counts.get(clock) ?? 0) + 1);
  let star: string | null = null;
  for (const [clock, n] of counts) if (star === null || n > counts.get(star)!) star = clock;
  if (star !== null) insert.run(rule.entity, entityId, STAR, star);
  for (const [field, clock] of Object.entries(state.clocks)) if (clock !== star) insert.run(rule.entity, entityId, field, clock);
  if (state.deleted) insert.run(rule.entity, entityId, TOMBSTONE, state.deleted);
}

function keepAside(sqlite: Database.Database, record: FeedRecord, fields: ReadonlyArray<string>, nowIso: string): void {
  const put = statement(sqlite, 
    'INSERT INTO pending_unknown (entity, entity_id, field, value, hlc, received_at) VALUES (?, ?, ?, ?, ?, ?) ' +
      'ON CONFLICT (entity, entity_id, field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, received_at = excluded.received_at WHERE excluded.hlc > pending_unknown.hlc',
  );
  for (const field of fields) put.run(record.entity, record.entityId, field, JSON.stringify(record.state.fields[field] ?? null), record.state.clocks[field] ?? record.state.deleted ?? '', nowIso);
  if (fields.length === 0 && record.state.deleted) put.run(record.entity, record.entityId, TOMBSTONE, null, record.state.deleted, nowIso);
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
export function applyRecords(sqlite: Database.Database, records: ReadonlyArray<FeedRecord>, options: ApplyOptions): ApplyOutcome {
  const outcome: ApplyOutcome = { applied: 0, unchanged: 0, keptAside: 0, touched: [] };
  for (const record of records) {
    const rule = ruleFor(record.entity);
    const info = rule ? tableInfo(sqlite, rule.table) : null;
    mergeClock(options.hlc, record.state);
    if (!rule || !info) {
      keepAside(sqlite, record, Object.keys(record.state.fields), options.nowIso);
      outcome.keptAside += 1;
      continue;
    }
    const row = statement(sqlite, `SELECT * FROM ${rule.table} WHERE ${rule.key} = ?`).get(record.entityId) as Record<string, unknown> | undefined;
    const before = localState(sqlite, rule, info, row, record.entityId, options.serverTimeMs);
    const merged = mergeStates(rule.policy, before, record.state);
    const changed = changedFieldsOf(before, merged);
    if (changed.length === 0 && merged.deleted === before.deleted) {
      outcome.unchanged += 1;
      continue;
    }
    const unknown = Object.keys(merged.fields).filter((f) => !info.columns.has(f));
    if (unknown.length > 0) {
      keepAside(sqlite, record, unknown.filter((f) => record.state.clocks[f] === merged.clocks[f]), options.nowIso);
      outcome.keptAside += 1;
    }
    const known = changed.filter((f) => info.columns.has(f) && info.columns.get(f) !== rule.key && f !== 'hlc' && !(rule.localColumns && f in rule.localColumns));
    const top = maxClock(merged);
    if (merged.deleted && rule.deleteMode === 'hard') {
      if (row) statement(sqlite, `DELETE FROM ${rule.table} WHERE ${rule.key} = ?`).run(record.entityId);
    } else if (row) {
      const sets = known.map((f) => `${info.columns.get(f)} = ?`);
      const values = known.map((f) => toSqlite(merged.fields[f]));
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
        keepAside(sqlite, record, known, options.nowIso);
        outcome.keptAside += 1;
        continue;
      }
    } else if (!merged.deleted || rule.deleteMode === 'soft') {
      const values: Record<string, unknown> = { ...(rule.localColumns ?? {}) };
      for (const [field, value] of Object.entries(merged.fields)) if (info.columns.has(field)) values[field] = value;
      values[camel(rule.key)] = record.entityId;
      if (info.hasHlc && top) values.hlc = top;
      if (merged.deleted && info.hasDeletedAt && !values.deletedAt) values.deletedAt = new Date(parseHlc(merged.deleted).millis).toISOString();
      // Inserts log what they set; a row's first updated_at is its created_at.
      if (info.columns.has('updatedAt') && values.updatedAt === undefined) values.updatedAt = values.createdAt ?? options.nowIso;
      const columns = Object.keys(values).filter((f) => info.columns.has(f));
      try {
        statement(sqlite, `INSERT INTO ${rule.table} (${columns.map((f) => info.columns.get(f)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
          .run(...columns.map((f) => toSqlite(values[f])));
      } catch (error) {
        // Not enough of the record yet (a required column still missing): keep it for later.
        if (!(error instanceof Error) || !/constraint/i.test(error.message)) throw error;
        keepAside(sqlite, record, Object.keys(record.state.fields), options.nowIso);
        outcome.keptAside += 1;
        continue;
      }
    }
    writeClocks(sqlite, rule, record.entityId, merged);
    outcome.touched.push({ entity: rule.entity, entityId: record.entityId, state: merged });
    outcome.applied += 1;
  }
  return outcome;
}

/** Convergence check helper (tests, admin): the state this PC holds for one record. */
export function readLocalState(sqlite: Database.Database, entity: string, entityId: string, serverTimeMs = Date.now()): RecordState | null {
  const rule = ruleFor(entity);
  const info = rule ? tableInfo(sqlite, rule.table) : null;
  if (!rule || !info) return null;
  const row = statement(sqlite, `SELECT * FROM ${rule.table} WHERE ${rule.key} = ?`).get(entityId) as Record<string, unknown> | undefined;
  return localState(sqlite, rule, info, row, entityId, serverTimeMs);
}

