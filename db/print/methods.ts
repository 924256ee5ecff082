/** Printing's desk methods (`printMethods` at the end) and their handlers: settings, the log, and the data of each form. */
import { DeskFailure, type Handler, areaMethods, method } from '../handler';
import { FORM_SUBJECT } from './forms';
import { loadRequisitionPrint, loadStocktakePrint } from './parts-data';
import { loadSupplierReturnPrint } from './supplier-return-data';
import { loadPurchaseOrderPrint } from './purchase-order-data';
import {
  countPrinted,
  findLogEntry,
  insertPrintLog,
  listSettings,
  recentLog,
  saveSetting,
  subjectHistory,
} from './queries';
import { findSubjectNo, requireFormAccess } from './subjects';
import { loadTicketPrint } from './ticket-data';
import { loadTakingsPrint } from './takings-data';
import { noInput } from '../fields';
import {
  type PrintSetting,
  printSettingSchema,
  formSubjectSchema,
  type PrintHistory,
  printRecordSchema,
  type PrintLogEntry,
  printLogQuerySchema,
  printTicketSchema,
  printRequisitionSchema,
  printStocktakeSchema,
  printPurchaseOrderSchema,
  printTakingsSchema,
  printEstimateSchema,
  printSupplierReturnSchema,
  printRankingSchema,
} from './contract';
import type {
  TicketPrintData,
  RequisitionPrintData,
  StocktakePrintData,
  PurchaseOrderPrintData,
  TakingsPrintData,
  EstimatePrintData,
  SupplierReturnPrintData,
  RankingPrintData,
} from './form-data';
import { loadRankingPrint } from './ranking-data';
import { loadEstimatePrint } from './estimate-data';
import { resolveCode } from './label-codes';
import { loadBinLabels, loadGoodsTag, loadPartLabel } from './label-data';
import type { BinLabelPrintData, GoodsTagPrintData, PartLabelPrintData } from './form-data';
import {
  printBinLabelSchema,
  printGoodsTagSchema,
  printPartLabelSchema,
  printResolveCodeSchema,
  type ScannedRecord,
} from './contract';

export const printSettings: Handler<typeof noInput, { items: ReadonlyArray<PrintSetting> }> = async (ctx) => ({
  items: await listSettings(ctx.trx),
});

export const printUpdateSetting: Handler<typeof printSettingSchema, PrintSetting> = async (ctx, input) =>
  saveSetting(ctx, input);

export const printHistory: Handler<typeof formSubjectSchema, PrintHistory> = async (ctx, input) => {
  requireFormAccess(ctx, input.form);
  if ((await findSubjectNo(ctx.trx, FORM_SUBJECT[input.form], input.subjectId)) === undefined)
    throw new DeskFailure('not_found', 'not_found');
  return {
    nextCopyNo: await countPrinted(ctx.trx, input.form, input.subjectId),
    entries: await subjectHistory(ctx.trx, input.form, input.subjectId),
  };
};

export const printRecord: Handler<typeof printRecordSchema, PrintLogEntry> = async (ctx, input) => {
  requireFormAccess(ctx, input.form);
  const subjectNo = await findSubjectNo(ctx.trx, FORM_SUBJECT[input.form], input.subjectId);
  if (subjectNo === undefined) throw new DeskFailure('not_found', 'not_found', 'subjectId');
  // A copy number beyond what the log holds would claim prints that never happened. A smaller one
  // is fine: another PC may have printed meanwhile, and the paper says what it says.
  if (input.copyNo > (await countPrinted(ctx.trx, input.form, input.subjectId)))
    throw new DeskFailure('conflict', 'print_copy_ahead', 'copyNo');
  const row = await insertPrintLog(ctx, {
    form: input.form,
    subjectId: input.subjectId,
    subjectNo,
    copyNo: input.copyNo,
    language: input.language,
    output: input.output,
    result: input.result,
    printer: input.printer,
    reason: input.reason,
  });
  const entry = await findLogEntry(ctx.trx, row.id);
  if (!entry) throw new Error(`print log entry ${row.id} vanished inside its own transaction`);
  return entry;
};

export const printLog: Handler<typeof printLogQuerySchema, { items: ReadonlyArray<PrintLogEntry> }> = async (
  ctx,
  input,
) => ({ items: await recentLog(ctx.trx, input) });

export const printTicket: Handler<typeof printTicketSchema, TicketPrintData> = async (ctx, input) =>
  loadTicketPrint(ctx, input.ticketId);

export const printRequisition: Handler<typeof printRequisitionSchema, RequisitionPrintData> = async (ctx, input) =>
  loadRequisitionPrint(ctx.trx, input.requisitionId);

export const printEstimate: Handler<typeof printEstimateSchema, EstimatePrintData> = async (ctx, input) =>
  loadEstimatePrint(ctx, input.estimateId);

export const printStocktake: Handler<typeof printStocktakeSchema, StocktakePrintData> = async (ctx, input) =>
  loadStocktakePrint(ctx.trx, input.stocktakeId);

