/**
 * Page maths for Electron's two print paths (docs/ELECTRON.md §2), pure and unit-tested:
 * - `webContents.print` takes `pageSize` in MICRONS (minimum 353) and margins in pixels; an
 *   explicit size is always passed, because silent printing without one falls back to A4 or to
 *   tiny centred content (electron #31705, #50785);
 * - `webContents.printToPDF` takes `pageSize` in INCHES and margins in inches.
 * The paper sizes come from db/print/forms.ts, the same table the print CSS is written from.
 */
import { PAPER_MM, type Paper } from '../../db/print/forms';

export const MICRONS_PER_MM = 1000;
export const MM_PER_INCH = 25.4;
/** Electron refuses page sides under 353 µm. */
export const MIN_PAGE_MICRONS = 353;
/** A receipt longer than this is a runaway layout, not a receipt: 2 m of paper. */
export const MAX_RECEIPT_MM = 2000;

export type PageMm = { width: number; height: number };

/** The paper a job needs: fixed sheets as they are; a receipt as long as its content. */
export function pageMm(paper: Paper, contentHeightMm: number): PageMm {
  const size = PAPER_MM[paper];
  if (size.height !== 'content') return { width: size.width, height: size.height };
  if (!Number.isFinite(contentHeightMm) || contentHeightMm <= 0)
    throw new Error(`a receipt needs its content height, not ${contentHeightMm}`);
  if (contentHeightMm > MAX_RECEIPT_MM)
    throw new Error(
      `a receipt of ${Math.round(contentHeightMm)} mm is too long to print (at most ${MAX_RECEIPT_MM} mm)`,
    );
  return { width: size.width, height: Math.ceil(contentHeightMm) };
}

export function toMicrons(page: PageMm): { width: number; height: number } {
  return {
    width: Math.max(MIN_PAGE_MICRONS, Math.round(page.width * MICRONS_PER_MM)),
    height: Math.max(MIN_PAGE_MICRONS, Math.round(page.height * MICRONS_PER_MM)),
  };
}

export function toInches(page: PageMm): { width: number; height: number } {
  return { width: page.width / MM_PER_INCH, height: page.height / MM_PER_INCH };
}
