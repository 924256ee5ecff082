/**
 * A print job from start to end against fake ports (no Electron binary): the hidden window is
 * opened on the print route with the data, printing waits for "ready", the page size follows the
 * content, and the window is closed after the print callback, whatever happened.
 */
import { describe, expect, test, vi } from 'vitest';
import type { Logger } from '../../db/desk-types';
import { parsePrintRouteHash, type PrintJob, type PrinterSummary } from '../../db/print/job';
import type { PrintPageState } from '../../db/print/signal';
import type { PrintToPdfOptions, WebContentsPrintOptions } from '../../electron/print/print-options';
import { outcomeOfPrint, printWindowUrl, runPrintJob, type PrintPorts } from '../../electron/print/run-job';

const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const printers: PrinterSummary[] = [{ name: 'XP-80C', displayName: 'Xprinter XP-80C', description: '' }];

function job(overrides: Partial<PrintJob> = {}): PrintJob {
  return {
    form: 'intake-receipt',
    subjectId: '0193a3b0-0000-7000-8000-000000000001',
    language: 'zh-CN',
    copyNo: 0,
    paper: 'receipt-80',
    data: JSON.stringify({ ticket: { number: 'S012-2-20261123-0042' }, note: '随机附件：遥控器' }),
    target: { kind: 'printer', deviceName: 'XP-80C', silent: true, copies: 1 },
    ...overrides,
  };
}

type Fake = {
  ports: PrintPorts;
  events: string[];
  urls: string[];
  printed: WebContentsPrintOptions[];
  pdfs: PrintToPdfOptions[];
  written: Array<[string, Uint8Array]>;
};

function fakePorts({
  state,
  printResult = { success: true, failureReason: '' },
  savePath = '/tmp/x.pdf',
}: {
  state: PrintPageState | Error;
  printResult?: { success: boolean; failureReason: string };
  savePath?: string | null;
}): Fake {
  const fake: Fake = {
    events: [],
    urls: [],
    printed: [],
    pdfs: [],
    written: [],
    ports: undefined as unknown as PrintPorts,
  };
  fake.ports = {
    async openWindow(url) {
      fake.urls.push(url);
      fake.events.push('open');
      return {
        waitForState: async () => {
          fake.events.push('wait');
          if (state instanceof Error) throw state;
          return state;
        },
        print: async (options) => {
          fake.events.push('print');
          fake.printed.push(options);
          return printResult;
        },
        printToPdf: async (options) => {
          fake.events.push('pdf');
          fake.pdfs.push(options);
          return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
        },
        close: () => fake.events.push('close'),
      };
    },
    listPrinters: async () => printers,
    askSavePath: async () => {
      fake.events.push('ask');
      return savePath;
    },
    writeFile: async (path, bytes) => {
      fake.written.push([path, bytes]);
    },
  };
  return fake;
}