export const printSupplierReturn: Handler<typeof printSupplierReturnSchema, SupplierReturnPrintData> = async (
  ctx,
  input,
) => loadSupplierReturnPrint(ctx, input.returnId);
export const printPurchaseOrder: Handler<typeof printPurchaseOrderSchema, PurchaseOrderPrintData> = async (
  ctx,
  input,
) => loadPurchaseOrderPrint(ctx.trx, input.purchaseOrderId);

export const printTakings: Handler<typeof printTakingsSchema, TakingsPrintData> = async (ctx, input) =>
  loadTakingsPrint(ctx.trx, input.date, ctx.nowIso);

export const printRanking: Handler<typeof printRankingSchema, RankingPrintData> = async (ctx, input) =>
  loadRankingPrint(ctx, input.periodId);
export const printPartLabel: Handler<typeof printPartLabelSchema, PartLabelPrintData> = async (ctx, input) =>
  loadPartLabel(ctx.trx, input.partId);

export const printBinLabel: Handler<typeof printBinLabelSchema, BinLabelPrintData> = async (ctx, input) =>
  loadBinLabels(ctx.trx, input.binId);

export const printGoodsTag: Handler<typeof printGoodsTagSchema, GoodsTagPrintData> = async (ctx, input) =>
  loadGoodsTag(ctx.trx, input.ticketId);

export const printResolveCode: Handler<typeof printResolveCodeSchema, ScannedRecord> = async (ctx, input) =>
  resolveCode(ctx, input.code);

/** Printing: this PC's settings and the store's print log. */
// prettier-ignore
export const printMethods = areaMethods('print', {
  /** This PC's printer, paper and copies for every form (defaults where none was saved). */
  'print.settings': method(noInput, { access: 'signedIn', mutates: false }, printSettings),
  /** Choose the printer, silent printing, paper and copies for one form on this PC. */
  'print.updateSetting': method(printSettingSchema, { access: 'print.setup', mutates: true }, printUpdateSetting),
  /** Who printed this form of this record when, and the copy number the next print carries. */
  'print.history': method(formSubjectSchema, { access: 'signedIn', mutates: false }, printHistory),
  /** Log one print attempt: who, which form of which record, copy number, where and how it ended. */
  'print.record': method(printRecordSchema, { access: 'signedIn', mutates: true }, printRecord),
  /** The store's print log, newest first. */
  'print.log': method(printLogQuerySchema, { access: 'print.setup', mutates: false }, printLog),
  /** Everything the service form, job sheet and intake receipt of a ticket show. */
  'print.ticket': method(printTicketSchema, { access: 'tickets.read', mutates: false }, printTicket),
  /** A requisition form (配件领用单) with its lines, quantities and signatures. */
  'print.requisition': method(printRequisitionSchema, { access: 'parts.read', mutates: false }, printRequisition),
  /** A stocktake's count sheet: the parts to count, by bin. */
  'print.stocktake': method(printStocktakeSchema, { access: 'parts.read', mutates: false }, printStocktake),
  /** A day's takings hand-over sheet (收款交班单): per method, counter and staff, with every entry. */
  'print.takings': method(printTakingsSchema, { access: 'charges.take', mutates: false }, printTakings),
  /** One version of a job's estimate (报价单): lines, totals, validity, and the customer's decision once recorded. */
  'print.estimate': method(printEstimateSchema, { access: 'tickets.read', mutates: false }, printEstimate),
  /** A return to supplier (退货单): lines, why, how it shipped, the credit, and room for signatures. */
  'print.supplierReturn': method(printSupplierReturnSchema, { access: 'parts.read', mutates: false }, printSupplierReturn),
  /** A purchase order (采购单) for the supplier: lines at agreed prices, totals, approval and signature boxes. */
  'print.purchaseOrder': method(printPurchaseOrderSchema, { access: 'parts.read', mutates: false }, printPurchaseOrder),
  /** A period's assessment ranking (考核排名表): the manager's of everyone, a lead's of their group (checked in the loader). */
  'print.assessmentRanking': method(printRankingSchema, { access: 'signedIn', mutates: false }, printRanking),
  /** A part's label (配件标签): number as Code 128, name, spec, bin; `partId*n` for n labels. */
  'print.partLabel': method(printPartLabelSchema, { access: 'parts.read', mutates: false }, printPartLabel),
  /** Bin labels (货位标签) of a location: one bin, a shelf (`A-01*`) or every bin (`*`). */
  'print.binLabel': method(printBinLabelSchema, { access: 'parts.read', mutates: false }, printBinLabel),
  /** The tag on a customer's goods taken in: ticket number, surname, masked phone; `ticketId*n` for n tags. */
  'print.goodsTag': method(printGoodsTagSchema, { access: 'tickets.read', mutates: false }, printGoodsTag),
  /** What a scanned label names: a ticket (by number) or a part (by part number), as far as the role may read. */
  'print.resolveCode': method(printResolveCodeSchema, { access: 'signedIn', mutates: false }, printResolveCode),
});
