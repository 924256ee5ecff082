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

type OfferPageRow = {
  id: string;
  entity: string;
  entityId: string;
  label: string;
  fields: Record<string, unknown>;
  status: JoinStatus;
  mappedTo: string | null;
  reason: string;
  offeredAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  decidedByName: string | null;
  mappedState: RecordState | null;
  suggestedId: string | null;
  suggestedState: RecordState | null;
  why: JoinSuggestion['why'] | null;
};

/**
 * One store's offers, a page at a time (at most 200), in one statement: each offer with the label
 * of the record it was mapped onto and, while pending, head office's record it most likely is — a
 * part by its number, a supplier by its name (case and surrounding spaces aside), any other kind
 * by the same id — each found by one index probe (LATERAL), not one query per offer.
 */
export async function joinOffersOf(db: HqDatabase, query: JoinOfferQuery): Promise<JoinOffersPage> {
  const where = sql.join(
    [
      sql`o.store_id = ${query.storeId}`,
      ...(query.status ? [sql`o.status = ${query.status}`] : []),
      ...(query.entity ? [sql`o.entity = ${query.entity}`] : []),
    ],
    sql` AND `,
  );
  const [counted, page] = await Promise.all([
    sql<{ total: number }>`SELECT count(*)::int AS total FROM join_offer o WHERE ${where}`.execute(db),
    sql<OfferPageRow>`
      SELECT o.id, o.entity, o.entity_id, o.label, o.fields, o.status, o.mapped_to, o.reason, o.offered_at, o.decided_at,
        o.decided_by, staff.display_name AS decided_by_name, mapped.state AS mapped_state,
        suggested.entity_id AS suggested_id, suggested.state AS suggested_state, suggested.why
      FROM join_offer o
      LEFT JOIN hq_staff staff ON staff.id = o.decided_by
      LEFT JOIN LATERAL (SELECT e.state FROM entity_state e WHERE e.entity = o.entity AND e.entity_id = o.mapped_to) mapped ON true
      LEFT JOIN LATERAL (
        (SELECT e.entity_id, e.state, 'same_part_no' AS why FROM entity_state e
          WHERE o.entity = 'part' AND jsonb_typeof(o.fields->'partNo') = 'string'
            AND e.entity = 'part' AND (e.state->'fields'->>'partNo') = (o.fields->>'partNo') AND e.owner_store_id IS NULL LIMIT 1)
        UNION ALL
        (SELECT e.entity_id, e.state, 'same_name' AS why FROM entity_state e
          WHERE o.entity = 'supplier' AND jsonb_typeof(o.fields->'name') = 'string' AND e.entity = 'supplier' AND e.owner_store_id IS NULL
            AND lower(e.state->'fields'->>'name') = lower(regexp_replace(o.fields->>'name', '^\\s+|\\s+$', '', 'g')) LIMIT 1)
        UNION ALL
        (SELECT e.entity_id, NULL::json, 'same_record' AS why FROM entity_state e
          WHERE o.entity <> ALL(${[...MAPPABLE_ENTITIES]}::text[]) AND e.entity = o.entity AND e.entity_id = o.entity_id)
      ) suggested ON o.status = 'pending'
      WHERE ${where}
      ORDER BY o.entity, o.label, o.id
      OFFSET ${query.page * query.pageSize} LIMIT ${query.pageSize}`.execute(db),
  ]);
  const offers = page.rows.map((row): JoinOfferRow => ({
    id: row.id,
    entity: row.entity,
    entityId: row.entityId,
    label: row.label,
    fields: row.fields,
    status: row.status,
    mappedTo: row.mappedTo,
    mappedLabel:
      row.mappedTo && row.mappedState
        ? offerLabel(row.entity, row.mappedTo, expandState(row.mappedState).fields)
        : null,
    reason: row.reason,
    offeredAt: row.offeredAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedByName ?? row.decidedBy,
    suggestion:
      row.suggestedId && row.why
        ? {
            targetId: row.suggestedId,
            label: offerLabel(
              row.entity,
              row.suggestedId,
              row.suggestedState ? expandState(row.suggestedState).fields : {},
            ),
            why: row.why,
          }
        : null,
  }));
  return { total: counted.rows[0]!.total, offers };
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
