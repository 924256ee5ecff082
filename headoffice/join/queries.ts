/**
 * What the join review reads: the stores with offers, one store's offers page by page with the
 * suggested match, and head office's parts or suppliers to map an offer onto. Every list is bounded.
 */
import { sql } from 'kysely';
import { expandState } from '../../db/sync/compact-state';
import type { RecordState } from '../../db/sync/protocol';
import type {
  JoinOfferRow,
  JoinOffersPage,
  JoinStatus,
  JoinStoreSummary,
  JoinSuggestion,
  JoinTarget,
} from '../console/contract/join';
import type { HqDatabase } from '../db/open';
import { MAPPABLE_ENTITIES, offerLabel } from './labels';

export async function joinStores(db: HqDatabase): Promise<JoinStoreSummary[]> {
  const rows = await db
    .selectFrom('joinOffer')
    .innerJoin('hqStore', 'hqStore.id', 'joinOffer.storeId')
    .select([
      'hqStore.id as storeId',
      'hqStore.code as storeCode',
      'hqStore.name as storeName',
      sql<number>`count(*) FILTER (WHERE join_offer.status = 'pending')`.as('pending'),
      sql<number>`count(*) FILTER (WHERE join_offer.status <> 'pending')`.as('decided'),
    ])
    .groupBy(['hqStore.id', 'hqStore.code', 'hqStore.name'])
    .orderBy('hqStore.code')
    .limit(1000)
    .execute();
  return rows.map((r) => ({ ...r, pending: Number(r.pending), decided: Number(r.decided) }));
}

export type JoinOfferQuery = {
  storeId: string;
  status?: JoinStatus | undefined;
  entity?: string | undefined;
  page: number;
  pageSize: number;
};

export async function joinOffersOf(db: HqDatabase, query: JoinOfferQuery): Promise<JoinOffersPage> {
  let base = db.selectFrom('joinOffer').where('storeId', '=', query.storeId);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.entity) base = base.where('entity', '=', query.entity);
  const [{ total }] = (await base.select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [
    { total: number },
  ];
  const rows = await base
    .leftJoin('hqStaff', 'hqStaff.id', 'joinOffer.decidedBy')
    .selectAll('joinOffer')
    .select('hqStaff.displayName as decidedByName')
    .orderBy('joinOffer.entity')
    .orderBy('joinOffer.label')
    .orderBy('joinOffer.id')
    .offset(query.page * query.pageSize)
    .limit(query.pageSize)
    .execute();
  const offers: JoinOfferRow[] = [];
  for (const row of rows) {
    offers.push({
      id: row.id,
      entity: row.entity,
      entityId: row.entityId,
      label: row.label,
      fields: row.fields,
      status: row.status,
      mappedTo: row.mappedTo,
      mappedLabel: row.mappedTo ? await labelOfRecord(db, row.entity, row.mappedTo) : null,
      reason: row.reason,
      offeredAt: row.offeredAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      decidedBy: row.decidedByName ?? row.decidedBy,
      suggestion: row.status === 'pending' ? await suggestionFor(db, row.entity, row.entityId, row.fields) : null,
    });
  }
  return { total: Number(total), offers };
}

async function labelOfRecord(db: HqDatabase, entity: string, entityId: string): Promise<string | null> {
  const row = await db
    .selectFrom('entityState')
    .select('state')
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .executeTakeFirst();
  return row ? offerLabel(entity, entityId, expandState(row.state).fields) : null;
}

/** Head office's record an offer most likely is: a part by its number, a supplier by its name, a standard by its key. */
async function suggestionFor(
  db: HqDatabase,
  entity: string,
  entityId: string,
  fields: Record<string, unknown>,
): Promise<JoinSuggestion | null> {
  if (entity === 'part' && typeof fields.partNo === 'string') {
    const found = await sql<{ entityId: string; state: RecordState }>`
      SELECT entity_id, state FROM entity_state
      WHERE entity = 'part' AND (state->'fields'->>'partNo') = ${fields.partNo} AND owner_store_id IS NULL
      LIMIT 1`.execute(db);
    const row = found.rows[0];
    return row
      ? {
          targetId: row.entityId,
          label: offerLabel('part', row.entityId, expandState(row.state).fields),
          why: 'same_part_no',
        }
      : null;
  }
  if (entity === 'supplier' && typeof fields.name === 'string') {
    const found = await sql<{ entityId: string; state: RecordState }>`
      SELECT entity_id, state FROM entity_state
      WHERE entity = 'supplier' AND owner_store_id IS NULL AND lower(state->'fields'->>'name') = lower(${fields.name.trim()})
      LIMIT 1`.execute(db);
    const row = found.rows[0];
    return row
      ? {
          targetId: row.entityId,
          label: offerLabel('supplier', row.entityId, expandState(row.state).fields),
          why: 'same_name',
        }
      : null;
  }
  if (MAPPABLE_ENTITIES.includes(entity)) return null;
  const same = await db
    .selectFrom('entityState')
    .select('entityId')
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .executeTakeFirst();
  return same ? { targetId: entityId, label: offerLabel(entity, entityId, {}), why: 'same_record' } : null;
}

/** Head office's live parts or suppliers whose number or name contains the text (at most 20). */
export async function joinTargets(db: HqDatabase, entity: 'part' | 'supplier', text: string): Promise<JoinTarget[]> {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await sql<{ entityId: string; state: RecordState }>`
    SELECT entity_id, state FROM entity_state
    WHERE entity = ${entity} AND owner_store_id IS NULL
      AND (state->'fields'->>'retiredAt') IS NULL
      AND ((state->'fields'->>'partNo') ILIKE ${like} OR (state->'fields'->>'name') ILIKE ${like})
    ORDER BY coalesce(state->'fields'->>'partNo', state->'fields'->>'name')
    LIMIT 20`.execute(db);
  return rows.rows.map((row) => ({
    id: row.entityId,
    label: offerLabel(entity, row.entityId, expandState(row.state).fields),
  }));
}
