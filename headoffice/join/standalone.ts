/**
 * Enrollment's part in a standalone store joining: a PC that never enrolled before says which of
 * its changes it made before enrolling (`standaloneThroughSeq`). Kept per replica, and only for a
 * database head office has never seen: a PC enrolled again after a revocation has already pushed
 * its history, so nothing of it becomes an offer now. The push reads the mark (join/offers.ts).
 */
import type { Kysely } from 'kysely';
import type { EnrollRequest } from '../../db/sync/protocol';
import type { HqDB } from '../db/schema';

export async function markStandalone(
  trx: Kysely<HqDB>,
  request: EnrollRequest,
  storeId: string,
  deviceId: string,
): Promise<void> {
  if (request.standaloneThroughSeq === undefined || request.standaloneThroughSeq <= 0) return;
  const known = await trx.selectFrom('replica').select('id').where('id', '=', request.replicaId).executeTakeFirst();
  if (known) return;
  await trx
    .insertInto('joinStandalone')
    .values({ replicaId: request.replicaId, storeId, deviceId, throughSeq: request.standaloneThroughSeq })
    .onConflict((oc) => oc.column('replicaId').doNothing())
    .execute();
}
