/**
 * The printing area of the desk API: printer settings, the print log, and the data each form
 * needs (`print.<subject>`). No Node imports: the renderer imports it through db/api.ts.
 */
import { z } from 'zod';
import { calendarDate, instant, textInput } from '../fields';
import { FORM_PAPERS, PAPERS, PRINT_FORMS, type Paper, type PrintForm } from './forms';
import { PRINT_LANGUAGES, type PrintLanguage } from './job';
import { PRINT_OUTPUTS, PRINT_RESULTS, type PrintOutput, type PrintResult } from './tables';

export const printSettingSchema = z
  .object({
    form: z.enum(PRINT_FORMS, { error: 'invalid_value' }),
    /** The system printer name, as the printer list gives it; null or '' asks in the dialog. */
    printer: z
      .string()
      .trim()
      .max(256, 'too_long')
      .nullable()
      .transform((value) => value || null),
    silent: z.boolean(),
    paper: z.enum(PAPERS, { error: 'invalid_value' }),
    copies: z
      .number({ error: 'print_copies_range' })
      .int('print_copies_range')
      .min(1, 'print_copies_range')
      .max(9, 'print_copies_range'),
  })
  .superRefine((value, ctx) => {
    if (value.silent && !value.printer)
      ctx.addIssue({ code: 'custom', message: 'print_silent_needs_printer', path: ['silent'] });
    if (!FORM_PAPERS[value.form].includes(value.paper))
      ctx.addIssue({ code: 'custom', message: 'paper_not_for_form', path: ['paper'] });
  });
export type PrintSettingInput = z.input<typeof printSettingSchema>;

export type PrintSetting = Readonly<{
  form: PrintForm;
  printer: string | null;
  silent: boolean;
  paper: Paper;
  copies: number;
  /** False while the form still prints with the defaults (dialog, default paper, one copy). */
  saved: boolean;
}>;

const subjectIdSchema = textInput({ error: 'required' }).trim().min(1, 'required').max(64, 'invalid_value');

export const printRecordSchema = z.object({
  form: z.enum(PRINT_FORMS, { error: 'invalid_value' }),
  subjectId: subjectIdSchema,
  /** The copy number as it was printed on the paper. */
  copyNo: z.number().int().min(0).max(999),
  language: z.enum(PRINT_LANGUAGES, { error: 'invalid_value' }),
  output: z.enum(PRINT_OUTPUTS, { error: 'invalid_value' }),
  result: z.enum(PRINT_RESULTS, { error: 'invalid_value' }),
  printer: textInput().trim().max(256, 'too_long').nullable().default(null),
  reason: textInput().trim().max(500, 'too_long').default(''),
});
export type PrintRecordInput = z.input<typeof printRecordSchema>;

export type PrintLogEntry = Readonly<{
  id: string;
  form: PrintForm;
  subjectId: string;
  subjectNo: string;
  copyNo: number;
  language: PrintLanguage;
  output: PrintOutput;
  result: PrintResult;
  printer: string | null;
  reason: string;
  staffName: string | null;
  printedAt: string;
}>;

export type PrintHistory = Readonly<{
  /** The copy number the next print carries: 0 until one has come out on paper or as a PDF. */
  nextCopyNo: number;
  entries: ReadonlyArray<PrintLogEntry>;
}>;

export const formSubjectSchema = z.object({
  form: z.enum(PRINT_FORMS, { error: 'invalid_value' }),
  subjectId: subjectIdSchema,
});

export const printLogQuerySchema = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  /** Entries printed before this instant (ISO): the next page of the log. */
  before: instant('invalid_value', { offset: false }).optional(),
});

export const printTicketSchema = z.object({ ticketId: subjectIdSchema });
export const printRequisitionSchema = z.object({ requisitionId: subjectIdSchema });
export const printStocktakeSchema = z.object({ stocktakeId: subjectIdSchema });
export const printTakingsSchema = z.object({ date: calendarDate('date_format') });
export const printEstimateSchema = z.object({ estimateId: subjectIdSchema });
export const printSupplierReturnSchema = z.object({ returnId: subjectIdSchema });
export const printPurchaseOrderSchema = z.object({ purchaseOrderId: subjectIdSchema });
export const printRankingSchema = z.object({ periodId: subjectIdSchema });
/** `partId` or `partId*n` (label-subjects.ts). */
export const printPartLabelSchema = z.object({ partId: subjectIdSchema });
/** `locationId:bin`, `locationId:A-01*` or `locationId:*`. */
export const printBinLabelSchema = z.object({ binId: subjectIdSchema });
/** `ticketId` or `ticketId*n`. */
export const printGoodsTagSchema = z.object({ ticketId: subjectIdSchema });
/** What a scanner typed: a ticket number or a part number. */
export const printResolveCodeSchema = z.object({
  code: textInput({ error: 'required' }).trim().min(1, 'required').max(64, 'too_long'),
});

/** The record a scanned label's code names. */
export type ScannedRecord = Readonly<
  | { kind: 'ticket'; id: string; number: string }
  | { kind: 'part'; id: string; partNo: string; name: string; unit: string; bin: string }
>;
