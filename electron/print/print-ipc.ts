/**
 * The print channels of the IPC surface, bound like the desk's (electron/ipc.ts): the sender is
 * checked once, with the same parsed-URL rules; the job is validated with its zod schema; answers
 * travel as data, never as rejections. Only types come from 'electron', so this runs in plain Node.
 */
import { printJobSchema, type PrinterSummary, type PrintJob, type PrintOutcome } from '../../db/print/job';
import type { Logger } from '../../db/desk-types';
import {
  checkSender,
  DESK_CALL_CHANNEL,
  type InvokeEventLike,
  type IpcMainLike,
  type SenderLike,
  type SenderVerdict,
} from '../ipc';
import { PRINT_PRINTERS_CHANNEL, PRINT_RUN_CHANNEL } from './channels';

/**
 * The desk's sender rules, word for word: the main frame of `app://counterdesk/…`, attached.
 * checkSender also checks its channel against the desk's list, so it is asked about the desk channel.
 */
export function checkPrintSender(event: InvokeEventLike): SenderVerdict {
  return checkSender(DESK_CALL_CHANNEL, event);
}

export type PrintService = {
  run(job: PrintJob, sender: SenderLike): Promise<PrintOutcome>;
  printers(sender: SenderLike): Promise<ReadonlyArray<PrinterSummary>>;
};

function refused(reason: string): PrintOutcome {
  return { outcome: 'failed', printer: null, reason, file: null };
}

/** Returns a function that undoes the binding. */
export function bindPrintChannels(ipcMain: IpcMainLike, service: PrintService, logger: Logger): () => void {
  ipcMain.handle(PRINT_RUN_CHANNEL, async (event, rawJob: unknown): Promise<PrintOutcome> => {
    const verdict = checkPrintSender(event);
    if (!verdict.ok) {
      logger.warn('Refused a print job from an untrusted sender', { reason: verdict.reason });
      return refused('Refused: untrusted sender');
    }
    const parsed = printJobSchema.safeParse(rawJob);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refused(
        `The print job is malformed: ${issue ? `${issue.path.join('.') || 'job'}: ${issue.message}` : 'unknown problem'}`,
      );
    }
    try {
      return await service.run(parsed.data, event.sender);
    } catch (error) {
      logger.error('A print job threw', {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return refused(error instanceof Error ? error.message : String(error));
    }
  });

  ipcMain.handle(PRINT_PRINTERS_CHANNEL, async (event): Promise<ReadonlyArray<PrinterSummary>> => {
    const verdict = checkPrintSender(event);
    if (!verdict.ok) {
      logger.warn('Refused a printer list request from an untrusted sender', { reason: verdict.reason });
      return [];
    }
    try {
      return await service.printers(event.sender);
    } catch (error) {
      // No list is an empty list: the settings page then offers "ask every time" only.
      logger.warn('Could not list the printers', { error: String(error) });
      return [];
    }
  });

  return () => {
    ipcMain.removeHandler(PRINT_RUN_CHANNEL);
    ipcMain.removeHandler(PRINT_PRINTERS_CHANNEL);
  };
}
