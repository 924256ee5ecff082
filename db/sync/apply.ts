/**
 * Applies pulled records on the counter PC (docs/SYNC.md §2.4), synchronously on the better-sqlite3
 * connection, inside a transaction the caller holds (pull.ts): merge each record's state with the
 * local one (local-state.ts) using the entity's rule (the same functions head office uses), write
 * the changed columns and the merged per-field stamps (row-writes.ts). Applied records are not
 * local changes, so nothing goes to the change log; the HLC merges every stamp it sees (`hlc.recv`).
 * This file decides what happens to each record; the SQL is in row-writes.ts.
 */
import type { StatementCache } from '../statement-cache';
import { composeComposite, compositeOfField } from './composite';
import { expandState } from './compact-state';
import { keptAsideParent } from './dependencies';
import type { EntityRules } from './entity-rules';
import { ClockDriftError, parseHlc, type Hlc } from './hlc';
import { localState, readRow, type Prefetched } from './local-state';
import { changedFieldsOf, maxClock, mergeStates } from './merge';
import { recordKey, type FeedRecord, type RecordState } from './protocol';
import {
  composedColumns,
  deleteRow,
  insertRow,
  keepAside,
  refusal,
  toSqlite,
  updateRow,
  watchKeptAside,
  writeClocks,
  type Watch,
} from './row-writes';
import { createTableInfoCache, fieldOf, type TableInfoCache } from './table-info';

