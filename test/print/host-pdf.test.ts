/** The browser host's PDF endpoint: which browser renders, and what it refuses before launching one. */
import type { ServerResponse } from 'node:http';
import { describe, expect, test, vi } from 'vitest';
import type { Logger } from '../../db/desk-types';
import { findChromium, servePrintPdf } from '../../electron/print/host-pdf';

describe('findChromium', () => {
  test('the browser named by COUNTERDESK_CHROMIUM, when it is there', () => {
    expect(findChromium({ COUNTERDESK_CHROMIUM: '/opt/chrome/chrome' }, (path) => path === '/opt/chrome/chrome')).toBe(
      '/opt/chrome/chrome',
    );
    // A named browser that is missing is not silently swapped for another.
    expect(findChromium({ COUNTERDESK_CHROMIUM: '/opt/gone' }, (path) => path === '/usr/bin/chromium')).toBeNull();
  });

  test('else the first known install found, else none', () => {
    expect(findChromium({}, (path) => path === '/usr/bin/google-chrome' || path === '/usr/bin/chromium-browser')).toBe(
      '/usr/bin/chromium-browser',
    );
    expect(findChromium({}, () => false)).toBeNull();
  });
});

function fakeResponse() {
  const res = {
    status: 0,
    body: '',
    writeHead: vi.fn((status: number) => (res.status = status)),
    end: vi.fn((body: string) => (res.body = body)),
  };
  return res;
}

const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

describe('GET /print.pdf', () => {
  test.each([
    ['no route', '', /Not a form to print/],
    ['an unknown form', '#/print/invoice/1', /unknown form/],
    ['data riding in the address', '#/print/requisition/r?data=e30', /carries data/],
    ['auto-print', '#/print/requisition/r?auto=print', /auto-print/],
  ])('refuses %s before rendering anything', async (_name, route, reason) => {
    const res = fakeResponse();
    const url = new URL(`http://127.0.0.1:1/print.pdf?route=${encodeURIComponent(route)}`);
    await servePrintPdf(url, res as unknown as ServerResponse, { origin: 'http://127.0.0.1:1', token: 't', logger });
    expect(res.status).toBe(400);
    expect(res.body).toMatch(reason);
  });
});
