/** Handlers of printing: settings, the log, and the data of each form. */
import { DeskFailure, type Handler } from '../handler';
import { FORM_SUBJECT } from './forms';
import { loadRequisitionPrint, loadStocktakePrint } from './parts-data';
import { countPrinted, findLogEntry, insertPrintLog, listSettings, recentLog, saveSetting, subjectHistory } from './queries';
import { findSubjectNo, requireFormAccess } from './subjects';
import { loadTicketPrint } from './ticket-data';

export const printSettings: Handler<'print.settings'> = async (ctx) => ({ items: await listSettings(ctx.trx) });

export const printUpdateSetting: Handler<'print.updateSetting'> = async (ctx, input) => saveSetting(ctx, input);

export const printHistory: Handler<'print.history'> = async (ctx, input) => {
  requireFormAccess(ctx, input.form);
  if ((await findSubjectNo(ctx.trx, FORM_SUBJECT[input.form], input.subjectId)) === undefined) throw new DeskFailure('not_found', 'not_found');
  return {
    nextCopyNo: await countPrinted(ctx.trx, input.form, input.subjectId),
    entries: await subjectHistory(ctx.trx, input.form, input.subjectId),
  };
};

export const printRecord: Handler<'print.record'> = async (ctx, input) => {
  requireFormAccess(ctx, input.form);
  const subjectNo = await findSubjectNo(ctx.trx, FORM_SUBJECT[input.form], input.subjectId);
  if (subjectNo === undefined) throw new DeskFailure('not_found', 'not_found', 'subjectId');
  // A copy number beyond what the log holds would claim prints that never happened. A smaller one
  // is fine: another PC may have printed meanwhile, and the paper says what it says.
  if (input.copyNo > (await countPrinted(ctx.trx, input.form, input.subjectId))) throw new DeskFailure('conflict', 'print_copy_ahead', 'copyNo');
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

export const printLog: Handler<'print.log'> = async (ctx, input) => ({ items: await recentLog(ctx.trx, input) });

export const printTicket: Handler<'print.ticket'> = async (ctx, input) => loadTicketPrint(ctx, input.ticketId);

export const printRequisition: Handler<'print.requisition'> = async (ctx, input) => loadRequisitionPrint(ctx.trx, input.requisitionId);

export const printStocktake: Handler<'print.stocktake'> = async (ctx, input) => loadStocktakePrint(ctx.trx, input.stocktakeId);

export const printHandlers = {
  'print.settings': printSettings,
  'print.updateSetting': printUpdateSetting,
  'print.history': printHistory,
  'print.record': printRecord,
  'print.log': printLog,
  'print.ticket': printTicket,
  'print.requisition': printRequisition,
  'print.stocktake': printStocktake,
};
