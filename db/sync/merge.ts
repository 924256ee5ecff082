/**
 * The merge rules (docs/SYNC.md §2.5), as pure functions over a record's state. Head office and every
 * counter PC merge with exactly these functions, so all replicas that have seen the same changes
 * hold the same state, whatever order the changes came in. The functions form a join semilattice
 * (commutative, associative, idempotent): test/sync/merge.property.test.ts checks it with fast-check.
 *
 * - Each field: last writer wins by HLC (string order is clock order, the replica id breaks ties).
 * - `trueWins` fields (do-not-contact, consent revocation): once any writer sets them, they stay set.
 * - `hqFields` (a customer's tier, anything head office owns): a head-office stamp beats any store
 *   stamp, so a store's offline edit can never outlive head office's value.
 * - Deletes win: the tombstone is kept (the latest one) and no later update brings the record back.
 * - `precedence` fields (a supplier return's status): a value further along the field's order wins
 *   whatever the stamps (shipped beats cancelled: the goods left); equal ranks fall back to the stamps.
 * - `composite` columns (a ticket's intake form) merge key by key; `derived` copies (its summary
 *   line) are recomputed from the merged state with their source's stamp (composite.ts, db/tickets/form-sync.ts).
 */
import { parseComposite, type CompositeColumn } from './composite';
import type { RecordState } from './protocol';

/** The HLC node head office stamps with. Device nodes are 32 hex digits, so they never collide. */
export const HQ_NODE = 'hq';

/** A copy of another field (a ticket's summary line of its form's description): its value and stamp follow that field. */
export type DerivedField = Readonly<{ field: string; value: unknown; from: string }>;

export type MergePolicy = {
  trueWins?: ReadonlyArray<string>;
  hqFields?: ReadonlyArray<string> | 'all';
  /**
   * Fields whose values outrank each other, lowest first: the higher-ranked value wins whatever its
   * stamp; a value not listed ranks below all. A field's order must agree with every way it can
   * change (a status only ever moves to a higher rank), or a later step could be lost.
   */
  precedence?: Readonly<Record<string, ReadonlyArray<string>>>;
  /** JSON object columns merged key by key (composite.ts). */
  composite?: ReadonlyArray<CompositeColumn>;
  /** The copies to recompute from a merged state; only fields whose source is in the state. */
  derived?: (fields: Readonly<Record<string, unknown>>) => ReadonlyArray<DerivedField>;
};

export const EMPTY_STATE: RecordState = Object.freeze({
  fields: Object.freeze({}),
  clocks: Object.freeze({}),
  deleted: null,
}) as RecordState;

export function nodeOfHlc(hlc: string): string {
  return hlc.slice(hlc.lastIndexOf('-') + 1);
}

function isHqField(policy: MergePolicy, field: string): boolean {
  return policy.hqFields === 'all' || (policy.hqFields?.includes(field) ?? false);
}

