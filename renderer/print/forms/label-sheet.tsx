/**
 * Labels on their paper: on a thermal roll (50 × 30, 40 × 30 mm) each label is a page of its own,
 * edge to edge; on an A4 label sheet they fill a 3 × 8 grid of 70 × 37 mm, page after page. A
 * label's barcode is as wide as the label allows: the module width follows the label's width.
 */
import type { ReactNode } from 'react';
import { A4_LABEL_GRID, PAPER_MM, type Paper } from '../../../db/api';
import { Barcode, code128Bars } from '../barcode';

/** A label's size in millimetres on this paper. */
export function labelMm(paper: Paper): { width: number; height: number } {
  if (paper === 'A4-labels') return { width: A4_LABEL_GRID.widthMm, height: A4_LABEL_GRID.heightMm };
  const size = PAPER_MM[paper];
  return { width: size.width, height: size.height === 'content' ? 30 : size.height };
}

/**
 * The widest module that fits `widthMm`, never over 0.33 mm (wider only wastes the label) and
 * never under 0.15 mm (about the narrowest bar a counter scanner reads; a longer code than that
 * allows is refused by the caller's layout, not printed unreadable).
 */
export function moduleFor(text: string, widthMm: number): number {
  const { modules } = code128Bars(text);
  return Math.max(0.15, Math.min(0.33, widthMm / modules));
}

export function LabelBarcode({ text, widthMm, heightMm }: { text: string; widthMm: number; heightMm: number }) {
  return <Barcode text={text} heightMm={heightMm} moduleMm={moduleFor(text, widthMm)} label={text} />;
}

export function LabelSheet({ paper, labels }: { paper: Paper; labels: ReadonlyArray<ReactNode> }) {
  const size = labelMm(paper);
  const box = (label: ReactNode, key: number) => (
    <div key={key} className="pf-label" style={{ width: `${size.width}mm`, height: `${size.height}mm` }}>
      {label}
    </div>
  );
  if (paper !== 'A4-labels') return <div className="pf-label-roll">{labels.map(box)}</div>;
  const perSheet = A4_LABEL_GRID.columns * A4_LABEL_GRID.rows;
  const sheets: ReactNode[][] = [];
  for (let i = 0; i < labels.length; i += perSheet) sheets.push(labels.slice(i, i + perSheet));
  return (
    <>
      {sheets.map((sheet, index) => (
        <div
          key={index}
          className="pf-label-sheet"
          style={{ gridTemplateColumns: `repeat(${A4_LABEL_GRID.columns}, ${A4_LABEL_GRID.widthMm}mm)` }}
        >
          {sheet.map((label, i) => box(label, index * perSheet + i))}
        </div>
      ))}
    </>
  );
}
