/**
 * Values a pull kept aside in `pending_unknown` (docs/SYNC.md F19: a newer PC or head office sent a table
 * or column this version did not have yet) are replayed once this PC runs a version with a newer
 * schema. Each record's kept fields go through the same merge and apply as a pull (apply.ts). A
 * field that was no column here when it arrived competes only with the PC's own later changes (the
 * stamp stored for it described the kept value, not the column); a value the row refused merges as
 * usual, so an older one never beats what the PC holds now. What this version still does not know
 * is kept aside again. Short transactions, yielding between them, like the search build; nothing
 * else is re-synced.
 */
import { SCHEMA_VERSION } from '../migrations/index';
import type { Store } from '../open';
import { applyRecords } from './apply';
import { keptAsideRecords, keptFields, releaseKept } from './row-writes';
import { deskNowIso, saveClockMark } from '../clock';
import { exclusive, exclusiveTx, yieldToCounter } from '../exclusive';
import { syncWork, type SyncServices } from './hooks';
import { recordKey, TOMBSTONE_FIELD, type FeedRecord, type RecordState } from './protocol';
import { getNumber, setState } from './state';

/** Records per transaction: a kept-aside record is usually one or two fields. */
const CHUNK_RECORDS = 200;

type PendingRow = {
  entity: string;
  entity_id: string;
  field: string;
  value: string | null;
  hlc: string;
  kind: 'unknown' | 'refused';
};

/** A kept value as it was written (JSON text); undefined when the text is not JSON (then the row stays where it is). */
function parsed(row: PendingRow): { value: unknown } | undefined {
  if (row.value === null) return { value: null };
  try {
    return { value: JSON.parse(row.value) as unknown };
  } catch {
    return undefined;
  }
}

/** The state a record's kept-aside fields stand for, and the rows it was made of. */
function stateOf(rows: ReadonlyArray<PendingRow>): { state: RecordState; used: PendingRow[] } {
  const state: RecordState = { fields: {}, clocks: {}, deleted: null };
  const used: PendingRow[] = [];
  for (const row of rows) {
    if (row.field === TOMBSTONE_FIELD) state.deleted = row.hlc;
    else {
      const kept = parsed(row);
      if (!kept) continue;
      state.fields[row.field] = kept.value;
      state.clocks[row.field] = row.hlc;
    }
    used.push(row);
  }
  return { state, used };
}

/**
 * Replays what was kept aside under an older schema (`always`: now, whatever the schema, e.g. once
 * the clash that refused a record is gone). Returns how many records went through apply
 * and how many of them were kept aside again (still unknown here, or still incomplete).
 */
export async function replayPendingUnknown(
  store: Store,
  { rules, hooks }: SyncServices,
  {
    stopped = () => false,
    always = false,
    onCommitted,
  }: {
    stopped?: () => boolean;
    always?: boolean;
    /** A chunk committed: the entities of the records it wrote (their pages read again). */
    onCommitted?: (entities: ReadonlySet<string>) => void;
  } = {},
): Promise<{ replayed: number; keptAside: number }> {
  const { statements } = store;
  const keys = await exclusive(store, () => {
    if (!always && getNumber(statements, 'pending_replay_schema') >= SCHEMA_VERSION) return null;
    // In the order they were kept, records waiting for another last: the one they wait for goes first.
    return keptAsideRecords(statements);
  });
  if (keys === null) return { replayed: 0, keptAside: 0 };
  let replayed = 0;
  let keptAside = 0;
  for (let start = 0; start < keys.length; start += CHUNK_RECORDS) {
    if (stopped()) return { replayed, keptAside };
    const outcome = await exclusiveTx(
      store,
      async (trx) => {
        const records: FeedRecord[] = [];
        const unstamped = new Map<string, Set<string>>();
        for (const key of keys.slice(start, start + CHUNK_RECORDS)) {
          const { state, used } = stateOf(keptFields(statements, key.entity, key.entity_id) as PendingRow[]);
          if (used.length === 0) continue;
          // Taken out first: whatever this version still cannot use is put back by apply.
          for (const row of used) releaseKept(statements, row.entity, row.entity_id, row.field);
          unstamped.set(
            recordKey(key.entity, key.entity_id),
            new Set(used.filter((row) => row.kind === 'unknown').map((row) => row.field)),
          );
          records.push({
            serverSeq: 0,
            txId: `pending:${key.entity}:${key.entity_id}`,
            entity: key.entity,
            entityId: key.entity_id,
            state,
          });
        }
        const result = applyRecords(statements, records, {
          rules,
          hlc: store.hlc,
          serverTimeMs: store.now(),
          nowIso: deskNowIso(store.hlc),
          unstamped,
        });
        saveClockMark(statements, store.hlc);
        await hooks.runApplyHooks(syncWork(store, trx), result.touched, { snapshot: false });
        return {
          records: records.length,
          keptAside: result.keptAside,
          entities: new Set(result.touched.map((t) => t.entity)),
        };
      },
      // As in a pull: a kept-aside row may refer to rows this PC has not got yet.
      { foreignKeys: false },
    );
    if (outcome.entities.size > 0) onCommitted?.(outcome.entities);
    replayed += outcome.records;
    keptAside += outcome.keptAside;
    await yieldToCounter();
  }
  await exclusive(store, () => setState(statements, 'pending_replay_schema', SCHEMA_VERSION));
  return { replayed, keptAside };
}
