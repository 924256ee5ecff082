/**
 * The print half of the preload: `window.counterdeskPrint`, two invokes over fixed channels.
 * Type-only imports from db/ (the preload bundle carries no zod): main validates every job.
 */
import type { IpcRenderer } from 'electron';
import type { PrintBridge, PrinterSummary, PrintJob, PrintOutcome } from '../../db/print/job';
import { PRINT_PRINTERS_CHANNEL, PRINT_RUN_CHANNEL } from './channels';

export function createPrintBridge(ipcRenderer: Pick<IpcRenderer, 'invoke'>): PrintBridge {
  return {
    // Main answers with data, never a rejection (electron/print/print-ipc.ts); invoke() is untyped.
    run: (job: PrintJob) => ipcRenderer.invoke(PRINT_RUN_CHANNEL, job) as Promise<PrintOutcome>,
    printers: () => ipcRenderer.invoke(PRINT_PRINTERS_CHANNEL) as Promise<ReadonlyArray<PrinterSummary>>,
  };
}
