/**
 * Head office's own synced writes inside a transaction the caller already holds (and with it the
 * feed lock): merged and fed like a push, as `writeAsHq` (headoffice/admin/ops.ts) does in a
 * transaction of its own. `onBehalfOf` makes a new store-scoped record that store's, so it reaches
 * that store's PCs and no other.
 */
import type { Transaction } from 'kysely';
import type { Hlc } from '../../db/sync/hlc';
import type { PushResult } from '../../db/sync/protocol';
import { hqChanges, type HqWrite } from '../admin/ops';
import { applyChanges } from '../apply';
import type { HqDB } from '../db/schema';

export type { HqWrite } from '../admin/ops';

export async function writeAsHqIn(
  trx: Transaction<HqDB>,
  { hqClock, nowMs, onBehalfOf = null }: { hqClock: Hlc; nowMs: number; onBehalfOf?: string | null },
  writes: ReadonlyArray<HqWrite>,
): Promise<PushResult[]> {
  if (writes.length === 0) return [];
  return applyChanges(
    trx,
    { storeId: null, replicaId: null, deviceId: null, hqClock, nowMs, onBehalfOf },
    hqChanges(hqClock, writes, nowMs),
  );
}
