/** The print log and this PC's printer settings. Reads take `Kysely<DB>`; writes the `TxContext`. */
import type { Kysely } from 'kysely';
import { newId } from '../ids';
import type { DB } from '../schema';
import { insertRecorded, type TxContext } from '../sync/change-log';
import type { PrintLogEntry, PrintSetting } from './contract';
import { PRINT_FORMS, defaultPaper, paperFor, type Paper, type PrintForm } from './forms';
import { COUNTED_RESULTS, type PrintLogRow, type PrintLogTable, type PrintSettingRow } from './tables';

function toSetting(form: PrintForm, row: PrintSettingRow | undefined): PrintSetting {
  if (!row) return { form, printer: null, silent: false, paper: defaultPaper(form), copies: 1, saved: false };
  return {
    form,
    printer: row.printer,
    silent: row.silent === 1 && row.printer !== null,
    paper: paperFor(form, row.paper),
    copies: row.copies,
    saved: true,
  };
}

export async function listSettings(db: Kysely<DB>): Promise<PrintSetting[]> {
  const rows = await db.selectFrom('printSetting').selectAll().execute();
  const byForm = new Map(rows.map((row) => [row.form, row]));
  return PRINT_FORMS.map((form) => toSetting(form, byForm.get(form)));
}

export async function saveSetting(
  tx: TxContext,
  setting: { form: PrintForm; printer: string | null; silent: boolean; paper: Paper; copies: number },
): Promise<PrintSetting> {
  // Local to this PC (db/print/tables.ts): no change-log row, by design.
  const row = {
    form: setting.form,
    printer: setting.printer,
    silent: setting.silent ? 1 : 0,
    paper: setting.paper,
    copies: setting.copies,
    updatedBy: tx.staffId,
    updatedAt: tx.nowIso,
  };
  await tx.trx
    .insertInto('printSetting')
    .values(row)
    .onConflict((oc) =>
      oc.column('form').doUpdateSet({
        printer: row.printer,
        silent: row.silent,
        paper: row.paper,
        copies: row.copies,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
  return toSetting(setting.form, row);
}

/** Prints that came out (on paper, as a PDF, or to the browser's dialog): the next one is a copy. */
export async function countPrinted(db: Kysely<DB>, form: PrintForm, subjectId: string): Promise<number> {
  const row = await db
    .selectFrom('printLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('subjectId', '=', subjectId)
    .where('form', '=', form)
    .where('result', 'in', COUNTED_RESULTS)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertPrintLog(
  tx: TxContext,
  entry: Omit<PrintLogTable, 'id' | 'staffId' | 'printedAt' | 'hlc'>,
): Promise<PrintLogRow> {
  const hlc = tx.stamp();
  const row: PrintLogRow = { id: newId(), ...entry, staffId: tx.staffId, printedAt: tx.nowIso, hlc };
  // Append-only: one insert per attempt, never updated (docs/SYNC.md §2.5, like ticket events).
  await insertRecorded(tx, 'printLog', 'print_log', row);
  return row;
}

function logQuery(db: Kysely<DB>) {
  return db
    .selectFrom('printLog')
    .leftJoin('staff', 'staff.id', 'printLog.staffId')
    .select([
      'printLog.id',
      'printLog.form',
      'printLog.subjectId',
      'printLog.subjectNo',
      'printLog.copyNo',
      'printLog.language',
      'printLog.output',
      'printLog.result',
      'printLog.printer',
      'printLog.reason',
      'printLog.printedAt',
      'staff.name as staffName',
    ]);
}

export async function subjectHistory(db: Kysely<DB>, form: PrintForm, subjectId: string): Promise<PrintLogEntry[]> {
  return logQuery(db)
    .where('printLog.subjectId', '=', subjectId)
    .where('printLog.form', '=', form)
    .orderBy('printLog.printedAt', 'desc')
    .orderBy('printLog.id', 'desc')
    .execute();
}

export async function recentLog(
  db: Kysely<DB>,
  { limit, before }: { limit: number; before?: string | undefined },
): Promise<PrintLogEntry[]> {
  let query = logQuery(db);
  if (before) query = query.where('printLog.printedAt', '<', before);
  return query.orderBy('printLog.printedAt', 'desc').orderBy('printLog.id', 'desc').limit(limit).execute();
}

export async function findLogEntry(db: Kysely<DB>, id: string): Promise<PrintLogEntry | undefined> {
  return logQuery(db).where('printLog.id', '=', id).executeTakeFirst();
}
