/**
 * A PC whose database was restored from an older copy of itself (docs/SYNC.md F18): head office has
 * already applied changes of this replica that the file never made, so the file continues as a new
 * replica of the same device, takes back head office's records (a replacement snapshot: the feed
 * rows it had pushed after the copy are its own, and a pull under the old replica id would skip
 * them as echoes), and only then pushes what was written since the restore, with any ticket or
 * document number that head office already has moved above it (renumber.ts).
 *
 * The event is kept in sync_state (`restored_copy`) so the Sync page can say what happened and how
 * many records came back; `takingBack` holds the push of post-restore changes until they are in.
 */
import type { StatementCache } from '../statement-cache';
import { newId } from '../ids';
import type { Store } from '../open';
import { exclusive } from '../exclusive';
import type { SyncServices } from './hooks';
import { lastLocalSeq, markAcked } from './outbox';
import { deskNowIso } from '../clock';
import { replayPendingUnknown } from './pending-replay';
import { renumberClashes } from './renumber';
import { getNumber, getState, setState } from './state';
import type { RestoredCopy } from './status';

type Recorded = RestoredCopy & { oldReplicaId: string; newReplicaId: string; renumbered: number };

function read(statements: StatementCache): Recorded | null {
  const text = getState(statements, 'restored_copy');
  if (!text) return null;
  try {
    return JSON.parse(text) as Recorded;
  } catch {
    return null;
  }
}

export function restoredCopyOf(statements: StatementCache): RestoredCopy | null {
  const recorded = read(statements);
  return (
    recorded && { detectedAt: recorded.detectedAt, takingBack: recorded.takingBack, takenBack: recorded.takenBack }
  );
}

/** Records head office is sending back: changes written since the restore wait for them. */
export function takingBack(statements: StatementCache): boolean {
  return read(statements)?.takingBack === true;
}

/**
 * The highest seq this file ever gave a change: the change log's own counter, which pruning of
 * acknowledged rows does not lower (an empty log is no sign of an old copy).
 */
export function highestLocalSeq(statements: StatementCache): number {
  const counter = statements.statement("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'").get() as
    { seq: number } | undefined;
  return Math.max(counter?.seq ?? 0, lastLocalSeq(statements), getNumber(statements, 'last_acked_seq'));
}

/** Head office has applied more changes of this replica than this file ever made: it is an older copy. */
export function isOlderCopy(statements: StatementCache, hqLastAppliedWireSeq: number): boolean {
  return hqLastAppliedWireSeq + getNumber(statements, 'seq_base') > highestLocalSeq(statements);
}

/**
 * Continue as a new replica (docs/SYNC.md §2.1) and take back head office's records. The changes head
 * office already has from this file's history stay acknowledged; the rest are pushed under the new
 * replica id from seq 1, after the records are back. Runs inside the caller's exclusive section.
 */
export function continueAsNewReplica(store: Store, appliedThroughWireSeq: number): void {
  const { statements } = store;
  const base = getNumber(statements, 'seq_base');
  const through = Math.min(appliedThroughWireSeq + base, highestLocalSeq(statements));
  const nowIso = deskNowIso(store.hlc);
  markAcked(statements, through - base, nowIso);
  const oldReplicaId = store.replicaId;
  const replicaId = newId();
  setState(statements, 'replica_id', replicaId);
  setState(statements, 'seq_base', through);
  setState(statements, 'last_acked_seq', through);
  // A replacement snapshot from the start (docs/SYNC.md §2.4 reset): resumable, shown as resyncing.
  setState(statements, 'pull_cursor', null);
  setState(statements, 'snapshot_after', null);
  setState(statements, 'snapshot_cursor', null);
  const recorded: Recorded = {
    detectedAt: nowIso,
    takingBack: true,
    takenBack: 0,
    oldReplicaId,
    newReplicaId: replicaId,
    renumbered: 0,
  };
  setState(statements, 'restored_copy', JSON.stringify(recorded));
  store.replicaId = replicaId;
}

/** Counts records a taking-back snapshot changed here; in the transaction that applied them. */
export function countTakenBack(statements: StatementCache, applied: number): void {
  const recorded = read(statements);
  if (!recorded?.takingBack || applied === 0) return;
  setState(statements, 'restored_copy', JSON.stringify({ ...recorded, takenBack: recorded.takenBack + applied }));
}

/**
 * Once the snapshot is in: records written since the restore whose numbers head office already
 * has take the next free ones, then head office's records kept aside because of them are applied.
 */
export async function finishTakingBack(
  store: Store,
  services: SyncServices,
  onCommitted?: (entities: ReadonlySet<string>) => void,
): Promise<void> {
  const { sqlite, statements } = store;
  const renumbered = await exclusive(store, () =>
    sqlite.transaction(() => renumberClashes(statements, services.rules))(),
  );
  // Renumbered documents show new numbers on their pages.
  if (renumbered > 0)
    onCommitted?.(new Set(services.rules.entities().filter((e) => services.rules.ruleFor(e)?.numbered)));
  const { replayed, keptAside } = await replayPendingUnknown(store, services, {
    always: true,
    ...(onCommitted ? { onCommitted } : {}),
  });
  await exclusive(store, () => {
    const recorded = read(statements);
    if (!recorded) return;
    setState(
      statements,
      'restored_copy',
      JSON.stringify({
        ...recorded,
        takingBack: false,
        takenBack: recorded.takenBack + replayed - keptAside,
        renumbered: recorded.renumbered + renumbered,
      }),
    );
  });
}
