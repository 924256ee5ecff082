/**
 * The outbox (docs/SYNC.md §2.2). Every mutation of a synced record goes through `recordChange`, inside
 * the dispatcher's transaction, so the change and its log row commit or roll back together.
 */
import type { InsertObject, Insertable, Transaction } from 'kysely';
import { newId } from '../ids';
import { SCHEMA_VERSION } from '../migrations/index';
import type { DB } from '../schema';
import type { ChangeOp } from './protocol';

export type { ChangeOp } from './protocol';

/** What a handler's transaction knows about itself. */
export type TxContext = {
  trx: Transaction<DB>;
  txId: string;
  staffId: string | null;
  /** ISO time of this transaction. */
  nowIso: string;
  /** A fresh HLC stamp. */
  stamp(): string;
};

export type ChangeInput = {
  entity: string;
  entityId: string;
  op: ChangeOp;
  /** Changed columns only (camelCase, as in the table types). */
  fields: Record<string, unknown>;
  /** The stamp written on the row itself, so row and log agree. */
  hlc: string;
};

export async function recordChange(tx: TxContext, change: ChangeInput): Promise<void> {
  await tx.trx
    .insertInto('changeLog')
    .values({
      changeId: newId(),
      txId: tx.txId,
      entity: change.entity,
      entityId: change.entityId,
      op: change.op,
      fields: JSON.stringify(change.fields),
      hlc: change.hlc,
      staffId: tx.staffId,
      schemaVersion: SCHEMA_VERSION,
      createdAt: tx.nowIso,
    })
    .execute();
}

/** The tables whose rows carry their own HLC stamp (`hlc` column). */
type StampedTable = { [T in keyof DB]: DB[T] extends { hlc: string } ? T : never }[keyof DB];

/**
 * Insert a new record and log it: the change carries every column but the key (it is the change's
 * entityId) and `hlc` (it is the change's stamp), in the row's own order. `stamp` also stamps each
 * logged field in row_clock, for entities merged field by field. Rows whose logged fields differ
 * from the stored row (bytes sent as base64, derived columns, secrets) log by hand with recordChange.
 */
export async function insertRecorded<T extends StampedTable, K extends string = 'id'>(
  tx: TxContext,
  table: T,
  entity: string,
  row: Insertable<DB[T]> & Record<NoInfer<K>, string> & { hlc: string },
  options: { key?: K; stamp?: boolean; op?: 'insert' | 'append' } = {},
): Promise<void> {
  // Kysely cannot resolve a generic table's insert type; `row` was checked against DB[T] above.
  await tx.trx
    .insertInto(table)
    .values(row as unknown as InsertObject<DB, T>)
    .execute();
  const key: string = options.key ?? 'id';
  const fields: Record<string, unknown> = { ...row };
  const entityId = fields[key] as string;
  delete fields[key];
  delete fields.hlc;
  await recordChange(tx, { entity, entityId, op: options.op ?? 'insert', hlc: row.hlc, fields });
  if (options.stamp) await stampFields(tx, entity, entityId, Object.keys(fields), row.hlc);
}

/**
 * Append a row to an append-only table (payments, notes, exports, stock movements, events) and log
 * it as an `append` change: sync accepts only appends for these entities, never an update or a
 * delete (docs/SYNC.md §2.5).
 */
export async function appendRecorded<T extends StampedTable>(
  tx: TxContext,
  table: T,
  entity: string,
  row: Insertable<DB[T]> & { id: string; hlc: string },
): Promise<void> {
  await insertRecorded(tx, table, entity, row, { op: 'append' });
}

/** Stamp each changed field of a last-writer-wins entity (customers) with the change's HLC. */
export async function stampFields(
  tx: TxContext,
  entity: string,
  entityId: string,
  fields: ReadonlyArray<string>,
  hlc: string,
): Promise<void> {
  if (fields.length === 0) return;
  await tx.trx
    .insertInto('rowClock')
    .values(fields.map((field) => ({ entity, entityId, field, hlc })))
    .onConflict((oc) => oc.columns(['entity', 'entityId', 'field']).doUpdateSet({ hlc }))
    .execute();
}

/** Only the fields whose value differs, for update change rows. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (after[key] !== undefined && after[key] !== before[key]) changed[key] = after[key];
  }
  return changed;
}
