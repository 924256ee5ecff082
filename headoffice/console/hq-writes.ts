/**
 * Head office's own changes to the data it owns (catalogue, prices, suppliers, tiers, standards,
 * calendars), made in the console: merged and fed like a store's push, so they reach every store
 * through the feed with the ownership rules unchanged (docs/SYNC.md §2.5), and audited in the same
 * transaction.
 */
import type { Transaction } from 'kysely';
import type { PushResult } from '../../db/sync/protocol';
import { applyChanges } from '../apply';
import type { HqDB } from '../db/schema';
import { lockFeed } from '../feed';
import type { HeadOfficeServices } from '../http/services';
import { hqChanges, type HqWrite } from '../admin/ops';
import { recordAudit, type AuditEntry } from './audit';
import type { ConsoleStaff } from './contract/session';
import { HqError } from '../auth';

export type { HqWrite };

export async function writeAsHqAudited(
  services: HeadOfficeServices,
  staff: ConsoleStaff,
  writes: ReadonlyArray<HqWrite>,
  audit: AuditEntry | ReadonlyArray<AuditEntry>,
  /** More work in the same transaction (e.g. the console's own tables). */
  alsoInTransaction?: (trx: Transaction<HqDB>) => Promise<void>,
): Promise<PushResult[]> {
  const nowMs = services.now();
  const changes = hqChanges(services.hqClock, writes, nowMs);
  return services.db.transaction().execute(async (trx) => {
    await lockFeed(trx);
    const results = await applyChanges(
      trx,
      { storeId: null, replicaId: null, deviceId: null, hqClock: services.hqClock, nowMs },
      changes,
    );
    const refused = results.find((r) => r.status === 'rejected');
    // All or nothing: one refused write rolls back the others and the audit entry.
    if (refused)
      throw new HqError(400, 'bad_request', `Head office refused its own change (${refused.code ?? 'rejected'})`);
    for (const entry of Array.isArray(audit) ? audit : [audit]) await recordAudit(trx, staff, entry as AuditEntry);
    await alsoInTransaction?.(trx);
    return results;
  });
}
