/** The print route's address and ready signal: what the Electron window, the browser and tests share. */
import { describe, expect, test } from 'vitest';
import { isPrintHash, parsePrintRouteHash, printRouteHash } from '../../db/print/job';
import { parsePrintStateTitle, printStateTitle } from '../../db/print/signal';
import { cssString, pageCss, receiptLengthMm } from '../../renderer/print/page-css';

describe('print route addresses', () => {
  test('round-trip: form, id, language, copy, paper, auto-print and Chinese data', () => {
    const data = JSON.stringify({ customer: { name: '张伟' }, fault: '不制冷，压缩机异响 ✓' });
    const hash = printRouteHash({
      form: 'service-form',
      subjectId: 'abc-123',
      language: 'zh-CN',
      copyNo: 3,
      paper: 'A4',
      data,
      autoPrint: true,
    });
    expect(isPrintHash(hash)).toBe(true);
    expect(parsePrintRouteHash(hash)).toEqual({
      ok: true,
      route: {
        form: 'service-form',
        subjectId: 'abc-123',
        language: 'zh-CN',
        copyNo: 3,
        paper: 'A4',
        data,
        autoPrint: true,
      },
    });
  });

  test('an original prints without a copy parameter, and unknown languages fall back to the app’s', () => {
    expect(printRouteHash({ form: 'requisition', subjectId: 'r', language: null, copyNo: 0, paper: null })).toBe(
      '#/print/requisition/r',
    );
    expect(parsePrintRouteHash('#/print/requisition/r?lang=fr')).toMatchObject({
      ok: true,
      route: { language: null, copyNo: 0 },
    });
  });

  test.each([
    ['#/counter', /not a print route/],
    ['#/print/invoice/1', /unknown form 'invoice'/],
    ['#/print/intake-receipt/1?paper=A4', /not printed on A4/],
    ['#/print/service-form/1?copy=-1', /bad copy number/],
    ['#/print/service-form/1?data=%%%', /damaged/],
  ])('%s is refused: %s', (hash, reason) => {
    const parsed = parsePrintRouteHash(hash);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });
});

describe('the ready signal', () => {
  test('ready with the content height, or an error with its reason, survive the title', () => {
    expect(parsePrintStateTitle(printStateTitle({ state: 'ready', heightMm: 131.456 }))).toEqual({
      state: 'ready',
      heightMm: 131.46,
    });
    expect(parsePrintStateTitle(printStateTitle({ state: 'error', reason: 'not_found:\n gone' }))).toEqual({
      state: 'error',
      reason: 'not_found: gone',
    });
  });

  test('any other title is no signal', () => {
    expect(parsePrintStateTitle('Counterdesk')).toBeNull();
    expect(parsePrintStateTitle('counterdesk-print:ready:abc')).toBeNull();
    expect(parsePrintStateTitle('counterdesk-print:ready:0')).toBeNull();
  });
});

describe('the @page rule', () => {
  const footer = { pages: '第 [page] 页，共 [pages] 页', printedAt: '打印时间 2026-11-23 14:05' };

  test('A4 with margins and a footer of page numbers and print time', () => {
    const css = pageCss('A4', footer);
    expect(css).toContain('size: 210mm 297mm;');
    expect(css).toContain('margin: 12mm 12mm 14mm;');
    expect(css).toContain('content: "第 " counter(page) " 页，共 " counter(pages) " 页"');
    expect(css).toContain('content: "打印时间 2026-11-23 14:05"');
  });

  test('a receipt: 80 mm wide, as long as its content plus slack, no margins', () => {
    expect(receiptLengthMm(97.2)).toBe(100);
    expect(pageCss('receipt-80', footer, 97.2)).toBe('@page { size: 80mm 100mm; margin: 0; }');
  });

  test('an English footer has no text after the page count', () => {
    expect(pageCss('A5', { pages: 'Page [page] of [pages]', printedAt: '' })).toContain(
      'content: "Page " counter(page) " of " counter(pages);',
    );
  });

  test('texts cannot break out of the CSS string', () => {
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
  });
});
