/**
 * A record state as text (head office's tables, feed and snapshot pages) names its most common stamp
 * once, under `*`, and only the fields stamped otherwise: a record written in one go carries one
 * stamp instead of one 50-character stamp per field, which was half of every state's bytes. In
 * memory a state is always expanded (every field with its own stamp): head office compacts when it
 * writes text and expands what it reads back; a PC expands what it pulls before applying it.
 * The counter PC's row_clock keeps its stamps the same way (db/sync/apply.ts writeClocks).
 */
import type { RecordState } from './protocol';

/** The key of the shared stamp; no field is called that. */
export const SHARED_STAMP = '*';

/** The stamp most of `stamps` are (the later one on a tie), and how many are it; null for none. */
export function mostCommonStamp(stamps: Iterable<string>): { stamp: string; count: number } | null {
  const counts = new Map<string, number>();
  for (const stamp of stamps) counts.set(stamp, (counts.get(stamp) ?? 0) + 1);
  let best: { stamp: string; count: number } | null = null;
  for (const [stamp, count] of counts)
    if (!best || count > best.count || (count === best.count && stamp > best.stamp)) best = { stamp, count };
  return best;
}

/** The state with its clocks written compactly; a state already compact, or one with a field lacking a stamp, is left as it is. */
export function compactState(state: RecordState): RecordState {
  if (Object.hasOwn(state.clocks, SHARED_STAMP)) return state;
  const fields = Object.keys(state.fields);
  if (fields.length < 2 || fields.some((f) => state.clocks[f] === undefined)) return state;
  const common = mostCommonStamp(fields.map((f) => state.clocks[f]!));
  if (!common || common.count < 2) return state;
  const shared = common.stamp;
  const clocks: Record<string, string> = { [SHARED_STAMP]: shared };
  for (const [field, clock] of Object.entries(state.clocks))
    if (clock !== shared || !Object.hasOwn(state.fields, field)) clocks[field] = clock;
  return { fields: state.fields, clocks, deleted: state.deleted };
}

/** Every field with its own stamp again; a state without a shared stamp is returned as it is. */
export function expandState(state: RecordState): RecordState {
  const shared = state.clocks[SHARED_STAMP];
  if (shared === undefined) return state;
  const clocks: Record<string, string> = {};
  for (const field of Object.keys(state.fields)) clocks[field] = state.clocks[field] ?? shared;
  for (const [field, clock] of Object.entries(state.clocks))
    if (field !== SHARED_STAMP && !Object.hasOwn(clocks, field)) clocks[field] = clock;
  return { fields: state.fields, clocks, deleted: state.deleted ?? null };
}
