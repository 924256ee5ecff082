/**
 * The only print module that imports electron: the real ports for run-job.ts. Every decision
 * (page size, printer, options, order of steps, outcomes) is made in the electron-free modules
 * beside it; this file only opens windows, calls Electron and reports what happened.
 *
 * The print window is hidden, sandboxed and has NO preload: it cannot call the desk or IPC at
 * all. It receives the form's data in its address and says "ready" through its title.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, type IpcMain, type WebContents } from 'electron';
import type { Logger } from '../../db/desk-types';
import type { PrinterSummary } from '../../db/print/job';
import { parsePrintStateTitle, USE_FORM_TITLE_SCRIPT, type PrintPageState } from '../../db/print/signal';
import type { SenderLike } from '../ipc';
import { bindPrintChannels } from './print-ipc';
import type { PrintToPdfOptions, WebContentsPrintOptions } from './print-options';
import { createPrintQueue } from './print-queue';
import { runPrintJob, type PrintPorts, type PrintWindowPort } from './run-job';

/** Fails to compile unless `T` is `true`: our option types must be what Electron accepts. */
type Assert<T extends true> = T;
export type ElectronOptionsFit = [
  Assert<WebContentsPrintOptions extends NonNullable<Parameters<WebContents['print']>[0]> ? true : false>,
  Assert<PrintToPdfOptions extends Parameters<WebContents['printToPDF']>[0] ? true : false>,
];

async function openPrintWindow(url: string, logger: Logger): Promise<PrintWindowPort> {
  const window = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Never shown, yet it must lay out, load fonts and run timers at full speed.
      backgroundThrottling: false,
      // No preload: the form needs nothing from main but its address.
    },
  });
  const contents = window.webContents;
  let settle: { resolve: (state: PrintPageState) => void; reject: (error: Error) => void } | null = null;
  const announced = new Promise<PrintPageState>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Handled below; also keeps an early failure from being an unhandled rejection.
  announced.catch(() => undefined);
  contents.on('page-title-updated', (_event, title) => {
    const state = parsePrintStateTitle(title);
    if (state) settle?.resolve(state);
  });
  contents.on('did-fail-load', (_event, code, description) =>
    settle?.reject(new Error(`the print page did not load (${code} ${description})`)),
  );
  contents.on('render-process-gone', (_event, details) =>
    settle?.reject(new Error(`the print page's renderer is gone (${details.reason})`)),
  );
  await window.loadURL(url).catch((error: unknown) => {
    logger.warn('The print window did not load', { error: String(error) });
    settle?.reject(error instanceof Error ? error : new Error(String(error)));
  });

  return {
    waitForState(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      });
      return Promise.race([announced, timeout]).finally(() => clearTimeout(timer));
    },
    print: async (options) => {
      await contents.executeJavaScript(USE_FORM_TITLE_SCRIPT);
      return new Promise((resolve) => {
        contents.print(options, (success, failureReason) => resolve({ success, failureReason }));
      });
    },
    printToPdf: async (options) => {
      await contents.executeJavaScript(USE_FORM_TITLE_SCRIPT);
      return new Uint8Array(await contents.printToPDF(options));
    },
    close: () => {
      if (!window.isDestroyed()) window.destroy();
    },
  };
}

function parentOf(sender: SenderLike): BrowserWindow | null {
  return BrowserWindow.getAllWindows().find((window) => window.webContents.id === sender.id) ?? null;
}

function portsFor(sender: SenderLike, logger: Logger): PrintPorts {
  const parent = parentOf(sender);
  return {
    openWindow: (url) => openPrintWindow(url, logger),
    listPrinters: async () => listPrinters(parent),
    async askSavePath(fileName) {
      const options = {
        defaultPath: join(app.getPath('documents'), fileName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    writeFile: (path, bytes) => writeFile(path, bytes),
  };
}

async function listPrinters(parent: BrowserWindow | null): Promise<ReadonlyArray<PrinterSummary>> {
  if (!parent) return [];
  const printers = await parent.webContents.getPrintersAsync();
  return printers.map((printer) => ({
    name: printer.name,
    displayName: printer.displayName,
    description: printer.description,
  }));
}

/** Call once after the desk is bound. Returns a function that undoes the binding. */
export function startPrinting(ipcMain: IpcMain, logger: Logger): () => void {
  const queue = createPrintQueue();
  return bindPrintChannels(
    ipcMain,
    {
      run: (job, sender) => queue.enqueue(() => runPrintJob(job, portsFor(sender, logger), logger)),
      printers: (sender) => listPrinters(parentOf(sender)),
    },
    logger,
  );
}
