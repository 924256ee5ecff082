/**
 * Local data derived from synced rows (a customer's search terms, a ticket's status folded from its
 * events, stock on hand) is rebuilt by its own area's code for the records a pull wrote, in the same
 * transaction. Areas register here by entity; the hook gets each record once per chunk.
 */
import type { Transaction } from 'kysely';
import type { RecordState } from './protocol';
import type { DB } from '../schema';

/** `snapshot`: the records come from an initial or replacement snapshot (derived data may be deferred). */
export type ApplyPhase = { snapshot: boolean };
export type ApplyHook = (trx: Transaction<DB>, records: ReadonlyArray<{ entityId: string; state: RecordState; changed?: ReadonlyArray<string> }>, phase: ApplyPhase) => Promise<void>;

const hooks = new Map<string, ApplyHook[]>();

export function onApplied(entity: string, hook: ApplyHook): void {
  hooks.set(entity, [...(hooks.get(entity) ?? []), hook]);
}

export async function runApplyHooks(
  trx: Transaction<DB>,
  touched: ReadonlyArray<{ entity: string; entityId: string; state: RecordState; changed?: ReadonlyArray<string> }>,
  phase: ApplyPhase,
): Promise<void> {
  const byEntity = new Map<string, Array<{ entityId: string; state: RecordState; changed?: ReadonlyArray<string> }>>();
  for (const t of touched) {
    const list = byEntity.get(t.entity);
    if (list) list.push(t);
    else byEntity.set(t.entity, [t]);
  }
  for (const [entity, records] of byEntity) for (const hook of hooks.get(entity) ?? []) await hook(trx, records, phase);
}

/**
 * Work an area left for the end of a snapshot (derived data folded once instead of once per page).
 * A settler does one short chunk inside the caller's transaction and says whether more remains.
 */
export type SnapshotSettler = (trx: Transaction<DB>) => Promise<boolean>;
const settlers: SnapshotSettler[] = [];

export function onSnapshotDone(settler: SnapshotSettler): void {
  settlers.push(settler);
}

/** One chunk of every settler that still has work; true while any has more. */
export async function settleSnapshotChunk(trx: Transaction<DB>): Promise<boolean> {
  let more = false;
  for (const settle of settlers) if (await settle(trx)) more = true;
  return more;
}
