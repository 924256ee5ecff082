/**
 * One catalogue edit as one PostgreSQL transaction. It differs from `writeAsHqAudited`
 * (../hq-writes.ts) in one way: the feed is locked *before* the edit is planned, so the checks a
 * plan makes (a part number still free, a supplier still active, the catalogue an import's dry run
 * saw) still hold when its writes land. Then head office's own changes are merged and fed like a
 * push (they reach the stores through the feed) and the audit entry is written beside them. A
 * refused check throws and nothing is written.
 */
import type { Transaction } from 'kysely';
import { hqChanges, type HqWrite } from '../../admin/ops';
import { applyChanges } from '../../apply';
import { HqError } from '../../auth';
import type { HqDB } from '../../db/schema';
import { lockFeed } from '../../feed';
import type { HeadOfficeServices } from '../../http/services';
import { recordAudit, type AuditEntry } from '../audit';
import type { ConsoleStaff } from '../contract/session';

/** What an edit decided: its writes (none when nothing changed), the audit entry and the answer. */
export type CataloguePlan<T> = { writes: HqWrite[]; audit: AuditEntry; result: T };

export type CatalogueServices = Pick<HeadOfficeServices, 'db' | 'hqClock' | 'now'>;

/** `staff` null: the admin CLI, audited as the server's operator. */
export async function commitCatalogue<T>(
  services: CatalogueServices,
  staff: Pick<ConsoleStaff, 'id' | 'username'> | null,
  plan: (trx: Transaction<HqDB>, nowIso: string) => Promise<CataloguePlan<T>>,
): Promise<T> {
  return services.db.transaction().execute(async (trx) => {
    await lockFeed(trx);
    const nowMs = services.now();
    const decided = await plan(trx, new Date(nowMs).toISOString());
    if (decided.writes.length === 0) return decided.result;
    const results = await applyChanges(
      trx,
      { storeId: null, replicaId: null, deviceId: null, hqClock: services.hqClock, nowMs },
      hqChanges(services.hqClock, decided.writes, nowMs),
    );
    const refused = results.find((r) => r.status === 'rejected');
    if (refused)
      throw new HqError(500, 'internal', `Head office refused its own change (${refused.code ?? 'rejected'})`);
    await recordAudit(trx, staff, decided.audit);
    return decided.result;
  });
}
