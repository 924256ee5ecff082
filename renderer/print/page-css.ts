/**
 * The `@page` rule of a print route: the paper size, its margins and the footer (page x of y,
 * print time) in the page margin boxes. Only the print route emits it: the in-app preview must
 * not change how the app itself would print.
 */
import { PAPER_MARGIN_MM, PAPER_MM, type Paper } from '../../db/api';

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/** `pages`: the page-number text with `[page]` and `[pages]` where the numbers go. */
export type PageFooter = { pages: string; printedAt: string };

/** "第 [page] 页，共 [pages] 页" → `"第 " counter(page) " 页，共 " counter(pages) " 页"`. */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\[page\]|\[pages\])/)
    .filter((part) => part !== '')
    .map((part) => (part === '[page]' ? 'counter(page)' : part === '[pages]' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/**
 * A receipt's paper length follows its content: measured, plus a little slack so rounding never
 * spills a last line onto a second (blank-looking) slip.
 */
export function receiptLengthMm(contentHeightMm: number): number {
  return Math.ceil(contentHeightMm + 2);
}

export function pageCss(paper: Paper, footer: PageFooter, receiptMm?: number): string {
  const size = PAPER_MM[paper];
  const margin = PAPER_MARGIN_MM[paper];
  if (size.height === 'content') {
    const length = receiptLengthMm(receiptMm ?? 100);
    return `@page { size: ${size.width}mm ${length}mm; margin: 0; }`;
  }
  // Labels: edge to edge, no footer (a page number on a 30 mm label would cover the label).
  if (margin === 0) return `@page { size: ${size.width}mm ${size.height}mm; margin: 0; }`;
  const font = `font-family: 'Noto Sans SC', 'Noto Sans', sans-serif; font-size: 7.5pt;`;
  return [
    `@page {`,
    `  size: ${size.width}mm ${size.height}mm;`,
    `  margin: ${margin}mm ${margin}mm ${margin + 2}mm;`,
    `  @bottom-left { content: ${cssString(footer.printedAt)}; ${font} }`,
    `  @bottom-right { content: ${pageCounterContent(footer.pages)}; ${font} }`,
    `}`,
  ].join('\n');
}
