/**
 * Reviewing what standalone stores offered when they joined (join/offers.ts): per store, the
 * offered records with a suggested match, and the three decisions:
 *
 * - accept: head office adopts the record as its own (same id, head office's stamps), so it reaches
 *   every store through the feed; refused for a part whose number head office already has (map it).
 * - map: the store's record stands for an existing record of head office's (a part or a supplier);
 *   the store's PC moves its stock to it through the ledger and retires its own (db/parts/join/settle.ts).
 * - drop: not adopted; the store keeps it as its own, readable, with its stock and history.
 *
 * Each decision is one transaction: the offer row, head office's `join_offer` record that tells
 * the store (and, on accept, the adopted record), and the audit entry the caller writes with it.
 */
import { sql, type Selectable, type Transaction } from 'kysely';
import { expandState } from '../../db/sync/compact-state';
import type { Hlc } from '../../db/sync/hlc';
import type { RecordState } from '../../db/sync/protocol';
import { HqError } from '../auth';
import type { HqDatabase } from '../db/open';
import type { HqDB } from '../db/schema';
import { ruleFor } from '../entities';
import { lockFeed } from '../feed';
import { writeAsHqIn, type HqWrite } from './hq-write';
import { MAPPABLE_ENTITIES, offerLabel } from './labels';

export type JoinDecision =
  { decision: 'accept' } | { decision: 'map'; targetId: string } | { decision: 'drop'; reason: string };

/** One audit entry of a decision, written by the caller in the decision's transaction. */
export type JoinAuditEntry = {
  action: 'join.accept' | 'join.map' | 'join.drop';
  target: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

export type JoinAudit = (trx: Transaction<HqDB>, entry: JoinAuditEntry) => Promise<unknown>;

type OfferRow = Selectable<HqDB['joinOffer']>;

/** Head office's live record of this kind and id, if it has one. */
async function hqRecord(
  trx: Transaction<HqDB> | HqDatabase,
  entity: string,
  entityId: string,
): Promise<RecordState | null> {
  const row = await trx
    .selectFrom('entityState')
    .select('state')
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .where('ownerStoreId', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const state = expandState(row.state);
  return state.deleted ? null : state;
}

/** Head office's part with this number, if any. */
export async function hqPartByNumber(
  db: Transaction<HqDB> | HqDatabase,
  partNo: string,
): Promise<{ id: string; label: string } | null> {
  const rows = await sql<{ entityId: string; state: RecordState }>`
    SELECT entity_id, state FROM entity_state
    WHERE entity = 'part' AND (state->'fields'->>'partNo') = ${partNo} AND owner_store_id IS NULL
    LIMIT 1`.execute(db);
  const row = rows.rows[0];
  if (!row) return null;
  const state = expandState(row.state);
  return { id: row.entityId, label: offerLabel('part', row.entityId, state.fields) };
}

export async function decideOffer(
  db: HqDatabase,
  { hqClock, nowMs, staffId, audit }: { hqClock: Hlc; nowMs: number; staffId: string; audit: JoinAudit },
  offerId: string,
  input: JoinDecision,
): Promise<{ status: 'accepted' | 'mapped' | 'dropped' }> {
  return db.transaction().execute(async (trx) => {
    await lockFeed(trx);
    const offer = await trx
      .selectFrom('joinOffer')
      .selectAll()
      .where('id', '=', offerId)
      .forUpdate()
      .executeTakeFirst();
    if (!offer) throw new HqError(404, 'not_found', 'No such offer');
    if (offer.status !== 'pending')
      throw new HqError(409, 'already_decided', `This offer was already decided (${offer.status})`);
    const store = await trx
      .selectFrom('hqStore')
      .select('code')
      .where('id', '=', offer.storeId)
      .executeTakeFirstOrThrow();
    const nowIso = new Date(nowMs).toISOString();
    const writes: HqWrite[] = [];
    let status: 'accepted' | 'mapped' | 'dropped';
    let mappedTo: string | null = null;
    let mappedLabel: string | null = null;
    let reason = '';
    if (input.decision === 'accept') {
      status = 'accepted';
      writes.push(await adoption(trx, offer));
    } else if (input.decision === 'map') {
      status = 'mapped';
      if (!MAPPABLE_ENTITIES.includes(offer.entity))
        throw new HqError(400, 'not_mappable', 'Only parts and suppliers can be mapped onto head office’s own');
      const target = await hqRecord(trx, offer.entity, input.targetId);
      if (!target)
        throw new HqError(404, 'target_not_found', `Head office has no ${offer.entity} ${input.targetId} to map onto`);
      mappedTo = input.targetId;
      mappedLabel = offerLabel(offer.entity, input.targetId, target.fields);
    } else {
      status = 'dropped';
      reason = input.reason;
    }
    writes.push({
      entity: 'join_offer',
      entityId: offer.id,
      op: 'update',
      fields: { status, mappedTo, mappedLabel, reason, decidedAt: nowIso, updatedAt: nowIso },
    });
    await writeAsHqIn(trx, { hqClock, nowMs }, writes);
    await trx
      .updateTable('joinOffer')
      .set({ status, mappedTo, reason, decidedBy: staffId, decidedAt: new Date(nowMs) })
      .where('id', '=', offer.id)
      .execute();
    await audit(trx, {
      action: `join.${input.decision}`,
      target: `${store.code} ${offer.entity} ${offer.label}`.slice(0, 200),
      before: { status: 'pending', entity: offer.entity, entityId: offer.entityId, fields: offer.fields },
      after: { status, ...(mappedTo ? { mappedTo, mappedLabel } : {}), ...(reason ? { reason } : {}) },
    });
    return { status };
  });
}

/**
 * The write that makes an offered record head office's: the store's fields under the same id,
 * without what a store keeps for itself (a part's bin and reorder rule).
 */
async function adoption(trx: Transaction<HqDB>, offer: OfferRow): Promise<HqWrite> {
  const rule = ruleFor(offer.entity);
  if (!rule) throw new HqError(400, 'bad_request', `Head office does not know ${offer.entity} records`);
  const fields = Object.fromEntries(
    Object.entries(offer.fields).filter(([field]) => field === 'updatedAt' || !rule.storeFields?.includes(field)),
  );
  if (offer.entity === 'part' && typeof fields.partNo === 'string') {
    const same = await hqPartByNumber(trx, fields.partNo);
    if (same && same.id !== offer.entityId)
      throw new HqError(
        409,
        'part_no_taken',
        `Head office already has part number ${fields.partNo} (${same.label}): map this part onto it instead`,
      );
  }
  const existing = await hqRecord(trx, offer.entity, offer.entityId);
  return { entity: offer.entity, entityId: offer.entityId, op: existing ? 'update' : 'insert', fields };
}
