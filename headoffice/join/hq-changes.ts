/**
 * Head office's own writes as changes: stamped with head office's clock, one origin transaction,
 * ready for the merge loop (apply.ts) like a push. `writeAsHq` (admin/ops.ts) and the join review
 * build them the same way.
 */
import { newId } from '../../db/ids';
import type { Hlc } from '../../db/sync/hlc';
import type { WireChange } from '../../db/sync/protocol';

export type HqWrite = { entity: string; entityId: string; op: WireChange['op']; fields: Record<string, unknown> };

export function hqChanges(hqClock: Hlc, nowMs: number, writes: ReadonlyArray<HqWrite>): WireChange[] {
  const txId = newId();
  return writes.map((w, index) => ({
    seq: index + 1,
    changeId: newId(),
    txId,
    entity: w.entity,
    entityId: w.entityId,
    op: w.op,
    fields: w.fields,
    hlc: hqClock.send(),
    staffId: null,
    createdAt: new Date(nowMs).toISOString(),
    schemaVersion: 0,
  }));
}
