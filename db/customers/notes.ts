/** Service notes (服务记录): append-only, with who and when; never edited or removed. */
import type { Kysely } from 'kysely';
import { newId } from '../ids';
import type { DB } from '../schema';
import { appendRecorded, type TxContext } from '../sync/change-log';
import type { NoteEntry } from './contract';

export async function appendNote(tx: TxContext, customerId: string, body: string): Promise<NoteEntry> {
  const row = { id: newId(), customerId, body, staffId: tx.staffId, createdAt: tx.nowIso, hlc: tx.stamp() };
  await appendRecorded(tx, 'customerNote', 'customer_note', row);
  const staff = tx.staffId
    ? await tx.trx.selectFrom('staff').select('name').where('id', '=', tx.staffId).executeTakeFirst()
    : undefined;
  return { id: row.id, body, staffName: staff?.name ?? null, createdAt: row.createdAt };
}

/** Notes of the record and of the duplicates merged into it, newest first. */
export async function listNotes(db: Kysely<DB>, customerIds: ReadonlyArray<string>): Promise<NoteEntry[]> {
  if (customerIds.length === 0) return [];
  return db
    .selectFrom('customerNote')
    .leftJoin('staff', 'staff.id', 'customerNote.staffId')
    .select(['customerNote.id', 'customerNote.body', 'staff.name as staffName', 'customerNote.createdAt'])
    .where('customerNote.customerId', 'in', customerIds)
    .orderBy('customerNote.createdAt', 'desc')
    .orderBy('customerNote.id', 'desc')
    .execute();
}
