/**
 * Composite columns: a JSON object column (a ticket's intake form) that sync carries key by key, as
 * fields named `<prefix><key>` (`form.fault`), each with its own stamp, so two PCs correcting
 * different keys of one form both keep their correction (docs/SYNC.md §2.5, per-field last writer wins).
 * The column itself is rebuilt from the merged keys when a record is applied; a change that still
 * carries the whole column (an older PC, an old outbox row) sets every key it holds at its stamp
 * (merge.ts `mergeStates`). A key set to null is removed from the object.
 * Pure functions only: head office and the counter PC both use them.
 */
import type { RecordState } from './protocol';

export type CompositeColumn = Readonly<{ column: string; prefix: string }>;

/** The object a column value holds: its JSON text or the object itself; anything else is empty. */
export function parseComposite(value: unknown): Record<string, unknown> {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return {};
    }
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
    ? { ...(parsed as Record<string, unknown>) }
    : {};
}

/** The column's object from a state's per-key fields: set keys only, in key order (the same text on every replica). */
export function composeComposite(
  fields: Readonly<Record<string, unknown>>,
  { prefix }: CompositeColumn,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(fields)
    .filter((f) => f.startsWith(prefix))
    .sort();
  for (const field of keys)
    if (fields[field] !== null && fields[field] !== undefined) out[field.slice(prefix.length)] = fields[field];
  return out;
}

/** The composite a sync field belongs to, if any. */
export function compositeOfField(
  composites: ReadonlyArray<CompositeColumn> | undefined,
  field: string,
): CompositeColumn | undefined {
  return composites?.find((c) => field.startsWith(c.prefix));
}

/** What a writer logs for a corrected object: the keys whose value changed, a removed key as null. */
export function compositeChanges(
  { prefix }: CompositeColumn,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const value = after[key] ?? null;
    if ((before[key] ?? null) !== value) out[`${prefix}${key}`] = value;
  }
  return out;
}

/**
 * A composite column as per-key fields: each key at its own stamp, else the column's (a row from
 * before keys were stamped); a key stamped but absent from the object was removed (null).
 */
export function readComposite(
  state: RecordState,
  composite: CompositeColumn,
  value: unknown,
  clockOf: ReadonlyMap<string, string>,
  columnClock: string | undefined,
): void {
  for (const [key, keyValue] of Object.entries(parseComposite(value))) {
    const field = `${composite.prefix}${key}`;
    const clock = clockOf.get(field) ?? columnClock;
    if (clock === undefined) continue;
    state.fields[field] = keyValue ?? null;
    state.clocks[field] = clock;
  }
  for (const [field, clock] of clockOf) {
    if (!field.startsWith(composite.prefix) || field in state.clocks) continue;
    state.fields[field] = null;
    state.clocks[field] = clock;
  }
}
