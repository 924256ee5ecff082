/**
 * Printing's tables (migration 0006), joined into `DB` in db/schema.ts with one `&` line.
 *
 * `print_log` is the audit of who printed which form when: append-only, one row per
 * attempt, each an insert in the change log (who receives it: db/print/sync-entities.ts).
 * `print_setting` is this PC's printer per form: a printer name only means something on the PC
 * it is installed on, so the table is local and never enters the change log.
 */
import type { Selectable } from 'kysely';
import type { Paper, PrintForm } from './forms';
import type { PrintLanguage } from './job';

export const PRINT_OUTPUTS = ['printer', 'pdf', 'browser'] as const;
export type PrintOutput = (typeof PRINT_OUTPUTS)[number];

/**
 * printed / saved / sent count as a copy on paper (sent: handed to the browser's print dialog,
 * whose outcome the page cannot learn); cancelled and failed attempts are logged but do not.
 */
export const PRINT_RESULTS = ['printed', 'saved', 'sent', 'cancelled', 'failed'] as const;
export type PrintResult = (typeof PRINT_RESULTS)[number];
export const COUNTED_RESULTS: ReadonlyArray<PrintResult> = ['printed', 'saved', 'sent'];

export type PrintLogTable = {
  id: string;
  form: PrintForm;
  subjectId: string;
  /** The subject's human number (ticket, requisition, stocktake), as printed. */
  subjectNo: string;
  /** 0: the original; n > 0: printed marked "副本 / COPY". */
  copyNo: number;
  language: PrintLanguage;
  output: PrintOutput;
  result: PrintResult;
  printer: string | null;
  reason: string;
  staffId: string | null;
  printedAt: string;
  hlc: string;
};

export type PrintSettingTable = {
  form: PrintForm;
  /** The system printer name; null: ask in the print dialog every time. */
  printer: string | null;
  /** 0/1: print without the dialog. Only with a printer named. */
  silent: number;
  paper: Paper;
  copies: number;
  updatedBy: string | null;
  updatedAt: string;
};

export type PrintTables = {
  printLog: PrintLogTable;
  printSetting: PrintSettingTable;
};

export type PrintLogRow = Selectable<PrintLogTable>;
export type PrintSettingRow = Selectable<PrintSettingTable>;
