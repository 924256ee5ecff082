/** Reading the ledger: movements as the parts desk shows them, with document numbers and staff. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema';
import type { DocType, MovementKind } from '../tables';
import type { MovementView, PartHistory } from './contract';

type MovementJoined = {
  id: string;
  partId: string;
  createdAt: string;
  kind: MovementKind;
  qty: number;
  locationId: string;
  locationCode: string;
  reason: string;
  docType: DocType;
  docId: string | null;
  docNumber: string | null;
  staffName: string | null;
  reversesId: string | null;
  reversedById: string | null;
};

function movementsQuery(db: Kysely<DB>) {
  return db
    .selectFrom('stockMovement as m')
    .innerJoin('stockLocation as l', 'l.id', 'm.locationId')
    .leftJoin('staff as s', 's.id', 'm.staffId')
    .leftJoin('stockMovement as r', 'r.reversesId', 'm.id')
    .select([
      'm.seq',
      'm.id',
      'm.partId',
      'm.createdAt',
      'm.kind',
      'm.qty',
      'm.locationId',
      'l.code as locationCode',
      'm.reason',
      'm.docType',
      'm.docId',
      's.name as staffName',
      'm.reversesId',
      'r.id as reversedById',
      sql<string | null>`CASE m.doc_type
        WHEN 'receipt' THEN (SELECT number FROM goods_receipt WHERE id = m.doc_id)
        WHEN 'supplier_return' THEN (SELECT number FROM supplier_return WHERE id = m.doc_id)
        WHEN 'requisition' THEN (SELECT number FROM requisition WHERE id = m.doc_id)
        WHEN 'stocktake' THEN (SELECT number FROM stocktake WHERE id = m.doc_id)
        ELSE NULL END`.as('docNumber'),
    ]);
}

function toView(row: MovementJoined, balanceAfter: number): MovementView {
  const { createdAt, ...rest } = row;
  return { ...rest, at: createdAt, balanceAfter };
}

/** Movements by id, for answering a write with what it appended. Balance is the on-hand now. */
export async function loadMovementViews(db: Kysely<DB>, ids: ReadonlyArray<string>): Promise<MovementView[]> {
  if (ids.length === 0) return [];
  const rows = await movementsQuery(db).where('m.id', 'in', ids).orderBy('m.seq').execute();
  const views: MovementView[] = [];
  for (const { seq: _seq, ...row } of rows) {
    const onHand = await db
      .selectFrom('stockOnHand')
      .select('qty')
      .where('partId', '=', row.partId)
      .where('locationId', '=', row.locationId)
      .executeTakeFirst();
    views.push(toView(row, onHand?.qty ?? 0));
  }
  return views;
}

/**
 * The newest `limit` movements of a part, with the on-hand after each: walked back from the
 * cached on-hand now, so a long history needs no full scan.
 */
export async function loadPartHistory(
  db: Kysely<DB>,
  { partId, locationId, limit }: { partId: string; locationId?: string | undefined; limit: number },
): Promise<PartHistory> {
  let onHandQuery = db
    .selectFrom('stockOnHand')
    .select((eb) => eb.fn.sum<number>('qty').as('qty'))
    .where('partId', '=', partId);
  if (locationId !== undefined) onHandQuery = onHandQuery.where('locationId', '=', locationId);
  const onHand = Number((await onHandQuery.executeTakeFirst())?.qty ?? 0);

  let query = movementsQuery(db)
    .where('m.partId', '=', partId)
    .orderBy('m.seq', 'desc')
    .limit(limit + 1);
  if (locationId !== undefined) query = query.where('m.locationId', '=', locationId);
  const rows = await query.execute();
  const more = rows.length > limit;
  let balance = onHand;
  const movements = rows.slice(0, limit).map(({ seq: _seq, ...row }) => {
    const view = toView(row, balance);
    balance -= row.qty;
    return view;
  });
  return { partId, onHand, movements, more };
}