/** Order of two stamps for one field: negative when `a` loses. */
export function compareFieldClocks(policy: MergePolicy, field: string, a: string, b: string): number {
  if (isHqField(policy, field)) {
    const aHq = nodeOfHlc(a) === HQ_NODE;
    const bHq = nodeOfHlc(b) === HQ_NODE;
    if (aHq !== bHq) return aHq ? 1 : -1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable JSON (sorted keys), used for tie-breaks and for the convergence hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function truthy(value: unknown): boolean {
  return value === true || value === 1;
}

type Cell = { value: unknown; clock: string };

function rankOf(order: ReadonlyArray<string>, value: unknown): number {
  return typeof value === 'string' ? order.indexOf(value) : -1;
}

function pick(policy: MergePolicy, field: string, a: Cell, b: Cell): Cell {
  const ranks = policy.precedence?.[field];
  if (ranks) {
    const byRank = rankOf(ranks, a.value) - rankOf(ranks, b.value);
    if (byRank !== 0) return byRank > 0 ? a : b;
  }
  const order = compareFieldClocks(policy, field, a.clock, b.clock);
  if (order !== 0) return order > 0 ? a : b;
  // Same stamp, different values: cannot happen for one change; decide deterministically anyway.
  return canonicalJson(a.value) >= canonicalJson(b.value) ? a : b;
}

function mergeCell(policy: MergePolicy, field: string, a: Cell, b: Cell): Cell {
  const winner = pick(policy, field, a, b);
  if (policy.trueWins?.includes(field) && (truthy(a.value) || truthy(b.value)))
    return { value: 1, clock: winner.clock };
  return winner;
}

/**
 * With composite columns, a whole column value (from an older PC or an old row) first becomes its
 * keys at the column's stamp; derived copies are recomputed from the merged fields last, so the
 * result depends only on the real fields and stays a semilattice.
 */
export function mergeStates(policy: MergePolicy, a: RecordState, b: RecordState): RecordState {
  const merged = policy.composite
    ? mergeFields(policy, expandComposites(policy, a), expandComposites(policy, b))
    : mergeFields(policy, a, b);
  if (!policy.derived) return merged;
  for (const copy of policy.derived(merged.fields)) {
    const clock = merged.clocks[copy.from];
    if (clock === undefined) continue;
    merged.fields[copy.field] = copy.value ?? null;
    merged.clocks[copy.field] = clock;
  }
  return merged;
}

function expandComposites(policy: MergePolicy, state: RecordState): RecordState {
  let out = state;
  for (const { column, prefix } of policy.composite ?? []) {
    const clock = out.clocks[column];
    if (clock === undefined) continue;
    const fields = { ...out.fields };
    const clocks = { ...out.clocks };
    const whole = parseComposite(fields[column]);
    delete fields[column];
    delete clocks[column];
    const keys: RecordState = { fields: {}, clocks: {}, deleted: null };
    for (const [key, value] of Object.entries(whole)) {
      keys.fields[`${prefix}${key}`] = value ?? null;
      keys.clocks[`${prefix}${key}`] = clock;
    }
    out = mergeFields(policy, { fields, clocks, deleted: out.deleted }, keys);
  }
  return out;
}

function mergeFields(policy: MergePolicy, a: RecordState, b: RecordState): RecordState {
  const fields: Record<string, unknown> = {};
  const clocks: Record<string, string> = {};
  const names = new Set([...Object.keys(a.clocks), ...Object.keys(b.clocks)]);
  for (const field of names) {
    const ac = a.clocks[field];
    const bc = b.clocks[field];
    let cell: Cell;
    if (ac === undefined) cell = { value: b.fields[field], clock: bc! };
    else if (bc === undefined) cell = { value: a.fields[field], clock: ac };
    else cell = mergeCell(policy, field, { value: a.fields[field], clock: ac }, { value: b.fields[field], clock: bc });
    // One spelling of "set" for consent flags (SQLite stores 1), so merging a state with itself changes nothing.
    if (policy.trueWins?.includes(field) && truthy(cell.value)) cell = { value: 1, clock: cell.clock };
    fields[field] = cell.value ?? null;
    clocks[field] = cell.clock;
  }
  const deleted =
    a.deleted === null ? b.deleted : b.deleted === null ? a.deleted : a.deleted > b.deleted ? a.deleted : b.deleted;
  return { fields, clocks, deleted };
}

/** The state one change contributes: its fields at its stamp, plus a tombstone for a delete. */
export function stateOfChange(
  op: string,
  fields: Record<string, unknown>,
  hlc: string,
  ignored: ReadonlyArray<string> = [],
): RecordState {
  // A soft delete logs what it set (deleted_at, updated_at): those travel with the tombstone.
  const out: RecordState = { fields: {}, clocks: {}, deleted: op === 'delete' ? hlc : null };
  for (const [field, value] of Object.entries(fields)) {
    if (ignored.includes(field)) continue;
    out.fields[field] = value ?? null;
    out.clocks[field] = hlc;
  }
  return out;
}

/** Fields whose value or stamp differ between two states (what an apply has to write). */
export function changedFieldsOf(before: RecordState, after: RecordState): string[] {
  return Object.keys(after.clocks).filter(
    (f) => before.clocks[f] !== after.clocks[f] || canonicalJson(before.fields[f]) !== canonicalJson(after.fields[f]),
  );
}

/** Fields of `change` that did not make it into `merged` (lost to a newer or head-office value). */
export function losingFields(change: RecordState, merged: RecordState): string[] {
  // A field the merge spread into others (a whole composite column, into its keys) is not lost.
  return Object.keys(change.clocks).filter(
    (f) =>
      f in merged.clocks && (merged.clocks[f] !== change.clocks[f] || !sameValue(merged.fields[f], change.fields[f])),
  );
}

/**
 * Two field values are the same when their canonical JSON is: primitives compare directly (null and
 * undefined alike, as in JSON), and only two objects pay for canonicalJson. Head office asks this for
 * every field of every pushed change, so the common case must not build strings.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  return canonicalJson(x) === canonicalJson(y);
}

function sameKeys(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key)) return false;
  return true;
}

/** Whether two states are equal as canonical JSON would say, without building it. */
export function sameState(a: RecordState, b: RecordState): boolean {
  if (a === b) return true;
  if ((a.deleted ?? null) !== (b.deleted ?? null)) return false;
  if (!sameKeys(a.clocks, b.clocks) || !sameKeys(a.fields, b.fields)) return false;
  for (const key in a.clocks) if (a.clocks[key] !== b.clocks[key]) return false;
  for (const key in a.fields) if (!sameValue(a.fields[key], b.fields[key])) return false;
  return true;
}

/** The largest stamp in a state (a row's `hlc` column). */
export function maxClock(state: RecordState): string | null {
  let top: string | null = state.deleted;
  for (const clock of Object.values(state.clocks)) if (top === null || clock > top) top = clock;
  return top;
}
