/**
 * Head office's own records as they stand: the live merged states (entity_state) of one entity,
 * tombstones left out. Head office keeps every entity generically (headoffice/db/schema.ts), so
 * the console reads its standards, templates and calendars here rather than from tables of its own.
 */
import type { HqDatabase } from '../../db/open';

export type LiveRecord = { entityId: string; fields: Record<string, unknown> };

/** Every live record of `entity`, or those whose id is within [from, to] (the primary key's order). */
export async function liveRecords(
  db: HqDatabase,
  entity: string,
  range?: { from: string; to: string },
  limit = 5000,
): Promise<LiveRecord[]> {
  let query = db
    .selectFrom('entityState')
    .select(['entityId', 'state'])
    .where('entity', '=', entity)
    .orderBy('entityId')
    .limit(limit);
  if (range) query = query.where('entityId', '>=', range.from).where('entityId', '<=', range.to);
  const rows = await query.execute();
  return rows
    .filter((r) => r.state.deleted === null || r.state.deleted === undefined)
    .map((r) => ({
      entityId: r.entityId,
      fields: r.state.fields,
    }));
}

export async function liveRecord(db: HqDatabase, entity: string, entityId: string): Promise<LiveRecord | null> {
  const [found] = await liveRecords(db, entity, { from: entityId, to: entityId }, 1);
  return found ?? null;
}
