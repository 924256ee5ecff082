/** Reading a PDF without poppler: paper size, fonts, text in reading order, pages as PNGs. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MM_PER_PT, pdfFonts, pdfInfo, pdfText, pdfToPngs } from './pdf';

/** A PDF of `pages` (content streams) on 80 × 120 mm paper in Helvetica (not embedded), with a correct xref. */
function makePdf(pages: string[]): Buffer {
  const width = 80 / MM_PER_PT;
  const height = 120 / MM_PER_PT;
  const objects: string[] = [];
  const kids = pages.map((_, index) => `${4 + index * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (const [index, content] of pages.entries()) {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width.toFixed(2)} ${height.toFixed(2)}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + index * 2} 0 R >>`,
    );
    objects.push(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
  }
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [index, object] of objects.entries()) {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const PAGE_1 = [
  'BT /F1 14 Tf 20 300 Td (Intake receipt) Tj ET',
  // Letter-spaced, as the copy mark is set: one word, not four.
  'BT /F1 12 Tf 1.2 Tc 20 280 Td (COPY 2) Tj 0 Tc ET',
  // Two cells of one row: far apart, read as two words on one line.
  'BT /F1 10 Tf 20 250 Td (Tel) Tj ET',
  'BT /F1 10 Tf 120 250 Td (021-62581234) Tj ET',
  // Written out of order: read top to bottom all the same.
  'BT /F1 10 Tf 20 200 Td (Keep this receipt) Tj ET',
  'BT /F1 10 Tf 20 230 Td [(Serial)-250(no.)] TJ ET',
  '0 0 0 rg 20 100 100 40 re f',
].join('\n');
const PAGE_2 = 'BT /F1 10 Tf 20 300 Td (Page two) Tj ET';

let work: string;
let file: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'counterdesk-pdf-test-'));
  file = join(work, 'receipt.pdf');
  writeFileSync(file, makePdf([PAGE_1, PAGE_2]));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('pdf', () => {
  test('pdfInfo: the page count and the paper in mm', async () => {
    const info = await pdfInfo(file);
    expect(info.pages).toBe(2);
    expect(info.widthMm).toBeCloseTo(80, 1);
    expect(info.heightMm).toBeCloseTo(120, 1);
  });

  test('pdfFonts: each font drawn with, and that it is not embedded', async () => {
    expect(await pdfFonts(file)).toEqual([{ name: 'Helvetica', type: 'Type1', embedded: false }]);
  });

  test('pdfText: lines top to bottom, letter-spacing kept in its word, cells apart, pages by number', async () => {
    const first = await pdfText(file, 1);
    expect(first.split('\n')).toEqual([
      'Intake receipt',
      'COPY 2',
      'Tel 021-62581234',
      'Serial no.',
      'Keep this receipt',
    ]);
    expect(await pdfText(file, 2)).toBe('Page two');
    expect(await pdfText(file)).toBe(`${first}\n\fPage two`);
    await expect(pdfText(file, 3)).rejects.toThrow(/page 3 is not in the PDF \(it has 2\)/);
  });

  test('pdfToPngs: one PNG a page at 50 dpi, rounded up to whole pixels, drawn', async () => {
    const pngs = await pdfToPngs(file, work, 'receipt');
    expect(pngs.map((png) => png.slice(work.length + 1))).toEqual(['receipt-1.png', 'receipt-2.png']);
    const page = PNG.sync.read(readFileSync(pngs[0]!));
    expect([page.width, page.height]).toEqual([Math.ceil((80 / 25.4) * 50), Math.ceil((120 / 25.4) * 50)]);
    // The black box (20..120 × 100..140 pt from the bottom left) is black; the corner is white.
    const at = (xPt: number, yPt: number) => {
      const x = Math.floor((xPt * 50) / 72);
      const y = Math.floor(((120 / MM_PER_PT - yPt) * 50) / 72);
      return page.data[(y * page.width + x) * 4]!;
    };
    expect(at(70, 120)).toBe(0);
    expect(at(2, 2)).toBe(255);
  });
});
