/** The print channels: only the app's main frame may print, and only a well-formed job. */
import { describe, expect, test, vi } from 'vitest';
import type { Logger } from '../../db/desk-types';
import type { PrintJob } from '../../db/print/job';
import type { InvokeEventLike, IpcMainLike, SenderLike } from '../../electron/ipc';
import { PRINT_PRINTERS_CHANNEL, PRINT_RUN_CHANNEL } from '../../electron/print/channels';
import { bindPrintChannels, type PrintService } from '../../electron/print/print-ipc';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => handlers.set(channel, listener),
    removeHandler: (channel) => handlers.delete(channel),
  };
  return { ipc, handlers };
}

function sender(url: string): SenderLike {
  return { id: 1, mainFrame: { url }, isDestroyed: () => false, once: () => undefined, send: () => undefined };
}

function fromMainFrame(url: string): InvokeEventLike {
  const s = sender(url);
  return { senderFrame: s.mainFrame, sender: s };
}

const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

const goodJob: PrintJob = {
  form: 'requisition',
  subjectId: 'r-1',
  language: 'en',
  copyNo: 1,
  paper: 'A5',
  data: '{"requisition":{}}',
  target: { kind: 'printer', deviceName: null, silent: false, copies: 1 },
};

function bind() {
  const { ipc, handlers } = fakeIpcMain();
  const service: PrintService = {
    run: vi.fn(async () => ({ outcome: 'printed' as const, printer: 'HP', reason: '', file: null })),
    printers: vi.fn(async () => [{ name: 'HP', displayName: 'HP', description: '' }]),
  };
  const unbind = bindPrintChannels(ipc, service, logger);
  return { handlers, service, unbind };
}

describe('print channels', () => {
  test('the app’s main frame gets its job printed', async () => {
    const { handlers, service } = bind();
    const outcome = await handlers.get(PRINT_RUN_CHANNEL)!(
      fromMainFrame('app://counterdesk/index.html#/tickets'),
      goodJob,
    );
    expect(outcome).toMatchObject({ outcome: 'printed' });
    expect(service.run).toHaveBeenCalledWith(goodJob, expect.anything());
  });

  test.each(['https://evil.example/', 'app://counterdesk.evil.com/index.html', 'file:///C:/counterdesk/index.html'])(
    'a page at %s is refused, and nothing prints',
    async (url) => {
      const { handlers, service } = bind();
      expect(await handlers.get(PRINT_RUN_CHANNEL)!(fromMainFrame(url), goodJob)).toMatchObject({
        outcome: 'failed',
        reason: 'Refused: untrusted sender',
      });
      expect(await handlers.get(PRINT_PRINTERS_CHANNEL)!(fromMainFrame(url))).toEqual([]);
      expect(service.run).not.toHaveBeenCalled();
      expect(service.printers).not.toHaveBeenCalled();
    },
  );

  test('a subframe of the app is refused too', async () => {
    const { handlers } = bind();
    const main = sender('app://counterdesk/index.html');
    const outcome = await handlers.get(PRINT_RUN_CHANNEL)!(
      { senderFrame: { url: 'app://counterdesk/index.html' }, sender: main },
      goodJob,
    );
    expect(outcome).toMatchObject({ outcome: 'failed' });
  });

  test.each<[string, unknown, RegExp]>([
    ['an A4 paper for an 80 mm receipt', { ...goodJob, form: 'intake-receipt', paper: 'A4' }, /paper/],
    ['an unknown form', { ...goodJob, form: 'invoice' }, /form/],
    ['data far too large for an address', { ...goodJob, data: 'x'.repeat(1_000_001) }, /data/],
    ['no job at all', undefined, /malformed/],
  ])('%s is refused with the reason', async (_name, job, reason) => {
    const { handlers, service } = bind();
    const outcome = (await handlers.get(PRINT_RUN_CHANNEL)!(fromMainFrame('app://counterdesk/index.html'), job)) as {
      outcome: string;
      reason: string;
    };
    expect(outcome.outcome).toBe('failed');
    expect(outcome.reason).toMatch(reason);
    expect(service.run).not.toHaveBeenCalled();
  });

  test('the printer list comes from the service; unbinding removes both channels', async () => {
    const { handlers, unbind } = bind();
    expect(await handlers.get(PRINT_PRINTERS_CHANNEL)!(fromMainFrame('app://counterdesk/index.html'))).toEqual([
      { name: 'HP', displayName: 'HP', description: '' },
    ]);
    unbind();
    expect(handlers.size).toBe(0);
  });
});
