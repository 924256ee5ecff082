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
  let results: PushResult[] = [];
  await planAndWriteAsHq(
    services,
    staff,
    async () => ({ writes, audit, result: null }),
    async (trx, applied) => {
      results = applied;
      await alsoInTransaction?.(trx);
    },
  );
  return results;
}

/**
 * The same, with the writes planned inside the transaction, after the feed lock: for a change that
 * depends on what head office holds (a merge of two customers), so two such changes at the same
 * moment see each other's result instead of both planning from the same state.
 */
export async function planAndWriteAsHq<T>(
  services: HeadOfficeServices,
  staff: ConsoleStaff,
  plan: (
    trx: Transaction<HqDB>,
  ) => Promise<{ writes: ReadonlyArray<HqWrite>; audit: AuditEntry | ReadonlyArray<AuditEntry>; result: T }>,
  alsoInTransaction?: (trx: Transaction<HqDB>, results: PushResult[]) => Promise<void>,
): Promise<T> {
  const nowMs = services.now();
  return services.db.transaction().execute(async (trx) => {
    await lockFeed(trx);
    const planned = await plan(trx);
    const results = await applyChanges(
      trx,
      { storeId: null, replicaId: null, deviceId: null, hqClock: services.hqClock, nowMs },
      hqChanges(services.hqClock, planned.writes, nowMs),
    );
    const refused = results.find((r) => r.status === 'rejected');
    // All or nothing: one refused write rolls back the others and the audit entry.
    if (refused)
      throw new HqError(400, 'bad_request', `Head office refused its own change (${refused.code ?? 'rejected'})`);
    const audit = planned.audit;
    for (const entry of Array.isArray(audit) ? audit : [audit]) await recordAudit(trx, staff, entry as AuditEntry);
    await alsoInTransaction?.(trx, results);
    return planned.result;
  });
}
