/**
 * Reading a PDF the way a person checking a print would — its pages and paper size, its fonts, its
 * text, its pixels — with pdf.js (pdfjs-dist's Node build) and @napi-rs/canvas: npm packages with
 * prebuilt binaries, so no poppler or other system package is needed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

export const MM_PER_PT = 25.4 / 72;

const pdfjsFolder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

function openPdf(file: string) {
  return getDocument({
    data: new Uint8Array(readFileSync(file)),
    // Fonts are drawn from the PDF's own glyph outlines; nothing is taken from the system.
    disableFontFace: true,
    useSystemFonts: false,
    fontExtraProperties: true,
    standardFontDataUrl: join(pdfjsFolder, 'standard_fonts') + '/',
    cMapUrl: join(pdfjsFolder, 'cmaps') + '/',
    cMapPacked: true,
    verbosity: 0,
  });
}

async function withPdf<T>(file: string, read: (pdf: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const loading = openPdf(file);
  try {
    return await read(await loading.promise);
  } finally {
    await loading.destroy();
  }
}

function pageNumbers(pdf: PDFDocumentProxy, page?: number): number[] {
  if (page === undefined) return Array.from({ length: pdf.numPages }, (_, index) => index + 1);
  if (!Number.isInteger(page) || page < 1 || page > pdf.numPages)
    throw new Error(`page ${page} is not in the PDF (it has ${pdf.numPages})`);
  return [page];
}

export type PdfInfo = { pages: number; widthMm: number; heightMm: number };

/** The page count, and the first page's paper size in mm (as the page is shown, rotation applied). */
export function pdfInfo(file: string): Promise<PdfInfo> {
  return withPdf(file, async (pdf) => {
    const { width, height } = (await pdf.getPage(1)).getViewport({ scale: 1 });
    return { pages: pdf.numPages, widthMm: width * MM_PER_PT, heightMm: height * MM_PER_PT };
  });
}

export type PdfFont = { name: string; type: string; embedded: boolean };

type LoadedFont = { name?: string; type?: string; missingFile?: boolean };

/** Every font the pages draw text with: its PDF name (subset tag included), type, and whether the PDF carries it. */
export function pdfFonts(file: string): Promise<PdfFont[]> {
  return withPdf(file, async (pdf) => {
    const fonts = new Map<string, PdfFont>();
    for (const number of pageNumbers(pdf)) {
      const page = await pdf.getPage(number);
      const operators = await page.getOperatorList();
      operators.fnArray.forEach((fn, index) => {
        if (fn !== OPS.setFont) return;
        const id = String((operators.argsArray[index] as unknown[])[0]);
        if (fonts.has(id)) return;
        const font = page.commonObjs.get(id) as LoadedFont;
        fonts.set(id, { name: font.name ?? id, type: font.type ?? '', embedded: font.missingFile !== true });
      });
    }
    return [...fonts.values()];
  });
}

/**
 * One page's text in reading order: pieces on the same baseline (within a third of their height)
 * make a line, left to right; a gap wider than a fifth of the text height reads as one space.
 */
async function pageText(page: PDFPageProxy): Promise<string> {
  const items = (await page.getTextContent()).items.filter(
    (item): item is TextItem => 'str' in item && item.str !== '',
  );
  const pieces = items.map((item) => ({
    text: item.str,
    x: item.transform[4] as number,
    y: item.transform[5] as number,
    width: item.width,
    size: Math.hypot(item.transform[2] as number, item.transform[3] as number) || 1,
  }));
  pieces.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<typeof pieces> = [];
  for (const piece of pieces) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - piece.y) <= piece.size / 3) line.push(piece);
    else lines.push([piece]);
  }
  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      let text = '';
      let end: number | null = null;
      for (const piece of line) {
        const gap = end === null ? 0 : piece.x - end;
        if (end !== null && gap > piece.size / 5 && !text.endsWith(' ') && !piece.text.startsWith(' ')) text += ' ';
        text += piece.text;
        end = piece.x + piece.width;
      }
      return text.trimEnd();
    })
    .join('\n');
}

/** The text of one page (1-based), or of all pages (a form feed between pages), in reading order. */
export function pdfText(file: string, page?: number): Promise<string> {
  return withPdf(file, async (pdf) => {
    const texts: string[] = [];
    for (const number of pageNumbers(pdf, page)) texts.push(await pageText(await pdf.getPage(number)));
    return texts.join('\n\f');
  });
}

/** One PNG per page at `dpi` (the references are at 50 dpi) on white, as `<name>-<page>.png`, in page order. */
export function pdfToPngs(file: string, outDir: string, name: string, dpi = 50): Promise<string[]> {
  return withPdf(file, async (pdf) => {
    mkdirSync(outDir, { recursive: true });
    const files: string[] = [];
    for (const number of pageNumbers(pdf)) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as never, viewport })
        .promise;
      const png = join(outDir, `${name}-${number}.png`);
      writeFileSync(png, canvas.toBuffer('image/png'));
      files.push(png);
    }
    return files;
  });
}
