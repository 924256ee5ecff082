/**
 * The parts a ticket holds from the stock ledger: net issued per part over the ticket's
 * requisitions (issues are negative movements, returns positive; reversals included), with the
 * catalogue price. What the printed forms list and what the customer's signature binds.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema';

export type IssuedPart = Readonly<{
  partNo: string;
  name: string;
  spec: string;
  unit: string;
  priceFen: number;
  qty: number;
}>;

export async function issuedToTicket(db: Kysely<DB>, ticketId: string): Promise<IssuedPart[]> {
  const rows = await db
    .selectFrom('stockMovement as m')
    .innerJoin('requisition as r', (join) => join.onRef('r.id', '=', 'm.docId').on('m.docType', '=', 'requisition'))
    .innerJoin('part', 'part.id', 'm.partId')
    .select(['part.partNo', 'part.name', 'part.spec', 'part.unit', 'part.priceFen'])
    .select(sql<number>`-SUM(m.qty)`.as('qty'))
    .where('r.ticketId', '=', ticketId)
    .groupBy(['part.id', 'part.partNo', 'part.name', 'part.spec', 'part.unit', 'part.priceFen'])
    .having(sql`-SUM(m.qty)`, '>', 0)
    .orderBy('part.partNo')
    .execute();
  return rows.map((row) => ({ ...row, qty: Number(row.qty) }));
}

/** "name spec", as the forms describe a part. */
export function partDescription(part: Pick<IssuedPart, 'name' | 'spec'>): string {
  return part.spec ? `${part.name} ${part.spec}` : part.name;
}
