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

export const MM_PER_PT = 25.4 / 72;

const pdfjsFolder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

function openPdf(file: string) {
  return getDocument({
    data: new Uint8Array(readFileSync(file)),
    // Fonts are drawn from the PDF's own glyph outlines. Nothing stands in for a font the PDF does
    // not carry (no system fonts, no pdf.js standard-font data), so pdfFonts can tell it is missing.
    disableFontFace: true,
    useSystemFonts: false,
    fontExtraProperties: true,
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

/** The document's Title in its metadata (what a PDF reader shows in its title bar), or null. */
export function pdfTitle(file: string): Promise<string | null> {
  return withPdf(file, async (pdf) => {
    const { info } = await pdf.getMetadata();
    const title = (info as { Title?: unknown }).Title;
    return typeof title === 'string' && title !== '' ? title : null;
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

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `inner` then `outer`, as PDF matrices compose (pdf.js's Util.transform(outer, inner)). */
function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [g, h, i, j, k, l] = inner;
  return [a * g + c * h, b * g + d * h, a * i + c * j, b * i + d * j, a * k + c * l + e, b * k + d * l + f];
}

type Glyph = { unicode: string; width: number; isSpace?: boolean };
type PlacedChar = { text: string; x: number; y: number; size: number; advance: number };

/**
 * Every character a page draws, where it is drawn: the text operators replayed with their text
 * and graphics state (PDF 32000 §9.4). pdf.js's getTextContent guesses spaces from gaps, and reads
 * letter-spaced text ("C O P Y") as words; Chromium writes its spaces as glyphs, so the gaps here
 * only decide where two runs (table cells, say) meet.
 */
async function placedChars(page: PDFPageProxy): Promise<PlacedChar[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const chars: PlacedChar[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [...IDENTITY];
  let lineMatrix: Matrix = [...IDENTITY];
  let textMatrix: Matrix = [...IDENTITY];
  let fontSize = 0;
  let fontScale = 0.001;
  let charSpacing = 0;
  let wordSpacing = 0;
  let hScale = 1;
  let leading = 0;
  let rise = 0;
  const moveText = (tx: number, ty: number) => {
    lineMatrix = compose(lineMatrix, [1, 0, 0, 1, tx, ty]);
    textMatrix = [...lineMatrix];
  };
  const show = (glyphs: ReadonlyArray<Glyph | number | null>) => {
    for (const glyph of glyphs) {
      if (glyph === null) continue;
      if (typeof glyph === 'number') {
        textMatrix = compose(textMatrix, [1, 0, 0, 1, (-glyph / 1000) * fontSize * hScale, 0]);
        continue;
      }
      const render = compose(ctm, compose(textMatrix, [1, 0, 0, 1, 0, rise]));
      const tx = (glyph.width * fontScale * fontSize + charSpacing + (glyph.isSpace ? wordSpacing : 0)) * hScale;
      chars.push({
        text: glyph.unicode,
        x: render[4],
        y: render[5],
        size: Math.abs(fontSize * Math.hypot(render[2], render[3])) || 1,
        advance: tx * Math.hypot(render[0], render[1]),
      });
      textMatrix = compose(textMatrix, [1, 0, 0, 1, tx, 0]);
    }
  };
  fnArray.forEach((fn, index) => {
    const args = (argsArray[index] ?? []) as unknown[];
    const numbers = (value: unknown) => Array.from(value as ArrayLike<number>);
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = compose(ctm, numbers(args) as Matrix);
        break;
      case OPS.beginText:
        lineMatrix = [...IDENTITY];
        textMatrix = [...IDENTITY];
        break;
      case OPS.setFont: {
        fontSize = Number(args[1]);
        const font = page.commonObjs.get(String(args[0])) as { fontMatrix?: number[] };
        fontScale = font.fontMatrix?.[0] ?? 0.001;
        break;
      }
      case OPS.setTextMatrix:
        lineMatrix = numbers(args[0]) as Matrix;
        textMatrix = [...lineMatrix];
        break;
      case OPS.moveText:
        moveText(Number(args[0]), Number(args[1]));
        break;
      case OPS.setLeadingMoveText:
        leading = -Number(args[1]);
        moveText(Number(args[0]), Number(args[1]));
        break;
      case OPS.setLeading:
        leading = Number(args[0]);
        break;
      case OPS.nextLine:
        moveText(0, -leading);
        break;
      case OPS.setCharSpacing:
        charSpacing = Number(args[0]);
        break;
      case OPS.setWordSpacing:
        wordSpacing = Number(args[0]);
        break;
      case OPS.setHScale:
        hScale = Number(args[0]) / 100;
        break;
      case OPS.setTextRise:
        rise = Number(args[0]);
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        show(args[0] as Glyph[]);
        break;
      case OPS.nextLineShowText:
        moveText(0, -leading);
        show(args[0] as Glyph[]);
        break;
      case OPS.nextLineSetSpacingShowText:
        wordSpacing = Number(args[0]);
        charSpacing = Number(args[1]);
        moveText(0, -leading);
        show(args[2] as Glyph[]);
        break;
    }
  });
  return chars;
}

/**
 * One page's text in reading order: characters on the same baseline (within a third of their
 * height) make a line, left to right; where two runs meet with a gap wider than a fifth of the
 * text height (letter-spacing is a tenth), one space.
 */
async function pageText(page: PDFPageProxy): Promise<string> {
  const chars = await placedChars(page);
  chars.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PlacedChar[][] = [];
  for (const char of chars) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - char.y) <= char.size / 3) line.push(char);
    else lines.push([char]);
  }
  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      let text = '';
      let end: number | null = null;
      for (const char of line) {
        if (end !== null && char.x - end > char.size / 5 && !text.endsWith(' ') && char.text !== ' ') text += ' ';
        text += char.text;
        end = char.x + char.advance;
      }
      return text.replace(/ +$/, '');
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
      // Whole pixels, rounded up, as poppler's pdftoppm sizes its pages.
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
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
