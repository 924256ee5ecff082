/**
 * The options objects handed to Electron, built here so their every field is tested without the
 * Electron binary. Their shapes are checked against Electron's own types in electron-print.ts.
 */
import { PAPER_MARGIN_MM, type Paper } from '../../db/print/forms';
import { pageMm, toInches, toMicrons } from './page-setup';
import type { PrinterChoice } from './printer-choice';

export type WebContentsPrintOptions = {
  silent: boolean;
  printBackground: boolean;
  deviceName?: string;
  color: boolean;
  copies: number;
  landscape: boolean;
  scaleFactor: number;
  pageSize: { width: number; height: number };
  margins: { marginType: 'default' | 'none' };
};

export type PrintToPdfOptions = {
  pageSize: { width: number; height: number };
  margins: { top: number; bottom: number; left: number; right: number };
  preferCSSPageSize: boolean;
  printBackground: boolean;
  landscape: boolean;
};

/**
 * Sheets keep `marginType: 'default'`, under which Chromium applies the document's own `@page`
 * margins (the print CSS sets them); any other margin type makes it ignore them. A receipt has
 * none: a thermal head prints edge to edge.
 */
export function buildPrintOptions(
  paper: Paper,
  contentHeightMm: number,
  printer: PrinterChoice,
): WebContentsPrintOptions {
  const options: WebContentsPrintOptions = {
    silent: printer.silent,
    printBackground: true,
    color: false,
    copies: printer.copies,
    landscape: false,
    // 100 %: never "fit to page", which shrinks a receipt into the middle of the paper.
    scaleFactor: 100,
    pageSize: toMicrons(pageMm(paper, contentHeightMm)),
    margins: { marginType: PAPER_MARGIN_MM[paper] === 0 ? 'none' : 'default' },
  };
  if (printer.deviceName !== undefined) options.deviceName = printer.deviceName;
  return options;
}

/** The same page as the paper print: the CSS `@page` rule decides size and margins. */
export function buildPdfOptions(paper: Paper, contentHeightMm: number): PrintToPdfOptions {
  return {
    pageSize: toInches(pageMm(paper, contentHeightMm)),
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    preferCSSPageSize: true,
    printBackground: true,
    landscape: false,
  };
}

/** A file name from the job, safe on Windows and Linux: e.g. 维修服务单-S012-2-20261123-0042.pdf. */
export function pdfFileName(name: string): string {
  const safe = [...name]
    // Control characters and the characters Windows forbids in file names.
    .map((char) => (char.charCodeAt(0) < 0x20 || '<>:"/\\|?*'.includes(char) ? '-' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return `${safe || 'counterdesk'}.pdf`;
}
