/**
 * Sending a form to paper or PDF, and logging it. In Electron the preload's print bridge renders
 * the form in a hidden window and prints it with the chosen printer (electron/print/); in the
 * browser host the print route opens in a new window and hands itself to the browser's print
 * dialog, and "Save as PDF" downloads the PDF the host renders from the same route
 * (electron/print/host-pdf.ts). Either way the attempt lands in the print log.
 */
import {
  printRouteHash,
  type FormDataOf,
  type Paper,
  type PrintBridge,
  type PrintForm,
  type PrintLanguage,
  type PrintLogEntry,
  type PrintOutcome,
  type PrintOutput,
  type PrintResult,
  type PrintSetting,
} from '../../db/api';
import { desk } from '../desk';

declare global {
  interface Window {
    /** Exposed by the Electron preload (electron/print/preload-print.ts); absent in the browser host. */
    readonly counterdeskPrint?: PrintBridge;
  }
}

export function printBridge(): PrintBridge | null {
  return window.counterdeskPrint ?? null;
}

export type PrintRequest<F extends PrintForm = PrintForm> = {
  form: F;
  subjectId: string;
  data: FormDataOf[F];
  language: PrintLanguage;
  paper: Paper;
  copyNo: number;
  /** The suggested PDF name: the form's title and number. */
  fileName: string;
};

/** How an attempt ended (`sent`: handed to the browser's dialog), and its print-log entry. */
export type PrintDone = {
  result: PrintResult;
  outcome: PrintOutcome;
  output: PrintOutput;
  logged: PrintLogEntry | null;
  logError: string | null;
};

async function record(
  request: PrintRequest,
  output: PrintOutput,
  outcome: PrintOutcome,
  result: PrintResult,
): Promise<PrintDone> {
  const logged = await desk.call('print.record', {
    form: request.form,
    subjectId: request.subjectId,
    copyNo: request.copyNo,
    language: request.language,
    output,
    result,
    printer: outcome.printer,
    reason: outcome.reason.slice(0, 500),
  });
  return {
    result,
    outcome,
    output,
    logged: logged.ok ? logged.value : null,
    logError: logged.ok ? null : logged.error.message,
  };
}

/** Prints (or saves as PDF, `toPdf`) through Electron; null when there is no print bridge. */
export async function printWithBridge(
  request: PrintRequest,
  setting: PrintSetting,
  toPdf: boolean,
): Promise<PrintDone | null> {
  const bridge = printBridge();
  if (!bridge) return null;
  const outcome = await bridge.run({
    form: request.form,
    subjectId: request.subjectId,
    language: request.language,
    copyNo: request.copyNo,
    paper: request.paper,
    data: JSON.stringify(request.data),
    target: toPdf
      ? { kind: 'pdf', fileName: request.fileName }
      : { kind: 'printer', deviceName: setting.printer, silent: setting.silent, copies: setting.copies },
  });
  return record(request, toPdf ? 'pdf' : 'printer', outcome, outcome.outcome);
}

/**
 * The browser host: the same print route in a new window, which opens the print dialog once its
 * fonts are in. The window reads the form through the desk itself (the host's tabs share a sign-in).
 */
export async function printInBrowser(request: PrintRequest): Promise<PrintDone> {
  const hash = printRouteHash({
    form: request.form,
    subjectId: request.subjectId,
    language: request.language,
    copyNo: request.copyNo,
    paper: request.paper,
    autoPrint: true,
  });
  const opened = window.open(`${window.location.pathname}${hash}`, '_blank');
  if (!opened) {
    // Nothing was printed, so nothing is logged: the person allows pop-ups and tries again.
    return {
      result: 'failed',
      outcome: { outcome: 'failed', printer: null, reason: 'popup_blocked', file: null },
      output: 'browser',
      logged: null,
      logError: null,
    };
  }
  return record(request, 'browser', { outcome: 'printed', printer: null, reason: '', file: null }, 'sent');
}

/** The browser host: the host renders the print route to PDF; the page saves it as a download. */
export async function savePdfInBrowser(request: PrintRequest): Promise<PrintDone> {
  const hash = printRouteHash({
    form: request.form,
    subjectId: request.subjectId,
    language: request.language,
    copyNo: request.copyNo,
    paper: request.paper,
  });
  const query = new URLSearchParams({ route: hash, name: request.fileName });
  let outcome: PrintOutcome;
  try {
    const response = await fetch(`/print.pdf?${query.toString()}`, { credentials: 'same-origin' });
    if (!response.ok) throw new Error((await response.text()) || `HTTP ${response.status}`);
    const href = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = href;
    link.download = `${request.fileName}.pdf`;
    link.click();
    // The download has taken the blob by the next task; the URL is not needed after that.
    setTimeout(() => URL.revokeObjectURL(href), 0);
    outcome = { outcome: 'saved', printer: null, reason: '', file: link.download };
  } catch (error) {
    outcome = {
      outcome: 'failed',
      printer: null,
      reason: error instanceof Error ? error.message : String(error),
      file: null,
    };
  }
  return record(request, 'pdf', outcome, outcome.outcome);
}
