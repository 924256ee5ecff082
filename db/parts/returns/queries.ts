/** Writes of a return's steps: each changes the row's step columns and logs exactly those fields. */
import { DeskFailure } from '../../handler';
import { recordChange, type TxContext } from '../../sync/change-log';
import { appendMovement } from '../ledger/movements';
import type { SupplierReturnRow } from '../tables';

export async function findReturnRow(tx: TxContext, id: string): Promise<SupplierReturnRow> {
  const row = await tx.trx.selectFrom('supplierReturn').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DeskFailure('not_found', 'not_found', 'returnId');
  return row;
}

type StepFields = Partial<Omit<SupplierReturnRow, 'id' | 'hlc' | 'number' | 'createdAt'>>;

export async function writeReturnStep(tx: TxContext, id: string, fields: StepFields): Promise<void> {
  const hlc = tx.stamp();
  const set = { ...fields, updatedAt: tx.nowIso };
  await tx.trx
    .updateTable('supplierReturn')
    .set({ ...set, hlc })
    .where('id', '=', id)
    .execute();
  await recordChange(tx, { entity: 'supplier_return', entityId: id, op: 'update', hlc, fields: set });
}

/**
 * Puts back what a cancelled stock return took off the shelf: one reversing movement per movement of
 * the return not already reversed (a clerk may have reversed a line by hand), at its own cost.
 */
export async function reverseReturnMovements(tx: TxContext, returnId: string, reason: string): Promise<number> {
  const movements = await tx.trx
    .selectFrom('stockMovement as m')
    .selectAll('m')
    .where('m.docType', '=', 'supplier_return')
    .where('m.docId', '=', returnId)
    .where('m.reversesId', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('stockMovement as r').select('r.id').whereRef('r.reversesId', '=', 'm.id'))),
    )
    .orderBy('m.seq')
    .execute();
  for (const movement of movements) {
    await appendMovement(tx, {
      partId: movement.partId,
      locationId: movement.locationId,
      kind: movement.kind,
      qty: -movement.qty,
      unitCostFen: movement.unitCostFen,
      reason,
      docType: 'supplier_return',
      docId: returnId,
      docLineId: movement.docLineId,
      reversesId: movement.id,
    });
  }
  return movements.length;
}
