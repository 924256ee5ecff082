/**
 * Reading a PDF the way a person checking a print would, with poppler's tools (Debian's
 * poppler-utils; .ci/run installs it): its pages and paper size, its fonts, its text, its pixels.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const MM_PER_PT = 25.4 / 72;

function run(tool: string, args: ReadonlyArray<string>): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT')
      throw new Error(`${tool} is missing: install poppler-utils (apt-get install poppler-utils)`, { cause: error });
    throw error;
  }
}

export type PdfInfo = { pages: number; widthMm: number; heightMm: number };

export function pdfInfo(file: string): PdfInfo {
  const text = run('pdfinfo', [file]);
  const pages = /^Pages:\s+(\d+)/m.exec(text);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(text);
  if (!pages || !size) throw new Error(`pdfinfo could not read ${file}:\n${text}`);
  return { pages: Number(pages[1]), widthMm: Number(size[1]) * MM_PER_PT, heightMm: Number(size[2]) * MM_PER_PT };
}

export type PdfFont = { name: string; type: string; embedded: boolean };

export function pdfFonts(file: string): PdfFont[] {
  const [, dashes, ...rows] = run('pdffonts', [file]).split('\n');
  // Columns are fixed-width; the line of dashes under the header marks them.
  const columns: Array<[number, number]> = [];
  for (const match of (dashes ?? '').matchAll(/-+/g)) columns.push([match.index, match.index + match[0].length]);
  const cell = (row: string, index: number): string => row.slice(columns[index]![0], columns[index]![1]).trim();
  return rows
    .filter((row) => row.trim() !== '')
    .map((row) => ({ name: cell(row, 0), type: cell(row, 1), embedded: cell(row, 3) === 'yes' }));
}

/** The text of one page (1-based), or of all pages, in reading order with the layout kept. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-layout', ...range, file, '-']);
}

/** One PNG per page at `dpi` (the references are at 50 dpi), returned in page order. */
export function pdfToPngs(file: string, outDir: string, name: string, dpi = 50): string[] {
  run('pdftoppm', ['-png', '-r', String(dpi), file, join(outDir, name)]);
  return readdirSync(outDir)
    .filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.png'))
    .sort()
    .map((entry) => join(outDir, entry));
}
