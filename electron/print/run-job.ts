/**
 * One print job, start to end, against injected ports so it runs (and is tested) without the
 * Electron binary; electron-print.ts supplies the real ports. The steps follow docs/ELECTRON.md §2:
 * render the form's print route in a hidden window → wait until the page announces it is ready
 * (fonts in) → print with an explicit page size, or render the PDF → close the window only after
 * the print callback (closing earlier prints blank pages, electron #7064).
 */
import type { Logger } from '../../db/desk-types';
import { printRouteHash, type PrinterSummary, type PrintJob, type PrintOutcome } from '../../db/print/job';
import type { PrintPageState } from '../../db/print/signal';
import { APP_INDEX_URL } from '../trusted-url';
import {
  buildPdfOptions,
  buildPrintOptions,
  pdfFileName,
  type PrintToPdfOptions,
  type WebContentsPrintOptions,
} from './print-options';
import { choosePrinter } from './printer-choice';

/** How long a form may take to load its fonts and announce itself before the job is abandoned. */
export const READY_TIMEOUT_MS = 30_000;

export type PrintWindowPort = {
  /** Resolves with the state the page announces, or rejects after `timeoutMs`. */
  waitForState(timeoutMs: number): Promise<PrintPageState>;
  print(options: WebContentsPrintOptions): Promise<{ success: boolean; failureReason: string }>;
  printToPdf(options: PrintToPdfOptions): Promise<Uint8Array>;
  close(): void;
};

export type PrintPorts = {
  openWindow(url: string): Promise<PrintWindowPort>;
  listPrinters(): Promise<ReadonlyArray<PrinterSummary>>;
  /** The path the person chose for the PDF, or null when they cancelled. */
  askSavePath(fileName: string): Promise<string | null>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
};

/** The hidden window's address: the app's own page on the print route, the form's data in the fragment. */
export function printWindowUrl(job: PrintJob): string {
  return `${APP_INDEX_URL}${printRouteHash({ form: job.form, subjectId: job.subjectId, language: job.language, copyNo: job.copyNo, paper: job.paper, data: job.data })}`;
}

/** Electron's failure reasons are fixed English strings; a cancelled dialog is not a failure. */
export function outcomeOfPrint(
  result: { success: boolean; failureReason: string },
  printer: string | null,
): PrintOutcome {
  if (result.success) return { outcome: 'printed', printer, reason: '', file: null };
  if (/cancel/i.test(result.failureReason))
    return { outcome: 'cancelled', printer, reason: result.failureReason, file: null };
  return { outcome: 'failed', printer, reason: result.failureReason || 'the printer reported no reason', file: null };
}

function failed(reason: string, printer: string | null = null): PrintOutcome {
  return { outcome: 'failed', printer, reason, file: null };
}

/** The PDF's suggested name: the renderer names it (form title and number in the job's language). */
export function pdfNameFor(job: PrintJob): string {
  if (job.target.kind === 'pdf') return pdfFileName(job.target.fileName);
  return pdfFileName(`${job.form}-${job.subjectId}`);
}

export async function runPrintJob(job: PrintJob, ports: PrintPorts, logger: Logger): Promise<PrintOutcome> {
  // Ask for the path first: nothing is rendered for a save the person cancels.
  const savePath = job.target.kind === 'pdf' ? await ports.askSavePath(pdfNameFor(job)) : null;
  if (job.target.kind === 'pdf' && savePath === null)
    return { outcome: 'cancelled', printer: null, reason: '', file: null };

  const window = await ports.openWindow(printWindowUrl(job));
  try {
    let state: PrintPageState;
    try {
      state = await window.waitForState(READY_TIMEOUT_MS);
    } catch (error) {
      return failed(`the form did not get ready to print: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (state.state === 'error') return failed(`the form could not be shown: ${state.reason}`);

    if (job.target.kind === 'pdf') {
      const bytes = await window.printToPdf(buildPdfOptions(job.paper, state.heightMm));
      await ports.writeFile(savePath!, bytes);
      return { outcome: 'saved', printer: null, reason: '', file: savePath };
    }

    const choice = choosePrinter(job.target, await ports.listPrinters());
    if (choice.note) logger.warn('Print setting not followed', { form: job.form, note: choice.note });
    const result = await window.print(buildPrintOptions(job.paper, state.heightMm, choice));
    const outcome = outcomeOfPrint(result, choice.deviceName ?? null);
    if (outcome.outcome === 'failed')
      logger.warn('Printing failed', { form: job.form, reason: outcome.reason, printer: outcome.printer });
    return choice.note && outcome.outcome === 'printed' ? { ...outcome, reason: choice.note } : outcome;
  } catch (error) {
    logger.error('Print job failed', {
      form: job.form,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return failed(error instanceof Error ? error.message : String(error));
  } finally {
    window.close();
  }
}