/**
 * `unstamped` (replaying kept-aside values, pending-replay.ts): per record key (recordKey), fields that
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
export type ApplyOutcome = {
  applied: number;
  unchanged: number;
  keptAside: number;
  touched: Array<{ entity: string; entityId: string; state: RecordState; changed: ReadonlyArray<string> }>;
};

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
export function applyRecords(
  statements: StatementCache,
  records: ReadonlyArray<FeedRecord>,
  options: ApplyOptions,
  prefetched?: Prefetched,
): ApplyOutcome {
  const outcome: ApplyOutcome = { applied: 0, unchanged: 0, keptAside: 0, touched: [] };
  const watch = options.watch ?? watchKeptAside(statements);
  const tables = options.tables ?? createTableInfoCache(options.rules);
  for (const pulled of records) {
    // Head office writes states compactly (compact-state.ts); everything here reads them expanded.
    const state = expandState(pulled.state);
    const record = state === pulled.state ? pulled : { ...pulled, state };
    const k = recordKey(record.entity, record.entityId);
    const known = prefetched?.rows.has(k) ? prefetched : undefined;
    if (known) {
      // No stamps yet (an initial sync into empty tables): nothing to delete before writing them.
      const hadClocks = (known.clocks.get(k)?.length ?? 0) > 0;
      applyOne(
        statements,
        record,
        options,
        tables,
        outcome,
        { row: known.rows.get(k), prefetched: known, hadClocks },
        watch,
      );
      // Whatever happened to this record, a later one for the same key must read the state it left.
      known.rows.delete(k);
      known.clocks.delete(k);
      known.changes.delete(k);
    } else applyOne(statements, record, options, tables, outcome, null, watch);
  }
  return outcome;
}

type Lookup = { row: Record<string, unknown> | undefined; prefetched: Prefetched; hadClocks: boolean } | null;

function applyOne(
  statements: StatementCache,
  record: FeedRecord,
  options: ApplyOptions,
  tables: TableInfoCache,
  outcome: ApplyOutcome,
  lookup: Lookup,
  watch: Watch,
): void {
  const rule = options.rules.ruleFor(record.entity);
  const info = rule ? tables.tableInfo(statements, rule.table) : null;
  mergeClock(options.hlc, record.state);
  if (!rule || !info) {
    keepAside(statements, record, Object.keys(record.state.fields), options.nowIso, { kind: 'unknown' }, watch);
    outcome.keptAside += 1;
    return;
  }
  const row = lookup ? lookup.row : readRow(statements, rule, record.entityId);
  // A ledger row or event already held here is final, as at head office (headoffice/apply.ts): it is
  // never updated. Two PCs that wrote the same derived record (one correction both made, under one
  // id and with the same values) each keep their own copy instead of rewriting it with the other's
  // stamp. Values kept aside for a column this PC lacked still fill that column once it has it.
  const replaying = options.unstamped?.has(recordKey(record.entity, record.entityId)) ?? false;
  if (row && rule.appendOnly && !rule.keyedByOthers && !replaying) {
    outcome.unchanged += 1;
    return;
  }
  const before = localState(
    statements,
    rule,
    info,
    row,
    record.entityId,
    options.serverTimeMs,
    lookup?.prefetched,
    options.unstamped?.get(recordKey(record.entity, record.entityId)),
  );
  const merged = mergeStates(rule.policy, before, record.state);
  const changed = changedFieldsOf(before, merged);
  if (changed.length === 0 && merged.deleted === before.deleted) {
    outcome.unchanged += 1;
    return;
  }
  const composed = (f: string) =>
    !info.columns.has(f) && info.columns.has(compositeOfField(rule.policy.composite, f)?.column ?? '');
  const unknown = Object.keys(merged.fields).filter((f) => !info.columns.has(f) && !composed(f));
  if (unknown.length > 0) {
    keepAside(
      statements,
      record,
      unknown.filter((f) => record.state.clocks[f] === merged.clocks[f]),
      options.nowIso,
      { kind: 'unknown' },
      watch,
    );
    outcome.keptAside += 1;
  }
  const known = changed.filter(
    (f) =>
      info.columns.has(f) &&
      info.columns.get(f) !== rule.key &&
      f !== 'hlc' &&
      !(rule.localColumns && f in rule.localColumns),
  );
  const top = maxClock(merged);
  if (merged.deleted && rule.deleteMode === 'hard') {
    if (row) deleteRow(statements, rule, record.entityId);
  } else if (row) {
    const sets: Array<[column: string, value: unknown]> = known.map((f) => [
      info.columns.get(f)!,
      toSqlite(merged.fields[f]),
    ]);
    const keys = changed.filter(composed);
    sets.push(...composedColumns(rule, info, keys, merged));
    if (merged.deleted && info.hasDeletedAt && row.deleted_at === null && !known.includes('deletedAt'))
      sets.push(['deleted_at', new Date(parseHlc(merged.deleted).millis).toISOString()]);
    if (info.hasHlc && top) sets.push(['hlc', top]);
    try {
      updateRow(statements, rule, record.entityId, sets);
    } catch (error) {
      // A local uniqueness rule the remote value breaks (two PCs chose the same code): kept aside, never blocking the pull.
      if (!(error instanceof Error) || !/constraint/i.test(error.message)) throw error;
      keepAside(statements, record, [...known, ...keys], options.nowIso, refusal(error), watch);
      outcome.keptAside += 1;
      return;
    }
  } else if (!merged.deleted || rule.deleteMode === 'soft') {
    const values: Record<string, unknown> = { ...(rule.localColumns ?? {}) };
    for (const [field, value] of Object.entries(merged.fields)) if (info.columns.has(field)) values[field] = value;
    values[fieldOf(rule.key)] = record.entityId;
    if (info.hasHlc && top) values.hlc = top;
    for (const c of rule.policy.composite ?? [])
      if (Object.keys(merged.fields).some((f) => f.startsWith(c.prefix)))
        values[c.column] = composeComposite(merged.fields, c);
    if (merged.deleted && info.hasDeletedAt && !values.deletedAt)
      values.deletedAt = new Date(parseHlc(merged.deleted).millis).toISOString();
    // Inserts log what they set; a row's first updated_at is its created_at.
    if (info.columns.has('updatedAt') && values.updatedAt === undefined)
      values.updatedAt = values.createdAt ?? options.nowIso;
    const columns = Object.keys(values).filter((f) => info.columns.has(f));
    // It refers to a record kept aside here: stored now, it would dangle. It waits with that record.
    const waitsFor = watch.keptAside ? keptAsideParent(statements, tables, rule.table, values) : null;
    if (waitsFor !== null) {
      keepAside(
        statements,
        record,
        Object.keys(record.state.fields),
        options.nowIso,
        { kind: 'refused', reason: 'depends', dependsOn: waitsFor },
        watch,
      );
      outcome.keptAside += 1;
      return;
    }
    try {
      insertRow(
        statements,
        rule,
        columns.map((f) => [info.columns.get(f)!, toSqlite(values[f])] as const),
      );
    } catch (error) {
      // Not enough of the record yet (a required column still missing): keep it for later.
      if (!(error instanceof Error) || !/constraint/i.test(error.message)) throw error;
      keepAside(statements, record, Object.keys(record.state.fields), options.nowIso, refusal(error), watch);
      outcome.keptAside += 1;
      return;
    }
  }
  writeClocks(statements, rule, record.entityId, merged, lookup ? lookup.hadClocks : true);
  outcome.touched.push({
    entity: rule.entity,
    entityId: record.entityId,
    state: merged,
    changed: row ? changed : Object.keys(merged.fields),
  });
  outcome.applied += 1;
}

/** Convergence check helper (tests, admin): the state this PC holds for one record. */
export function readLocalState(
  statements: StatementCache,
  rules: EntityRules,
  entity: string,
  entityId: string,
  serverTimeMs = Date.now(),
): RecordState | null {
  const rule = rules.ruleFor(entity);
  const info = rule ? createTableInfoCache(rules).tableInfo(statements, rule.table) : null;
  if (!rule || !info) return null;
  return localState(statements, rule, info, readRow(statements, rule, entityId), entityId, serverTimeMs);
}
