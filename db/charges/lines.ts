/**
 * Writing charge lines: labour, discounts and voids. Every write is a synced insert or update with
 * its change-log row in the caller's transaction (db/sync/change-log.ts). Lines are written once and
 * only ever voided, so what the customer was charged stays on record.
 */
import type { Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import { newId } from '../ids';
import type { DB } from '../schema';
import { insertRecorded, recordChange, type TxContext } from '../sync/change-log';
import { MAX_LINES_PER_TICKET } from './contract';
import type { ChargeLineKind, ChargeLineRow } from './tables';

export type NewLine = Readonly<{
  ticketId: string;
  kind: ChargeLineKind;
  description: string;
  partId?: string | null;
  sourceId?: string | null;
  quantity: number;
  unitPriceFen: number;
  covered: boolean;
  reason?: string;
}>;

/** What the customer pays for a line: nothing when covered, the price of the quantity otherwise. */
export function lineAmount(line: Pick<NewLine, 'kind' | 'quantity' | 'unitPriceFen' | 'covered'>): number {
  if (line.kind === 'discount') return -line.unitPriceFen;
  return line.covered ? 0 : line.quantity * line.unitPriceFen;
}

/** Σ amount of the ticket's lines that stand: the charges after discounts. */
export async function standingChargesFen(db: Kysely<DB>, ticketId: string): Promise<number> {
  const row = await db
    .selectFrom('chargeLine')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amountFen'), eb.lit(0)).as('total'))
    .where('ticketId', '=', ticketId)
    .where('voidedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function insertLine(tx: TxContext, line: NewLine): Promise<ChargeLineRow> {
  const { count } = await tx.trx
    .selectFrom('chargeLine')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ticketId', '=', line.ticketId)
    .executeTakeFirstOrThrow();
  if (Number(count) >= MAX_LINES_PER_TICKET) throw new DeskFailure('conflict', 'charge_too_many_lines', 'ticketId');
  const row: ChargeLineRow = {
    id: newId(),
    ticketId: line.ticketId,
    kind: line.kind,
    description: line.description,
    partId: line.partId ?? null,
    sourceId: line.sourceId ?? null,
    quantity: line.quantity,
    unitPriceFen: line.unitPriceFen,
    covered: line.covered ? 1 : 0,
    amountFen: lineAmount(line),
    reason: line.reason ?? '',
    createdBy: tx.staffId,
    createdAt: tx.nowIso,
    voidedAt: null,
    voidedBy: null,
    voidReason: '',
    hlc: tx.stamp(),
  };
  // The amount is bounded line by line as well as in the input: quantity × price may exceed the cap.
  if (Math.abs(row.amountFen) > 1_000_000_000)
    throw new DeskFailure('validation', 'charge_amount_too_large', 'unitPriceFen');
  await insertRecorded(tx, 'chargeLine', 'charge_line', row);
  return row;
}

export async function findLine(db: Kysely<DB>, id: string): Promise<ChargeLineRow | undefined> {
  return db.selectFrom('chargeLine').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a line voided; only the void fields change, and only once. */
export async function markVoided(tx: TxContext, line: ChargeLineRow, reason: string): Promise<void> {
  if (line.voidedAt !== null) throw new DeskFailure('conflict', 'charge_line_voided', 'lineId');
  const hlc = tx.stamp();
  const fields = { voidedAt: tx.nowIso, voidedBy: tx.staffId, voidReason: reason };
  await tx.trx
    .updateTable('chargeLine')
    .set({ ...fields, hlc })
    .where('id', '=', line.id)
    .execute();
  await recordChange(tx, { entity: 'charge_line', entityId: line.id, op: 'update', hlc, fields });
}
