/**
 * Writing training's synced rows with their change-log rows in the same transaction. The rows merge
 * field by field (a self-assessment on one PC and the lead's rating on another both stand), so
 * each written field is stamped in row_clock too.
 */
import type { Insertable } from 'kysely';
import type { DB } from '../schema';
import { changedFields, insertRecorded, recordChange, stampFields, type TxContext } from '../sync/change-log';
import type { TrainingTables } from './tables';

type Table = keyof TrainingTables;
const ENTITY: Readonly<Record<Table, string>> = {
  trainingSession: 'training_session',
  trainingAttendance: 'training_attendance',
  assessmentPeriod: 'assessment_period',
  assessmentEntry: 'assessment_entry',
};

export async function insertTraining<T extends Table>(
  tx: TxContext,
  table: T,
  row: Insertable<DB[T]> & { id: string; hlc: string },
): Promise<void> {
  await insertRecorded(tx, table, ENTITY[table], row, { stamp: true });
}

/** Writes the fields that differ from `before` (with `updatedAt`), and nothing when none does. */
export async function updateTraining<T extends Table>(
  tx: TxContext,
  table: T,
  before: Readonly<Record<string, unknown>> & { id: string },
  values: Readonly<Record<string, unknown>>,
): Promise<void> {
  const changed = changedFields(before, values);
  if (Object.keys(changed).length === 0) return;
  const hlc = tx.stamp();
  const fields = { ...changed, updatedAt: tx.nowIso };
  await tx.trx
    .updateTable(table as 'trainingSession')
    .set({ ...fields, hlc })
    .where('id', '=', before.id)
    .execute();
  await recordChange(tx, { entity: ENTITY[table], entityId: before.id, op: 'update', hlc, fields });
  await stampFields(tx, ENTITY[table], before.id, Object.keys(fields), hlc);
}

export async function deleteTraining(tx: TxContext, table: Table, id: string): Promise<void> {
  const hlc = tx.stamp();
  await tx.trx
    .deleteFrom(table as 'trainingAttendance')
    .where('id', '=', id)
    .execute();
  await recordChange(tx, { entity: ENTITY[table], entityId: id, op: 'delete', hlc, fields: {} });
}
