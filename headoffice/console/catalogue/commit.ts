/**
 * One console edit of head-office-owned data as one PostgreSQL transaction: the feed is locked
 * first, so the checks a plan makes (a part number still free, a supplier still there) hold when
 * its writes land; then head office's own changes are merged and fed like a push (they reach the
 * stores through the feed), and the audit row is written beside them. A refused check throws and
 * nothing is written.
 */
import type { Transaction } from 'kysely';
import { newId } from '../../../db/ids';
import type { WireChange } from '../../../db/sync/protocol';
import type { HqWrite } from '../../admin/ops';
import { applyChanges } from '../../apply';
import { HqError } from '../../auth';
import type { HqDB } from '../../db/schema';
import { lockFeed } from '../../feed';
import type { HeadOfficeServices } from '../../http/services';

export type AuditEntry = { action: string; target: string; before: unknown; after: unknown };

/** What an edit decided: its writes (none when nothing changed), the audit entry and the answer. */
export type CataloguePlan<T> = { writes: HqWrite[]; audit: AuditEntry; result: T };

export type CatalogueServices = Pick<HeadOfficeServices, 'db' | 'hqClock' | 'now'>;
export type RecordAudit = (trx: Transaction<HqDB>, entry: AuditEntry) => Promise<unknown>;

export async function commitCatalogue<T>(
  services: CatalogueServices,
  plan: (trx: Transaction<HqDB>, nowIso: string) => Promise<CataloguePlan<T>>,
  recordAudit: RecordAudit,
): Promise<T> {
  return services.db.transaction().execute(async (trx) => {
    await lockFeed(trx);
    const nowMs = services.now();
    const decided = await plan(trx, new Date(nowMs).toISOString());
    if (decided.writes.length === 0) return decided.result;
    const txId = newId();
    const changes: WireChange[] = decided.writes.map((w, index) => ({
      seq: index + 1,
      changeId: newId(),
      txId,
      entity: w.entity,
      entityId: w.entityId,
      op: w.op,
      fields: w.fields,
      hlc: services.hqClock.send(),
      staffId: null,
      createdAt: new Date(nowMs).toISOString(),
      schemaVersion: 0,
    }));
    const results = await applyChanges(
      trx,
      { storeId: null, replicaId: null, deviceId: null, hqClock: services.hqClock, nowMs },
      changes,
    );
    const refused = results.find((r) => r.status === 'rejected');
    if (refused)
      throw new HqError(500, 'internal', `Head office refused its own change (${refused.code ?? 'rejected'})`);
    await recordAudit(trx, decided.audit);
    return decided.result;
  });
}
