/** Page maths and the option objects handed to Electron's print and printToPDF (docs/ELECTRON.md §2). */
import { describe, expect, test } from 'vitest';
import { buildPdfOptions, buildPrintOptions, pdfFileName } from '../../electron/print/print-options';
import { MAX_RECEIPT_MM, pageMm, toInches, toMicrons } from '../../electron/print/page-setup';
import type { PrinterChoice } from '../../electron/print/printer-choice';

const dialog: PrinterChoice = { deviceName: undefined, silent: false, copies: 1, note: '' };
const receiptPrinter: PrinterChoice = { deviceName: 'XP-80C', silent: true, copies: 2, note: '' };

describe('page sizes', () => {
  test('A4 and A5 are their ISO sizes, in microns for print and inches for PDF', () => {
    expect(toMicrons(pageMm('A4', 123))).toEqual({ width: 210_000, height: 297_000 });
    expect(toMicrons(pageMm('A5', 123))).toEqual({ width: 148_000, height: 210_000 });
    const a4 = toInches(pageMm('A4', 0));
    expect(a4.width).toBeCloseTo(8.2677, 4);
    expect(a4.height).toBeCloseTo(11.6929, 4);
  });

  test('an 80 mm receipt is as long as its content, rounded up to whole millimetres', () => {
    expect(pageMm('receipt-80', 131.2)).toEqual({ width: 80, height: 132 });
    expect(toMicrons(pageMm('receipt-80', 131.2))).toEqual({ width: 80_000, height: 132_000 });
  });

  test('no side is ever below the 353 µm Electron accepts', () => {
    expect(toMicrons({ width: 0.1, height: 0.2 })).toEqual({ width: 353, height: 353 });
  });

  test.each([0, -5, Number.NaN, MAX_RECEIPT_MM + 1])('a receipt of %s mm is refused with the reason', (height) => {
    expect(() => pageMm('receipt-80', height)).toThrow(/receipt/);
  });
});

describe('webContents.print options', () => {
  test('an A4 sheet: explicit page size, the document’s own @page margins, 100 % scale', () => {
    expect(buildPrintOptions('A4', 400, dialog)).toEqual({
      silent: false,
      printBackground: true,
      color: false,
      copies: 1,
      landscape: false,
      scaleFactor: 100,
      pageSize: { width: 210_000, height: 297_000 },
      margins: { marginType: 'default' },
    });
  });

  test('a receipt to a chosen thermal printer: silent, edge to edge, the content’s length', () => {
    const options = buildPrintOptions('receipt-80', 98.4, receiptPrinter);
    expect(options).toMatchObject({
      silent: true,
      deviceName: 'XP-80C',
      copies: 2,
      margins: { marginType: 'none' },
      pageSize: { width: 80_000, height: 99_000 },
    });
  });

  test('no deviceName key at all when the dialog chooses the printer', () => {
    expect('deviceName' in buildPrintOptions('A5', 0, dialog)).toBe(false);
  });
});

describe('printToPDF options', () => {
  test('the CSS page decides, with the same size as on paper', () => {
    const options = buildPdfOptions('receipt-80', 150);
    expect(options.preferCSSPageSize).toBe(true);
    expect(options.margins).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
    expect(options.pageSize.width).toBeCloseTo(80 / 25.4, 6);
    expect(options.pageSize.height).toBeCloseTo(150 / 25.4, 6);
  });

  test('PDF names keep Chinese and drop what Windows forbids', () => {
    expect(pdfFileName('维修服务单-S012-2-20261123-0042')).toBe('维修服务单-S012-2-20261123-0042.pdf');
    expect(pdfFileName('a/b\\c:d*e?"f"<g>|h\u0007')).toBe('a-b-c-d-e--f--g--h-.pdf');
    expect(pdfFileName('   ')).toBe('counterdesk.pdf');
  });
});