describe('printing a form in a hidden window', () => {
  test('waits for ready, prints on 80 mm paper as long as the slip, then closes the window', async () => {
    const fake = fakePorts({ state: { state: 'ready', heightMm: 142.3 } });
    const outcome = await runPrintJob(job(), fake.ports, logger);
    expect(outcome).toEqual({ outcome: 'printed', printer: 'XP-80C', reason: '', file: null });
    expect(fake.events).toEqual(['open', 'wait', 'print', 'close']);
    expect(fake.printed[0]).toMatchObject({
      silent: true,
      deviceName: 'XP-80C',
      pageSize: { width: 80_000, height: 143_000 },
      margins: { marginType: 'none' },
    });
  });

  test('the window shows the app’s own print route, carrying the form’s data intact', () => {
    const url = printWindowUrl(job({ copyNo: 2 }));
    expect(url.startsWith('app://counterdesk/index.html#/print/intake-receipt/')).toBe(true);
    const parsed = parsePrintRouteHash(url.slice(url.indexOf('#')));
    expect(parsed).toMatchObject({
      ok: true,
      route: { form: 'intake-receipt', language: 'zh-CN', copyNo: 2, paper: 'receipt-80', autoPrint: false },
    });
    expect(parsed.ok && JSON.parse(parsed.route.data!)).toEqual(JSON.parse(job().data));
  });

  test('a form that reports an error is not printed, and its reason comes back', async () => {
    const fake = fakePorts({ state: { state: 'error', reason: 'not_found: Not found' } });
    const outcome = await runPrintJob(job(), fake.ports, logger);
    expect(outcome.outcome).toBe('failed');
    expect(outcome.reason).toMatch(/not_found/);
    expect(fake.events).toEqual(['open', 'wait', 'close']);
  });

  test('a form that never gets ready fails the job and still closes its window', async () => {
    const fake = fakePorts({ state: new Error('no answer within 30 s') });
    const outcome = await runPrintJob(job(), fake.ports, logger);
    expect(outcome).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/did not get ready.*30 s/) });
    expect(fake.events.at(-1)).toBe('close');
  });

  test('a cancelled dialog is a cancellation, not a failure', async () => {
    const fake = fakePorts({
      state: { state: 'ready', heightMm: 250 },
      printResult: { success: false, failureReason: 'Print job canceled' },
    });
    const outcome = await runPrintJob(
      job({
        form: 'service-form',
        paper: 'A4',
        target: { kind: 'printer', deviceName: null, silent: false, copies: 1 },
      }),
      fake.ports,
      logger,
    );
    expect(outcome).toMatchObject({ outcome: 'cancelled', printer: null });
    expect(fake.printed[0]).toMatchObject({
      silent: false,
      pageSize: { width: 210_000, height: 297_000 },
      margins: { marginType: 'default' },
    });
    expect('deviceName' in fake.printed[0]!).toBe(false);
  });

  test('a printer that is no longer installed: the dialog asks, and the outcome says why', async () => {
    const fake = fakePorts({ state: { state: 'ready', heightMm: 100 } });
    const outcome = await runPrintJob(
      job({ target: { kind: 'printer', deviceName: 'Old_Printer', silent: true, copies: 1 } }),
      fake.ports,
      logger,
    );
    expect(fake.printed[0]).toMatchObject({ silent: false });
    expect(outcome).toMatchObject({
      outcome: 'printed',
      printer: null,
      reason: expect.stringMatching(/Old_Printer.*not installed/),
    });
  });
});

describe('saving a form as PDF', () => {
  test('asks where first, renders the same page size, writes the file', async () => {
    const fake = fakePorts({ state: { state: 'ready', heightMm: 120 }, savePath: '/home/counter/Documents/回执.pdf' });
    const outcome = await runPrintJob(
      job({ target: { kind: 'pdf', fileName: '受理回执-S012-2-20261123-0042' } }),
      fake.ports,
      logger,
    );
    expect(outcome).toEqual({ outcome: 'saved', printer: null, reason: '', file: '/home/counter/Documents/回执.pdf' });
    expect(fake.events).toEqual(['ask', 'open', 'wait', 'pdf', 'close']);
    expect(fake.pdfs[0]!.pageSize.height).toBeCloseTo(120 / 25.4, 6);
    expect(fake.written[0]![0]).toBe('/home/counter/Documents/回执.pdf');
  });

  test('cancelling the save dialog renders nothing', async () => {
    const fake = fakePorts({ state: { state: 'ready', heightMm: 120 }, savePath: null });
    const outcome = await runPrintJob(job({ target: { kind: 'pdf', fileName: 'x' } }), fake.ports, logger);
    expect(outcome.outcome).toBe('cancelled');
    expect(fake.events).toEqual(['ask']);
  });
});

test.each([
  [{ success: true, failureReason: '' }, 'printed'],
  [{ success: false, failureReason: 'Print job canceled' }, 'cancelled'],
  [{ success: false, failureReason: 'Print job failed' }, 'failed'],
  [{ success: false, failureReason: '' }, 'failed'],
] as const)('Electron’s print callback %j means %s', (result, expected) => {
  expect(outcomeOfPrint(result, 'XP-80C').outcome).toBe(expected);
});
